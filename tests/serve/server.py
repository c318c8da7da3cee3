"""`reader serve` run for real, as a person runs it: a process on a free
loopback port, stopped with Ctrl-C (SIGINT), with every app process it
started checked gone afterwards (`ps`)."""

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
from dataclasses import dataclass, field

START_SECONDS = 60  # seeding an empty index loads spaCy first
STOP_SECONDS = 15


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str
    output: list[str] = field(default_factory=list)  # stdout then stderr, after it stopped
    seen: set[int] = field(default_factory=set)  # every app process it was seen running

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


def alive(pids: Sequence[int]) -> list[int]:
    """Which of ``pids`` still run (`ps -p`), zombies left out."""
    if not pids:
        return []
    listed = subprocess.run(["ps", "-o", "pid=,stat=", "-p", ",".join(map(str, pids))], capture_output=True, text=True)
    return [int(pid) for pid, stat in (line.split() for line in listed.stdout.splitlines()) if not stat.startswith("Z")]


def _first_line(stream: object, timeout: float) -> str:
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()  # type: ignore[attr-defined]
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return ""


def start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


@contextmanager
def serving(*args: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """`reader serve --port 0 ARGS`: yields once it prints its address; on
    leaving, Ctrl-C, and checks it exits 0 leaving none of its apps behind."""
    process = start("--port", "0", *args, env=env)
    served: Served | None = None
    try:
        line = _first_line(process.stdout, START_SECONDS)
        if "served at " not in line:
            process.kill()
            out, err = process.communicate(timeout=STOP_SECONDS)
            raise AssertionError(f"reader serve did not start: {line!r} {out!r} {err!r}")
        served = Served(process, line.split("served at ", 1)[1].split()[0])
        yield served
        served.children()
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
            raise AssertionError(f"reader serve did not stop within {STOP_SECONDS} s of Ctrl-C") from None
    assert served is not None
    served.output = [out, err]
    assert process.returncode == 0, (process.returncode, out, err)
    assert "Traceback" not in out + err, out + err
    left = alive(sorted(served.seen))
    assert left == [], f"app processes left behind: {left}"
