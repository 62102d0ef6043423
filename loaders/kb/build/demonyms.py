"""`python -m loaders.kb.build.demonyms COUNTRIES_JSON [--out seeds/demonyms.csv]`: English demonyms of countries.

News names a state by its demonym before a title ('South Korean President
Yoon', 'the Vietnamese foreign minister'). The demonyms come from the
`world-countries` npm package (mledoze/countries, ODbL 1.0), which keys
each country by its ISO 3166-1 code; the verified seed KB
(`seeds/wikidata/countries.csv`) turns that code into the country's QID, so
no QID is typed here. A demonym two countries share ('Congolese',
'Dominican') is left out: it names neither. `make demonyms` fetches the
package and runs this.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

from loaders.kb.seed import SEED_DEMONYMS, SEED_KB_DIR


def demonyms(countries: list[dict], iso2_to_qid: dict[str, str]) -> list[tuple[str, str]]:
    """(QID, demonym) rows for every country the seed KB has, a demonym of two countries left out."""
    qids: dict[str, set[str]] = defaultdict(set)
    for country in countries:
        qid = iso2_to_qid.get(country.get("cca2", ""))
        forms = (country.get("demonyms") or {}).get("eng") or {}
        for form in forms.values():
            if qid and form.strip():
                qids[form.strip()].add(qid)
    return sorted((next(iter(q)), form) for form, q in qids.items() if len(q) == 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.kb.build.demonyms", description=__doc__)
    parser.add_argument("source", type=Path, help="countries.json of the world-countries package")
    parser.add_argument("--out", type=Path, default=SEED_DEMONYMS)
    parser.add_argument("--countries", type=Path, default=SEED_KB_DIR / "countries.csv")
    args = parser.parse_args(argv)
    try:
        countries = json.loads(args.source.read_text(encoding="utf-8"))
        with args.countries.open(encoding="utf-8", newline="") as f:
            iso2_to_qid = {r["iso2"]: r["qid"] for r in csv.DictReader(f)}
    except (OSError, ValueError, KeyError) as e:
        print(f"demonyms: {e}", file=sys.stderr)
        return 1
    rows = demonyms(countries, iso2_to_qid)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["qid", "demonym", "lang"])
        out.writerows((qid, form, "en") for qid, form in rows)
    print(f"{len(rows)} demonyms of {len({q for q, _ in rows})} countries -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
