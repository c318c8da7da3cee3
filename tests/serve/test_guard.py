"""Safe by default: loopback unless told otherwise, a warning when told,
one-line errors, and a served tab only for this server's own page."""

from __future__ import annotations

import socket
from pathlib import Path

import aiohttp
import pytest

from reader.cli import main
from tests.serve.server import Served, serving
from tests.serve.webterm import WebTerminal


def test_a_non_loopback_host_needs_public(served_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["serve", "--host", "0.0.0.0", "--index", str(served_index)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "add --public" in err and "anyone who reaches it can read the index" in err


def test_public_warns_in_one_line_and_serves(served_index: Path) -> None:
    with serving("--host", "0.0.0.0", "--public", "--index", str(served_index)) as served:
        port = str(served.port)
        with socket.create_connection(("127.0.0.1", served.port), timeout=10) as connection:
            connection.sendall(b"GET / HTTP/1.0\r\nHost: reader.example:" + port.encode() + b"\r\n\r\n")
            page = connection.makefile("rb").read().decode("utf-8", "replace")
    assert page.startswith("HTTP/1.0 200") and f"ws://reader.example:{port}/ws" in page  # the page connects back the way it came
    _, err = served.stop()
    assert err.count("\n") == 1 and "warning: serving on 0.0.0.0 — anyone who can reach it can read the index" in err


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--host", "no-such-host.invalid"], "cannot listen on 'no-such-host.invalid': no such host name"),
        (["--host", "127.0.0.1", "--port", "{busy}"], "port {busy} on 127.0.0.1 is in use — stop what uses it, or pick another with --port"),
    ],
)
def test_what_stops_it_from_listening_is_one_line(
    options: list[str], message: str, served_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        code = main(["serve", "--index", str(served_index), *(o.format(busy=port) for o in options)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and message.format(busy=port) in err and "Traceback" not in err


async def test_only_loopback_names_and_its_own_page_reach_a_loopback_server(served: Served) -> None:
    port = served.port
    assert served.wait_children(0) == []  # no tab of an earlier test is open
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as http:
        # a page that re-points its own domain at 127.0.0.1 (DNS rebinding) is refused
        async with http.get(served.url, headers={"Host": f"attacker.example:{port}"}) as answer:
            assert answer.status == 421
        # another site open in the browser cannot open a tab
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(f"ws://127.0.0.1:{port}/ws", headers={"Origin": "http://attacker.example"})
        assert refused.value.status == 403
        assert served.children() == []  # and no app was started for it
        # a client sending what the page never sends is closed, its app ended
        garbled = await http.ws_connect(f"ws://127.0.0.1:{port}/ws", headers={"Origin": f"http://127.0.0.1:{port}"})
        await garbled.send_str("not a message")
        while (await garbled.receive(timeout=20)).type not in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            pass
        assert served.wait_children(0) == []
    # the page opened as localhost talks to localhost, and works
    async with WebTerminal(f"http://localhost:{port}/") as tab:
        await tab.wait_for("Claims")
