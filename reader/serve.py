"""`reader serve`: the app in a web browser, safe by default.

Each browser tab runs its own app process: this same Python, ``-m reader``,
on the index the server opened, so a tab shows exactly what the terminal app
shows.  The CLI seeds the index and links it to the glossary once, before the
server listens, so the tabs only read it; a writer in any process takes the
index's write lock and says "the index is busy" while another holds it.

The server listens on the loopback address unless ``--host`` says otherwise,
and another address needs ``--public`` and prints a warning.  The web server
itself (textual-serve, aiohttp) is imported only when serving, so other
commands start as fast as before.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import ipaddress
import shlex
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.markup import escape

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

err = Console(stderr=True, highlight=False, soft_wrap=True)


class ServeError(Exception):
    """Why the server cannot start; ``str()`` is one line a person can act on."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `reader serve` (kept here so the CLI stays short)."""
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default: {DEFAULT_HOST}, this machine only)")
    parser.add_argument("--port", type=port_number, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT}; 0 picks a free one)")
    parser.add_argument(
        "--public",
        action="store_true",
        help="allow a --host that other machines can reach: anyone who reaches it can read the index",
    )


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


def is_loopback(host: str) -> bool:
    """True when every address ``host`` names is on this machine only."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        raise ServeError(f"cannot listen on {host!r}: no such host name — try --host {DEFAULT_HOST}") from None
    return bool(infos) and all(ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_loopback for info in infos)


def check_address(host: str, public: bool) -> bool:
    """Whether ``host`` is loopback; a non-loopback host needs ``public``
    (and gets a one-line warning on stderr)."""
    if is_loopback(host):
        return True
    if not public:
        raise ServeError(
            f"{host} can be reached from other machines, and anyone who reaches it can read the index — "
            f"add --public to serve it anyway, or leave out --host to serve this machine only"
        )
    err.print(f"reader: warning: serving on {escape(host)} — anyone who can reach it can read the index")
    return False


def session_command(index: Path) -> str:
    """The shell command run for each tab: this Python, on this index."""
    return "exec " + shlex.join([sys.executable, "-m", "reader", "--index", str(index.resolve())])


def page_address(host: str, port: int) -> str:
    """The address to open; a wildcard host is shown as this machine's name."""
    if host in ("0.0.0.0", "::", ""):
        host = socket.gethostname()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def listen_error(host: str, port: int, exc: OSError) -> str:
    """One line saying why the server could not listen, and what to do."""
    if exc.errno == errno.EADDRINUSE:
        return f"port {port} on {host} is in use — stop what uses it, or pick another with --port (0 picks a free one)"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {host}: it is not an address of this machine — try --host {DEFAULT_HOST}"
    if exc.errno == errno.EACCES:
        return f"not allowed to listen on port {port} — ports below 1024 need privileges; try --port {DEFAULT_PORT}"
    return f"cannot listen on {host} port {port}: {exc.strerror or exc}"


def run(args: argparse.Namespace, open_index: Callable[[], Path]) -> int:
    """`reader serve`: check the address, prepare the index (``open_index``),
    then serve until interrupted.  0 on a clean stop, 2 when it cannot start."""
    try:
        loopback = check_address(args.host, args.public)
        index = open_index()
        from .web_server import CannotListen, ReaderServer

        server = ReaderServer(session_command(index), host=args.host, port=args.port, loopback_only=loopback)

        def announce(port: int) -> None:
            print(f"Guided Reader is served at {page_address(args.host, port)} — open it in a web browser; Ctrl+C stops", flush=True)

        try:
            asyncio.run(server.run(announce))
        except CannotListen as exc:
            raise ServeError(listen_error(args.host, args.port, exc.reason)) from None
    except ServeError as exc:
        err.print(f"reader: {escape(str(exc))}")
        return 2
    return 0
