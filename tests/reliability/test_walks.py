"""Folder walks stay inside what the user named, and only regular files are
ever opened (issue 10, item 3): a FIFO once blocked `reader add` forever and
``/dev/zero`` named ``.txt`` was read until memory ran out."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from index.ingest import collect_files

ARTICLE = "Mayor John Smith said the bridge was closed on Monday.\n"


def reader_add(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", "add", *args], capture_output=True, text=True, timeout=timeout)


def test_links_out_of_the_folder_are_not_followed_unless_asked(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "private.txt").write_text("Someone else said the vault code was secret.\n", encoding="utf-8")
    folder = tmp_path / "news"
    (folder / "inner").mkdir(parents=True)
    (folder / "inner" / "own.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(outside, folder / "to-elsewhere")
    os.symlink(outside / "private.txt", folder / "private.txt")
    os.symlink(folder / "inner", folder / "again")  # inside the folder: fine, but read once
    os.symlink("/", folder / "root")
    files, problems = collect_files([folder])
    assert [f.name for f in files] == ["own.txt"]
    assert len(problems) == 3 and all("--follow-links" in line and "\n" not in line for line in problems)
    assert any("private.txt" in line and "outside" in line for line in problems)
    (folder / "root").unlink()
    files, problems = collect_files([folder], follow_links=True)
    assert {f.name for f in files} == {"own.txt", "private.txt"} and not problems
    # a link named on the command line is what the user asked for: followed
    files, problems = collect_files([folder / "private.txt"])
    assert [f.name for f in files] == ["private.txt"] and not problems


def test_fifo_socket_and_devices_are_skipped_never_opened(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.txt"))
    zero = tmp_path / "zero.txt"
    os.symlink("/dev/zero", zero)
    try:
        done = reader_add(str(folder), str(zero), "--index", str(tmp_path / "ix"), timeout=120)
    finally:
        server.close()
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert "1 added" in lines[-1]
    for name, kind in (("pipe.txt", "FIFO"), ("sock.txt", "socket"), ("zero.txt", "device")):
        line = next(line for line in lines if name in line)
        assert kind in line and "not a regular file" in line
