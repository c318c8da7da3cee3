"""Where the reader left off: a small JSON file in the user's state folder.

One file, ``session.json``, in ``platformdirs.user_state_path("guided-reader")``
(or ``$READER_STATE_DIR``).  Positions are kept per index folder, so two
indexes never reopen each other's articles.  Reading never fails: a missing
file is an empty session, and so is a damaged one, whose ``notice`` says so;
writing is atomic and best effort.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

STATE_ENV = "READER_STATE_DIR"
APP_NAME = "guided-reader"
FILE_NAME = "session.json"


@dataclass(slots=True)
class Position:
    """The last article of one index and where in it the reader was."""

    article: str | None = None
    offset: int = 0  # first character shown at the top of the text pane
    actor: str | None = None
    statement: int | None = None

    @classmethod
    def from_json(cls, data: Any) -> Position:
        """The position ``data`` describes; raises ValueError when it is damaged."""
        if not isinstance(data, dict):
            raise ValueError("a position is not a JSON object")
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        try:
            position = cls(**values)
            position.offset = max(0, int(position.offset or 0))  # 1e999 is infinite: OverflowError
            if position.statement is not None:
                position.statement = int(position.statement)
        except (TypeError, ValueError, OverflowError) as exc:
            raise ValueError(f"a position holds a wrong value ({exc})") from None
        for name in ("article", "actor"):
            if getattr(position, name) is not None and not isinstance(getattr(position, name), str):
                raise ValueError(f"a position's {name} is not text")
        return position


@dataclass(slots=True)
class Session:
    theme: str | None = None
    positions: dict[str, Position] = field(default_factory=dict)
    notice: str | None = field(default=None, compare=False)  # why a damaged file was ignored

    def position(self, index: Path | str) -> Position:
        return self.positions.get(_key(index), Position())

    def remember(self, index: Path | str, position: Position) -> None:
        self.positions[_key(index)] = position

    def to_json(self) -> dict[str, Any]:
        return {"theme": self.theme, "positions": {k: asdict(v) for k, v in self.positions.items()}}


def _key(index: Path | str) -> str:
    return os.path.abspath(os.fspath(index))


def state_dir() -> Path:
    env = os.environ.get(STATE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_state_path

    return user_state_path(APP_NAME)


def session_path() -> Path:
    return state_dir() / FILE_NAME


def load_session(path: Path | None = None) -> Session:
    """The saved session; a missing file is an empty one, and so is a
    damaged one, with a ``notice`` naming the file."""
    path = path or session_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Session()
    except (OSError, ValueError) as exc:
        return _damaged(path, f"it cannot be read ({exc})")
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("it is not a JSON object")
        positions = data.get("positions", {})
        if not isinstance(positions, dict):
            raise ValueError("its positions are not a JSON object")
        theme = data.get("theme")
        if theme is not None and not isinstance(theme, str):
            raise ValueError("its theme is not text")
        return Session(theme=theme, positions={str(k): Position.from_json(v) for k, v in positions.items()})
    except (ValueError, RecursionError) as exc:
        return _damaged(path, str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__)


def _damaged(path: Path, why: str) -> Session:
    return Session(notice=f"The saved session {path} is damaged ({why}), so it was ignored; the app starts afresh.")


def save_session(session: Session, path: Path | None = None) -> bool:
    """Write the session atomically; False (and nothing raised) on failure."""
    path = path or session_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(session.to_json(), indent=1), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        return False
    return True
