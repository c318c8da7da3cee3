"""`reader serve` run for real, as a person runs it: a process on a free
loopback port, stopped with Ctrl-C (SIGINT), with every app process it ran
checked gone afterwards (`ps`)."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO

START_SECONDS = 60  # seeding an empty index loads spaCy first
STOP_SECONDS = 15


class Served:
    """A running `reader serve`: its address, its app processes, its stop."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url
        self.seen: set[int] = set()  # every app process it was seen running
        self.output: tuple[str, str] | None = None  # stdout, stderr once stopped

    @property
    def port(self) -> int:
        return int(self.url.rstrip("/").rsplit(":", 1)[1])

    def children(self) -> list[int]:
        """The app processes it runs now, one per open tab (`ps --ppid`)."""
        listed = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True)
        pids = [int(pid) for pid in listed.stdout.split()]
        self.seen.update(pids)
        return pids

    def wait_children(self, count: int, timeout: float = STOP_SECONDS) -> list[int]:
        """The app processes once there are ``count`` of them (or the time is up)."""
        deadline = time.monotonic() + timeout
        while len(pids := self.children()) != count and time.monotonic() < deadline:
            time.sleep(0.1)
        return pids

    def stop(self) -> tuple[str, str]:
        """Ctrl-C, and check it exits 0 in time, says no traceback and leaves
        none of its app processes behind.  Returns (stdout, stderr)."""
        if self.output is not None:
            return self.output
        self.children()
        self.process.send_signal(signal.SIGINT)
        try:
            out, err = self.process.communicate(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.output = self.process.communicate()
            raise AssertionError(f"reader serve did not stop within {STOP_SECONDS} s of Ctrl-C") from None
        self.output = out, err
        assert self.process.returncode == 0, (self.process.returncode, out, err)
        assert "Traceback" not in out + err, out + err
        # an app process ends once it reads the hang-up of its closed
        # terminal: seen here up to 2 s after the server, on a busy machine
        deadline = time.monotonic() + STOP_SECONDS
        while (left := alive(sorted(self.seen))) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert left == [], f"app processes left behind {STOP_SECONDS} s after the server: {left}"
        return out, err


def alive(pids: Sequence[int]) -> list[int]:
    """Which of ``pids`` still run (`ps -p`), zombies left out."""
    if not pids:
        return []
    listed = subprocess.run(["ps", "-o", "pid=,stat=", "-p", ",".join(map(str, pids))], capture_output=True, text=True)
    return [int(pid) for pid, stat in (line.split() for line in listed.stdout.splitlines()) if not stat.startswith("Z")]


def _first_line(stream: IO[str], timeout: float) -> str:
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return ""


@contextmanager
def serving(*args: str) -> Iterator[Served]:
    """`reader serve --port 0 ARGS`, yielded once it prints its address;
    stopped on leaving (see :meth:`Served.stop`) unless the test stopped it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    assert process.stdout is not None
    line = _first_line(process.stdout, START_SECONDS)
    if "served at " not in line:
        process.kill()
        out, err = process.communicate(timeout=STOP_SECONDS)
        raise AssertionError(f"reader serve did not start: {line!r} {out!r} {err!r}")
    served = Served(process, line.split("served at ", 1)[1].split()[0])
    try:
        yield served
    except BaseException:
        if served.output is None:
            process.kill()
            process.communicate(timeout=STOP_SECONDS)
        raise
    served.stop()
