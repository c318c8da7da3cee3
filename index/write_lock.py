"""One writer at a time per index, across threads and processes.

whoosh's own lock only covers its commit, and only between processes; two
`reader add` could each read "this file is new, the next number is 7" and
both write it.  Writers therefore hold this lock for the whole
read-decide-write step: first a lock shared by the threads of this process
(the app's workers, or the sessions of a server), then an OS lock
(``flock``) on a file in the index folder for other processes.  The OS
lock is released by the kernel when a process dies, so a killed writer
never leaves the index locked.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = "write.lock"
POLL_SECONDS = 0.05


class LockTimeout(Exception):
    """The lock was not free in time; ``holder`` says who had it."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder  # "thread" (this process) or "process"


class WriteLock:
    """The write lock of the index in ``folder``; re-entrant in one thread."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self._threads = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def hold(self, timeout: float) -> Iterator[None]:
        """Hold the lock, waiting at most ``timeout`` seconds for it."""
        deadline = time.monotonic() + timeout
        if not self._threads.acquire(timeout=max(0.0, timeout)):
            raise LockTimeout("thread")
        try:
            if self._depth == 0:
                self._fd = self._acquire_file(deadline)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
                    os.close(self._fd)
                    self._fd = None
        finally:
            self._threads.release()

    def _acquire_file(self, deadline: float) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockTimeout("process") from None
                time.sleep(POLL_SECONDS)
            except BaseException:
                os.close(fd)
                raise


_LOCKS: dict[str, WriteLock] = {}
_LOCKS_GUARD = threading.Lock()


def write_lock_for(folder: Path) -> WriteLock:
    """The one lock object of an index folder in this process, so every
    ``Store`` opened on it (one per thread or session) shares it."""
    key = os.path.realpath(folder)
    with _LOCKS_GUARD:
        lock = _LOCKS.get(key)
        if lock is None:
            lock = _LOCKS[key] = WriteLock(Path(key))
        return lock
