"""A real headless Chromium, driven over the DevTools protocol.

The browser loads `reader serve`'s page like a person's would; every frame
the page's websocket receives is also fed to a terminal emulator (pyte), so a
test can wait until the page has been sent the article before it takes a
screenshot, and click cells of the screen with the real mouse.

Also a small tool for the README's picture:
``python -m tests.serve.chromium URL OUT.png [KEYS]`` (Enter is ``$'\r'``).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp

from tests.serve.webterm import TerminalScreen, hang_up

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [  # no sandbox as root in a container; nothing fetched that the page does not ask for
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--mute-audio",
]
START_SECONDS = 30


def find_chromium() -> str | None:
    """The browser on this machine, if any (Debian's `chromium` first)."""
    for name in NAMES:
        if found := shutil.which(name):
            return found
    return None


class Chromium:
    """``async with Chromium(executable, profile) as browser: await browser.open(url)``."""

    def __init__(self, executable: str, profile: Path, *, width: int = 1280, height: int = 800) -> None:
        self.executable = executable
        self.profile = profile
        self.width, self.height = width, height
        self.process: subprocess.Popen[bytes] | None = None
        self.terminal: TerminalScreen | None = None  # once the page opened its websocket
        self._http: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._next_id = 0

    async def __aenter__(self) -> Chromium:
        self.profile.mkdir(parents=True, exist_ok=True)
        log = open(self.profile / "chromium.log", "wb")
        self.process = subprocess.Popen(
            [
                self.executable,
                *FLAGS,
                f"--user-data-dir={self.profile}",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                f"--window-size={self.width},{self.height}",
                "about:blank",
            ],
            stdout=log,
            stderr=log,
            start_new_session=True,  # its helper processes in one group, ended together
        )
        log.close()
        try:
            port = await self._devtools_port()
            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=START_SECONDS))
            async with self._http.get(f"http://127.0.0.1:{port}/json/list") as answer:
                targets = await answer.json()
            page = next(t for t in targets if t["type"] == "page")
            self._ws = await self._http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
            self._reader = asyncio.create_task(self._read())
            await self.send("Network.enable")
            await self.send("Page.enable")
        except BaseException:
            await self.__aexit__()
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        await hang_up(self._ws, self._reader, self._http)
        if self.process is not None:
            self.process.terminate()
            try:
                await asyncio.to_thread(self.process.wait, 10)
            except subprocess.TimeoutExpired:
                pass
            try:  # helpers (renderer, GPU, zygote) share the browser's process group
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()

    async def _devtools_port(self) -> int:
        active = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"chromium exited at start: {(self.profile / 'chromium.log').read_text(errors='replace')[-2000:]}")
            if active.exists() and (first := active.read_text().split("\n", 1)[0]).isdigit():
                return int(first)
            await asyncio.sleep(0.05)
        raise TimeoutError(f"chromium did not open its DevTools port within {START_SECONDS} s")

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        assert self._ws is not None
        self._next_id += 1
        answer: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = answer
        await self._ws.send_str(json.dumps({"id": self._next_id, "method": method, "params": params}))
        reply = await asyncio.wait_for(answer, START_SECONDS)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    async def _read(self) -> None:
        assert self._ws is not None
        async for message in self._ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            if "id" in data:
                if (answer := self._pending.pop(data["id"], None)) is not None and not answer.done():
                    answer.set_result(data)
            elif data.get("method") == "Network.webSocketCreated":
                query = parse_qs(urlsplit(data["params"]["url"]).query)
                self.terminal = TerminalScreen(int(query["width"][0]), int(query["height"][0]))
            elif data.get("method") == "Network.webSocketFrameReceived" and self.terminal is not None:
                frame = data["params"]["response"]
                if frame["opcode"] == 2:  # binary: the app's output
                    self.terminal.feed(base64.b64decode(frame["payloadData"]))
            elif data.get("method") == "Network.webSocketFrameSent" and self.terminal is not None:
                sent = json.loads(data["params"]["response"]["payloadData"])
                if sent[0] == "resize":  # the page fits the terminal to the window
                    self.terminal.screen.resize(sent[1]["height"], sent[1]["width"])
                    self.terminal.width, self.terminal.height = sent[1]["width"], sent[1]["height"]

    async def open(self, url: str, *, wait_for: str | re.Pattern[str], timeout: float = 30) -> TerminalScreen:
        """Load the page; returns the terminal once the page was sent ``wait_for``."""
        await self.send("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        while self.terminal is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"the page at {url} opened no websocket within {timeout} s")
            await asyncio.sleep(0.05)
        await self.terminal.wait_for(wait_for, timeout=max(1.0, deadline - time.monotonic()))
        return self.terminal

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        return result["result"].get("value")

    async def painted(self) -> None:
        """Wait until the terminal has drawn what it received (two animation frames)."""
        await asyncio.sleep(0.3)
        await self.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))")

    async def click_cell(self, x: int, y: int) -> None:
        """A real mouse click in the middle of terminal cell (x, y)."""
        assert self.terminal is not None
        box = await self.evaluate(
            "(() => { const r = document.querySelector('.xterm-screen').getBoundingClientRect();"
            " return {left: r.left, top: r.top, width: r.width, height: r.height}; })()"
        )
        px = box["left"] + (x + 0.5) * box["width"] / self.terminal.width
        py = box["top"] + (y + 0.5) * box["height"] / self.terminal.height
        await self.send("Input.dispatchMouseEvent", type="mouseMoved", x=px, y=py)
        for kind in ("mousePressed", "mouseReleased"):
            await self.send("Input.dispatchMouseEvent", type=kind, x=px, y=py, button="left", clickCount=1)

    async def focus(self) -> None:
        """Give the terminal the keyboard, as a person's first click does."""
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")

    async def press(self, key: str) -> None:
        """A real key press: a printable character, or a DOM key name such as ``Escape``."""
        codes = {"Escape": 27, "Enter": 13, "ArrowRight": 39, "ArrowLeft": 37, "ArrowDown": 40, "ArrowUp": 38}
        if key in codes:
            event = {"key": key, "code": key, "windowsVirtualKeyCode": codes[key]}
            await self.send("Input.dispatchKeyEvent", type="rawKeyDown", **event)
            await self.send("Input.dispatchKeyEvent", type="keyUp", **event)
        else:
            await self.send("Input.dispatchKeyEvent", type="keyDown", key=key, text=key)
            await self.send("Input.dispatchKeyEvent", type="keyUp", key=key)

    async def screenshot(self, path: Path) -> bytes:
        png = base64.b64decode((await self.send("Page.captureScreenshot", format="png"))["data"])
        path.write_bytes(png)
        return png


async def _picture(url: str, out: Path, keys: str) -> None:
    executable = find_chromium()
    if executable is None:
        raise SystemExit("no chromium on this machine")
    with tempfile.TemporaryDirectory() as profile:
        async with Chromium(executable, Path(profile)) as browser:
            terminal = await browser.open(url, wait_for=re.compile(r"Claims \(\d+\)"))
            await browser.focus()
            for key in keys:
                await browser.press({"\r": "Enter", "\x1b": "Escape"}.get(key, key))
                await asyncio.sleep(0.5)
            await asyncio.sleep(1.5)
            await browser.painted()
            await browser.screenshot(out)
            print(terminal.text())


if __name__ == "__main__":
    asyncio.run(_picture(sys.argv[1], Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else ""))
