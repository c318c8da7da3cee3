"""Disk full, a read-only index and damaged state (issue 10, item 8): one
line naming the path, never a traceback; read-only commands keep working on
a read-only index even when the glossary changed; a damaged session file is
ignored with a notice.

Tests run as root here, which writes through any permission, so a full disk
and a read-only file system are simulated at the system-call boundary: every
write into the index folder fails the way the kernel would fail it."""

from __future__ import annotations

import builtins
import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.ingest import add_paths
from index.store import Store
from reader.cli import main
from reader.userstate import UserState
from tests.conftest import ARTICLES

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def indexed(tmp_path: Path) -> Path:
    where = tmp_path / "ix"
    store = Store(where)
    assert add_paths(store, [ARTICLES / "budget.txt"], processes=1).ok
    store.close()
    return where


@pytest.fixture
def failing_writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[callable]:
    """``fail(folder, code)``: from now on every write under ``folder`` fails with ``code``."""
    real_open, real_os_open = builtins.open, os.open
    real = {name: getattr(os, name) for name in ("mkdir", "replace", "rename", "unlink", "remove", "rmdir")}
    state: dict[str, object] = {}

    def inside(path: object) -> bool:
        folder = state.get("folder")
        try:
            return folder is not None and os.path.abspath(os.fsdecode(path)).startswith(str(folder))
        except TypeError:
            return False

    def refuse(path: object) -> None:
        code = int(state["code"])  # type: ignore[arg-type]
        raise OSError(code, os.strerror(code), os.fsdecode(path))

    def fake_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if any(c in mode for c in "wax+") and inside(file):
            refuse(file)
        return real_open(file, mode, *args, **kwargs)

    def fake_os_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & WRITE_FLAGS and inside(path):
            refuse(path)
        return real_os_open(path, flags, *args, **kwargs)

    def guarded(name: str):  # type: ignore[no-untyped-def]
        def call(path, *args, **kwargs):  # type: ignore[no-untyped-def]
            if inside(path):
                refuse(path)
            return real[name](path, *args, **kwargs)

        return call

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    for name in real:
        monkeypatch.setattr(os, name, guarded(name))

    def fail(folder: Path, code: int) -> None:
        state["folder"], state["code"] = os.path.abspath(folder), code

    yield fail


def test_a_full_disk_is_one_line_naming_the_index(indexed: Path, failing_writes, capsys: pytest.CaptureFixture[str]) -> None:
    failing_writes(indexed, errno.ENOSPC)
    code, _, err = run(capsys, "add", str(ARTICLES / "rates.txt"), "--index", str(indexed))
    assert code == 2 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(indexed) in lines[0] and "disk is full" in lines[0]


def test_a_read_only_index_still_answers_when_the_glossary_changed(
    indexed: Path, failing_writes, isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    user = isolated_dirs / "user-glossary"
    user.mkdir()
    (user / "mine.toml").write_text(
        '[[entry]]\nid = "budget-office"\nterm = "budget office"\ncategory = "organization"\nsummary = "An office."\n',
        encoding="utf-8",
    )
    failing_writes(indexed, errno.EROFS)
    code, out, err = run(capsys, "search", "budget", "--index", str(indexed))
    assert code == 0, err
    assert "result" in out and "Traceback" not in err
    assert "read-only" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "articles", "--index", str(indexed))
    assert code == 0 and out.strip()
    code, _, err = run(capsys, "add", str(ARTICLES / "rates.txt"), "--index", str(indexed))
    assert code == 2 and "read-only" in err and "Traceback" not in err
    code, _, err = run(capsys, "reindex", "--index", str(indexed))
    assert code == 2 and "read-only" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "content",
    ['{"positions": {"/ix": {"offset": 1e999}}}', '{"positions": {"/ix": {"offset": "x"}}}', '{"theme": 1, "positions": []', "\x00\x01"],
    ids=["infinite offset", "text offset", "cut short", "binary"],
)
def test_a_damaged_old_session_file_is_passed_over(isolated_dirs: Path, content: str) -> None:
    """The JSON session of earlier versions is imported once; a damaged one
    (``"offset": 1e999`` crashed every start) is passed over."""
    folder = isolated_dirs / "state"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "session.json").write_text(content, encoding="utf-8")
    state = UserState()
    try:
        assert state.history("/ix")[0] == []
    finally:
        state.close()


@pytest.mark.parametrize("content", [b"\x00\x01garbage" * 100, b"SQLite format 3\x00" + b"\xff" * 4000], ids=["garbage", "truncated"])
def test_a_damaged_state_file_is_set_aside_with_a_notice(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "userstate.sqlite3"
    path.write_bytes(content)
    state = UserState(path)
    try:
        assert state.notice is not None and str(path) in state.notice
        assert state.setting("theme") is None  # a new, working file
        state.set_setting("theme", "textual-light")
        assert [p.name for p in tmp_path.glob("userstate.sqlite3.damaged-*")]  # kept for the curious
    finally:
        state.close()


async def test_the_app_starts_with_a_damaged_state_file_and_says_so(tmp_path: Path) -> None:
    from textual.widgets._toast import Toast

    from reader.app import GuidedReaderApp
    from tests.app.builder import build_index
    from tests.app.conftest import settle

    store = Store(build_index(tmp_path / "index"))
    path = tmp_path / "state" / "userstate.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"not a database at all" * 50)
    app = GuidedReaderApp(store, userstate=UserState(path))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        shown = "\n".join(str(toast.render()) for toast in app.screen.query(Toast))
        assert "damaged" in shown and str(path) in shown
    store.close()
