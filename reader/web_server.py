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

from aiohttp import web
from textual_serve.server import Server
from yarl import URL

SHUTDOWN_SECONDS = 5.0  # how long the tabs' apps get to quit when the server stops

log = logging.getLogger("reader.serve")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ReaderServer(Server):
    """Serves ``command`` (one process per tab) on ``host``:``port``."""

    def __init__(self, command: str, *, host: str, port: int, loopback_only: bool) -> None:
        super().__init__(command, host=host, port=port, title="Guided Reader")
        self.loopback_only = loopback_only
        self.sessions: set[asyncio.Task[Any]] = set()  # one per open tab

    def initialize_logging(self) -> None:
        """Plain one-line messages, warnings and worse only."""
        logging.basicConfig(level=logging.WARNING, format="reader serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a banner here; `reader serve` prints its own line."""

    async def on_shutdown(self, app: web.Application) -> None:
        """End every tab's session: textual-serve then closes its websocket,
        tells its app to quit and waits for the app to exit."""
        sessions = list(self.sessions)
        for task in sessions:
            task.cancel()
        if sessions:
            await asyncio.wait(sessions, timeout=SHUTDOWN_SECONDS)

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
        origin = request.headers.get("Origin")
        if origin is not None and not same_site(origin, request):  # browsers always send one
            log.warning("refused a websocket from the page at %r: only this server's own page may connect", origin)
            raise web.HTTPForbidden(text="Only Guided Reader's own page may connect.\n")
        task = asyncio.current_task()
        assert task is not None
        self.sessions.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions.discard(task)

    async def run(self, announce: Callable[[int], None]) -> None:
        """Listen (``announce`` gets the port bound), until SIGINT or SIGTERM;
        then stop the tabs' apps and return.  OSError when it cannot listen."""
        self.initialize_logging()
        runner = web.AppRunner(await self._make_app(), shutdown_timeout=SHUTDOWN_SECONDS, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
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
    try:
        name = URL(f"http://{host}").host or ""
    except ValueError:
        return False
    if name.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def same_site(origin: str, request: web.Request) -> bool:
    """Whether the page that opened a websocket was served by this server."""
    try:
        page = URL(origin)
        here = URL(f"{request.scheme}://{request.host}")
    except ValueError:
        return False
    return (page.host or "").lower() == (here.host or "").lower() and page.port == here.port
