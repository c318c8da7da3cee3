"""Started by bench.app in a fresh process: prints the wall-clock time of
the first frame and of the article being on screen, and the resident
memory then, and exits.  `python -m bench.app_probe INDEX_DIR`"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from index.store import Store
from reader.app import GuidedReaderApp
from reader.userstate import UserState


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Probe(GuidedReaderApp):
    CSS_PATH = str(Path(sys.modules[GuidedReaderApp.__module__].__file__).parent / "reader.tcss")  # type: ignore[arg-type]

    def on_ready(self) -> None:
        super().on_ready()
        print(f"ready={time.time():.6f}", flush=True)
        self.set_interval(0.005, self._check)

    def _check(self) -> None:
        if getattr(self.screen, "article", None) is not None:
            self.call_after_refresh(self._shown)

    def _shown(self) -> None:
        print(f"article={time.time():.6f}", flush=True)
        print(f"rss_mb={rss_mb():.1f}", flush=True)
        self.exit()


if __name__ == "__main__":
    store = Store(Path(sys.argv[1]), create=False)
    state = UserState(Path(sys.argv[2])) if len(sys.argv) > 2 else None
    Probe(store, userstate=state).run(headless=True, size=(120, 40))
    store.close()
