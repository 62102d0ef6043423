"""Load time and memory of the large KB (seeds/wikidata/kb), next to the seed KB the linker loads today.

Each measurement runs in a fresh interpreter (imports included, as at `kabar` start-up), ROUNDS times;
the medians are printed. Run: `.venv/bin/python bench/kb_load.py` (about a minute).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROUNDS = 5
NAMES = ["Sergey Lavrov", "Wang Yi", "Retno Marsudi", "Jakarta", "Bogor", "Kompas", "Hamas", "ASEAN",
         "Antony Blinken", "Nobody Anywhere"]

PROBE = """
import resource, sys, time
start = time.perf_counter()
{body}
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

CASES = {
    "seed KB, loaders.kb.load_kb (peer)": "from loaders.kb import load_kb\nkb = load_kb()",
    "large KB, read_kb (every record)": "from loaders.kb.build import read_kb\nkb = read_kb()",
    "large KB, KBIndex.open + 10 names": (
        "from pathlib import Path\nfrom loaders.kb.build.index import KBIndex\n"
        "index = KBIndex.open(path=Path(sys.argv[1]))\n"
        f"found = [index.record(k, q) for n in {NAMES!r} for k, q in index.candidates(n)]"),
}


def run(body: str, *args: str) -> tuple[float, float]:
    done = subprocess.run([sys.executable, "-c", PROBE.format(body=body), *args], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parent.parent)
    seconds, megabytes = done.stdout.split()
    return float(seconds), float(megabytes)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        index = str(Path(tmp) / "kb-index.sqlite")
        first = run(CASES["large KB, KBIndex.open + 10 names"], index)
        print(f"index built on first open: {first[0]:.2f} s, peak RSS {first[1]:.0f} MB, "
              f"file {Path(index).stat().st_size / 2**20:.0f} MB")
        peer = None
        print(f"{'case':42} {'median s':>9} {'ratio':>6} {'peak RSS MB':>12}")
        for name, body in CASES.items():
            runs = [run(body, index) for _ in range(ROUNDS)]
            seconds = statistics.median(r[0] for r in runs)
            megabytes = statistics.median(r[1] for r in runs)
            peer = peer or seconds
            print(f"{name:42} {seconds:9.3f} {seconds / peer:6.2f} {megabytes:12.0f}")


if __name__ == "__main__":
    main()
