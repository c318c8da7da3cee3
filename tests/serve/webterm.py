"""Browser tabs without the browser.

:class:`WebTerminal` speaks textual-serve's websocket protocol exactly as its
page (textual.js) does; :class:`ServedSession` is one session as the server
runs it (textual-serve's own ``AppService``) with any command.  Both keep the
app's screen in a terminal emulator (pyte), as the page's xterm.js does.
"""

from __future__ import annotations

import asyncio
import json
import re
import time

import aiohttp
import pyte
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager


async def hang_up(
    ws: aiohttp.ClientWebSocketResponse | None, reader: asyncio.Task[None] | None, http: aiohttp.ClientSession | None
) -> None:
    """Close a websocket client: the socket, the task reading it, its HTTP session."""
    if ws is not None:
        await ws.close()
    if reader is not None:
        await asyncio.wait_for(reader, 10)
    if http is not None:
        await http.close()


class TerminalScreen:
    """What the page shows: the app's output fed to a terminal emulator."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.closed = asyncio.Event()
        self.last_output = time.monotonic()

    def feed(self, data: bytes) -> None:
        self.stream.feed(data)
        self.last_output = time.monotonic()

    async def settle(self, quiet: float = 0.5, timeout: float = 20) -> str:
        """The screen once the app has sent nothing for ``quiet`` seconds
        (before clicking where something shows: the layout may still move)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() - self.last_output < quiet and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return self.text()

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def find(self, needle: str) -> tuple[int, int]:
        """The cell (x, y) where ``needle`` first shows."""
        for y, line in enumerate(self.screen.display):
            if needle in line:
                return line.index(needle), y
        raise AssertionError(f"{needle!r} is not on the screen:\n{self.text()}")

    async def wait_for(self, needle: str | re.Pattern[str], timeout: float = 20) -> str:
        """The screen once it shows ``needle`` (text or a pattern); AssertionError
        with the screen if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.text()
            if needle.search(screen) if isinstance(needle, re.Pattern) else needle in screen:
                return screen
            if self.closed.is_set():
                break
            await asyncio.sleep(0.05)
        raise AssertionError(f"{needle!r} never appeared; the screen:\n{self.text()}")


    async def wait_gone(self, needle: str, timeout: float = 20) -> str:
        """The screen once ``needle`` no longer shows."""
        deadline = time.monotonic() + timeout
        while needle in self.text():
            if time.monotonic() > deadline or self.closed.is_set():
                raise AssertionError(f"{needle!r} never went; the screen:\n{self.text()}")
            await asyncio.sleep(0.05)
        return self.text()


class WebTerminal(TerminalScreen):
    """One tab: ``async with WebTerminal(url) as tab: await tab.wait_for(...)``."""

    def __init__(self, page_url: str, *, width: int = 120, height: int = 36) -> None:
        super().__init__(width, height)
        self.page_url = page_url.rstrip("/") + "/"
        self._http: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None
        self.pongs: list[str] = []

    async def __aenter__(self) -> WebTerminal:
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        async with self._http.get(self.page_url) as page:  # the page first, as a browser does
            page.raise_for_status()
            html = await page.text()
        ws_url = html.split('data-session-websocket-url="', 1)[1].split('"', 1)[0]
        self._ws = await self._http.ws_connect(
            f"{ws_url}?width={self.width}&height={self.height}", headers={"Origin": self.page_url.rstrip("/")}
        )
        await self._send(["resize", {"width": self.width, "height": self.height}])
        await self._send(["ping", str(int(time.time() * 1000))])
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await hang_up(self._ws, self._reader, self._http)

    async def _send(self, envelope: list[object]) -> None:
        assert self._ws is not None
        await self._ws.send_str(json.dumps(envelope))

    async def _read(self) -> None:
        assert self._ws is not None
        async for message in self._ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.feed(message.data)
            elif message.type == aiohttp.WSMsgType.TEXT:
                envelope = json.loads(message.data)
                if envelope[0] == "pong":
                    self.pongs.append(envelope[1])
        self.closed.set()

    async def type(self, text: str) -> None:
        """What xterm.js sends for keys typed: the characters themselves
        (Enter is ``\\r``, Escape ``\\x1b``, ↓ ``\\x1b[B``)."""
        await self._send(["stdin", text])

    async def click(self, x: int, y: int) -> None:
        """A left click on cell (x, y), as xterm.js reports it to an app that
        asked for SGR mouse reports: press, then release (1-based)."""
        await self._send(["stdin", f"\x1b[<0;{x + 1};{y + 1}M"])
        await self._send(["stdin", f"\x1b[<0;{x + 1};{y + 1}m"])


class ServedSession(TerminalScreen):
    """One session as textual-serve runs it for a tab, running ``command``."""

    def __init__(self, command: str, *, width: int = 120, height: int = 36) -> None:
        super().__init__(width, height)
        self.service = AppService(
            command, write_bytes=self._bytes, write_str=self._str, close=self._close, download_manager=DownloadManager()
        )

    async def _bytes(self, data: bytes) -> None:
        self.feed(data)

    async def _str(self, data: str) -> None:
        pass  # open_url and downloads: nothing here uses them

    async def _close(self) -> None:
        self.closed.set()

    async def __aenter__(self) -> ServedSession:
        await self.service.start(self.width, self.height)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.wait_for(self.service.stop(), 20)
