"""Run a command and print the peak resident memory of its process tree.

Used by bench.measure.run_child: `python -m bench.child CMD...`.
"""

from __future__ import annotations

import resource
import subprocess
import sys

if __name__ == "__main__":
    code = subprocess.call(sys.argv[1:])
    print(f"peak_rss_kb={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
    raise SystemExit(code)
