"""Every case of tests/hostile_corpus.py, the slow sizes too, through a real `kabar ingest` process each, counted.

Each case runs against one store that holds the seed, with a timeout (a hang
is killed and counted; the slow sizes get ten times as long); a refusal must
leave the store's quads as they were.
Prints the outcomes per class and the slowest cases; exits 1 if any case ends
in a traceback, a hang, kabar's 'please report it', or a changed store. The
targets (issue 15): 0 of each.

    .venv/bin/python bench/hostile_ingest.py [--timeout 60] [--only GROUP]
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_corpus import OUTCOMES, cases, digest, outcome

ROOT = Path(__file__).resolve().parent.parent


def kabar(*args: str, timeout: float) -> tuple[int | None, str]:
    try:
        done = subprocess.run([sys.executable, "-m", "kabar.cli", *args], capture_output=True, text=True,
                              timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired as e:
        return None, (e.stderr or b"").decode("utf-8", "replace") if isinstance(e.stderr, bytes) else e.stderr or ""
    return done.returncode, done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a case counts as a hang")
    parser.add_argument("--only", help="run one class of cases (encoding, json, yaml, size, ...)")
    args = parser.parse_args()
    chosen = [c for c in cases() if args.only in (None, c.group)]
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    failures: list[str] = []
    timings: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        code, stderr = kabar("--store", str(store), "-q", "ingest", str(ROOT / "seeds" / "articles"), timeout=600)
        if code != 0:
            print(f"could not load the seed: {stderr}", file=sys.stderr)
            return 1
        before = digest(store)
        for n, case in enumerate(chosen):
            folder = Path(tmp) / f"case-{n}"
            folder.mkdir()
            path = case.write(folder)
            began = time.monotonic()
            limit = args.timeout * (10 if case.slow else 1)  # 20,000 articles take minutes, not forever
            code, stderr = kabar("--store", str(store), "ingest", str(path), timeout=limit)
            timings.append((time.monotonic() - began, f"{case.group}: {case.name}"))
            seen = outcome(code, stderr)
            after = digest(store)
            if seen == "refused in one line" and after != before:
                seen = "store changed on refusal"
            before = after
            counts[case.group][seen] += 1
            if seen not in ("accepted", "refused in one line"):
                failures.append(f"{seen:<28} {case.group}: {case.name}: {stderr.strip()[:160]}")
    print(f"{len(chosen)} cases, one `kabar ingest` process each, timeout {args.timeout:.0f} s "
          f"({args.timeout * 10:.0f} s for the slow sizes)\n")
    print(f"{'class':<12}" + "".join(f"{o[:14]:>16}" for o in OUTCOMES))
    for group, counter in counts.items():
        print(f"{group:<12}" + "".join(f"{counter[o]:>16}" for o in OUTCOMES))
    total = sum(counts.values(), collections.Counter())
    print(f"{'all':<12}" + "".join(f"{total[o]:>16}" for o in OUTCOMES))
    print("\nslowest cases:")
    for seconds, name in sorted(timings, reverse=True)[:8]:
        print(f"  {seconds:7.1f} s  {name}")
    for line in failures:
        print(line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
