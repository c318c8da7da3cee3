"""The web server behind `reader serve`: textual-serve's, with the checks a
served reader needs.

textual-serve starts one command per browser tab and relays the app's screen
and the tab's keys over a websocket.  This subclass adds what textual-serve
leaves to its users: on loopback it answers only requests addressed to a
loopback name (a web page that re-points its own domain at 127.0.0.1 is
refused), a websocket must come from a page this server served (another site
open in the same browser cannot drive a tab), the page connects back to the
address the browser used, and stopping the server stops every tab's app.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

SHUTDOWN_SECONDS = 5.0  # how long the tabs' apps get to quit when the server stops

log = logging.getLogger("reader.serve")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class CannotListen(Exception):
    """The address or port cannot be listened on; ``reason`` is the OSError."""

    def __init__(self, reason: OSError) -> None:
        super().__init__(str(reason))
        self.reason = reason


class ReaderServer(Server):
    """Serves ``command`` (one process per tab) on ``host``:``port``."""

    def __init__(self, command: str, *, host: str, port: int, loopback_only: bool) -> None:
        super().__init__(command, host=host, port=port, title="Guided Reader")
        self.loopback_only = loopback_only
        self.tabs: set[web.WebSocketResponse] = set()

    def initialize_logging(self) -> None:
        """Plain one-line messages, warnings and worse only."""
        logging.basicConfig(level=logging.WARNING, format="reader serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a banner here; `reader serve` prints its own line."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every tab as if the browser had: each handler then stops its app."""
        for websocket in list(self.tabs):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"the server stopped")

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._check_host)
        return app

    @web.middleware
    async def _check_host(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.loopback_only and not names_loopback(request.host):
            log.warning("refused a request addressed to %r: this server answers loopback names only", request.host)
            raise web.HTTPMisdirectedRequest(text="This Guided Reader answers on this machine's loopback address only.\n")
        return await handler(request)

    async def handle_index(self, request: web.Request) -> Any:
        # textual-serve builds the page's URLs from ``public_url``; it renders
        # the page without awaiting anything, so this holds for this request.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """One tab: its own app process, relayed until the tab or the server
        closes the websocket; then the app is told to quit and waited for.

        textual-serve's own handler, with the origin check and a register of
        open tabs, so stopping the server closes them as a tab closes."""
        origin = request.headers.get("Origin")
        if origin is not None and not same_site(origin, request):  # browsers always send one
            log.warning("refused a websocket from the page at %r: only this server's own page may connect", origin)
            raise web.HTTPForbidden(text="Only Guided Reader's own page may connect.\n")
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        app = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.tabs.add(websocket)
        try:
            await app.start(to_int(request.query.get("width", "80"), 80), to_int(request.query.get("height", "24"), 24))
            try:
                await self._process_messages(websocket, app)
            except (ValueError, AssertionError, KeyError, TypeError) as exc:  # what textual-serve's reading raises
                log.warning("closed a tab that sent a message it cannot read (%s: %s)", type(exc).__name__, exc)
            finally:
                await asyncio.shield(app.stop())  # the app quits even when this handler is cancelled
        finally:
            self.tabs.discard(websocket)
            await websocket.close()
        return websocket

    async def run(self, announce: Callable[[int], None]) -> None:
        """Listen (``announce`` gets the port bound), until SIGINT or SIGTERM;
        then stop the tabs' apps and return.  :class:`CannotListen` when it cannot."""
        self.initialize_logging()
        runner = web.AppRunner(await self._make_app(), shutdown_timeout=SHUTDOWN_SECONDS, access_log=None)
        await runner.setup()
        try:
            try:
                await web.TCPSite(runner, self.host, self.port).start()
            except OSError as exc:
                raise CannotListen(exc) from None
            self.port = runner.addresses[0][1]
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, stop.set)
            announce(self.port)
            await stop.wait()
        finally:
            await runner.cleanup()


def names_loopback(host: str) -> bool:
    """Whether a request's Host header (``name[:port]``) names this machine only."""
    name = (_split(f"//{host}")[0] or "").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def same_site(origin: str, request: web.Request) -> bool:
    """Whether the page that opened a websocket was served by this server."""
    page = _split(origin)
    return page[0] is not None and page == _split(f"{request.scheme}://{request.host}")


def _split(url: str) -> tuple[str | None, int | None]:
    """(host name, port) of a URL, the port filled in from the scheme; (None, None) when malformed."""
    try:
        parts = urlsplit(url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    except ValueError:
        return None, None
    return (parts.hostname, port) if parts.hostname else (None, None)
