"""`python -m loaders.kb.build --sources DIR --out seeds/wikidata/kb` (see README.md here), or `--stats DIR`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from loaders.kb.build.build import MANIFEST, SEEDS, KBBuildError, build, stats
from loaders.kb.build.records import KB_DIR, read_kb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.kb.build", description=__doc__)
    parser.add_argument("--sources", type=Path, help="folder holding the cloned source repositories (owner/name/)")
    parser.add_argument("--out", type=Path, default=KB_DIR, help="where the KB files are written")
    parser.add_argument("--manifest", type=Path, default=MANIFEST, help="the sources to read and their commits")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="the verified seed CSVs (first priority)")
    parser.add_argument("--partial", action="store_true", help="skip manifest sources that are not in --sources")
    parser.add_argument("--stats", type=Path, metavar="KB_DIR", help="print counts of a built KB and stop")
    args = parser.parse_args(argv)
    try:
        if args.stats:
            listing = json.loads((args.stats / "sources.json").read_text(encoding="utf-8"))
            for name, value in stats(read_kb(args.stats), listing).items():
                print(f"{name}\t{value}")
            return 0
        if not args.sources:
            parser.error("--sources is required to build")
        merged = build(args.sources, args.out, args.manifest, args.seeds, args.partial)
    except (KBBuildError, FileNotFoundError, ValueError) as e:
        print(f"kb build: {e}", file=sys.stderr)
        return 1
    print(f"{len(merged.persons)} persons, {len(merged.organizations)} organizations, {len(merged.places)} places, "
          f"{len(merged.conflicts)} conflicts -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
