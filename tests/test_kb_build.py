"""The large offline KB: its builder on tiny real excerpts of each source, and checks on the committed KB."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.kb.build import KB_DIR, read_kb
from loaders.kb.build.build import KBBuildError, build
from loaders.kb.build.demonyms import demonyms
from loaders.kb.build.index import KBIndex
from loaders.kb.build.merge import DASH
from loaders.kb.build.records import FILES, KB, write_jsonl_gz
from loaders.kb.seed import SEED_DEMONYMS, SEED_KB_DIR

ROOT = Path(__file__).resolve().parent.parent
EXCERPTS = ROOT / "tests" / "data" / "kb-sources"
MANIFEST = EXCERPTS / "manifest.tsv"
QID = re.compile(r"Q[1-9][0-9]*")


def quiet(_: str) -> None:
    """Build progress is not what these tests look at."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, KB]:
    out = tmp_path_factory.mktemp("kb")
    build(EXCERPTS, out, MANIFEST, log=quiet)
    return out, read_kb(out)


def by_qid(records) -> dict:
    return {r.qid: r for r in records}


# --- the builder on excerpts of each source format -----------------------------------------------------

def test_offices_from_every_politician_lists(built: tuple[Path, KB]) -> None:
    persons = by_qid(built[1].persons)
    lavrov = persons["Q58217"]
    assert lavrov.country == "Q159"
    assert lavrov.born == "1950-03-21"
    assert lavrov.sources == ("eps:russia-cabinet", "eps:world")
    minister = next(o for o in lavrov.offices if o.position == "Q1418873")
    assert (minister.of, minister.start, minister.end, minister.role) == ("Q159", "2004-03-09", None, "executive")
    assert any(o.role == "diplomat" and o.end == "2004-07-12" for o in lavrov.offices)
    assert lavrov.description == f"Minister of Foreign Affairs, Russia (2004{DASH})"
    assert persons["Q110050584"].offices[0].role == "diplomat"  # an ambassador to Estonia
    assert persons["Q311440"].description == f"Secretary-General of the United Nations (2017{DASH})"


def test_seed_person_keeps_its_fields_and_gains_dated_offices(built: tuple[Path, KB]) -> None:
    putin = by_qid(built[1].persons)["Q7747"]
    assert putin.label == "Vladimir Putin" and "seed" in putin.sources
    assert putin.description.startswith("President of Russia (2000")  # the seed's own description
    presidency = [o for o in putin.offices if o.position == "Q218295" and o.start.startswith("2012")]
    assert len(presidency) == 1  # the world-leaders row (2012) and the cabinet row (2012-05-07) are one office
    assert presidency[0].start == "2012-05-07" and presidency[0].role == "leader"
    assert ("Putin", "mul") in putin.aliases


def test_legislators_since_2000_only(built: tuple[Path, KB]) -> None:
    persons = by_qid(built[1].persons)
    assert persons["Q1077594"].offices[0].label == "United States senator"
    assert "Q102548325" not in persons  # a state legislator since 1965 with no end date
    assert persons["Q182452"].offices[0].role == "legislator"


def test_honorific_dropped_as_alias(built: tuple[Path, KB]) -> None:
    al_thani = by_qid(built[1].persons)["Q23020336"]
    assert ("Mohammed bin Abdulrahman Al Thani", "en") in al_thani.aliases
    assert al_thani.country == "Q846"


def test_places_with_coordinates_and_indonesian_names(built: tuple[Path, KB]) -> None:
    places = by_qid(built[1].places)
    bogor = places["Q10393"]
    assert (bogor.kind, bogor.label_id, bogor.country) == ("city", "Kota Bogor", "Q252")
    assert (bogor.lat, bogor.lon) == pytest.approx((-6.57, 106.75), abs=0.01)  # Natural Earth before the others
    assert set(bogor.sources) == {"countries-states-cities", "natural-earth", "soluvas"}
    regency = places["Q10363"]
    assert (regency.label, regency.label_id, regency.kind) == ("Bogor Regency", "Kabupaten Bogor", "district")
    assert places["Q56064"].population == 21714  # a small regional capital stays
    assert "Q18715197" not in places  # a Natural Earth town of 1,305 people does not
    assert "Q25017837" not in places  # nor a countries-states-cities town of 47,653
    assert places["Q383063"].population == 62248


def test_a_name_no_better_source_shares_is_set_aside(built: tuple[Path, KB]) -> None:
    out, kb = built
    jakarta = by_qid(kb.places)["Q3630"]
    assert jakarta.label == "Jakarta" and jakarta.kind == "capital"
    assert all(name != "Jambi City" for name, _ in jakarta.aliases)
    assert "countries-states-cities" not in jakarta.sources
    conflicts = (out / "conflicts.tsv").read_text(encoding="utf-8")
    assert "name-mismatch\tJambi City\t\tQ3630\tcountries-states-cities" in conflicts


def test_organizations_from_ror_party_facts_and_cabinets(built: tuple[Path, KB]) -> None:
    orgs = by_qid(built[1].organizations)
    bjs = orgs["Q3791513"]
    assert (bjs.label, bjs.kind, bjs.country, bjs.sources) == ("Bureau of Justice Statistics", "government", "Q30",
                                                                ("ror",))
    assert ("BJS", "mul") in bjs.aliases
    assert orgs["Q70571774"].label == "National Research Institute for Agriculture, Food and Environment"
    peronists = orgs["Q1053668"]  # a member's party in a legislature list, and a Party Facts row
    assert peronists.sources == ("eps:argentina-ministers", "partyfacts")
    assert peronists.label == "Justicialist Party" and ("Partido Justicialista", "mul") in peronists.aliases
    assert peronists.country == "Q414"
    gerindra = orgs["Q4261459"]
    assert (gerindra.kind, gerindra.country, gerindra.aliases) == ("party", "Q252", ())  # "Partai/Gerindra" dropped
    assert orgs["Q109907459"].label == "Nehammer government" and orgs["Q109907459"].country == "Q40"
    assert orgs["Q7768"].label_id == "Perhimpunan Bangsa-Bangsa Asia Tenggara"  # the seed's Indonesian label
    kompas = orgs["Q4405665"]  # two rows of the newspaper query (two websites) make one record
    assert (kompas.label, kompas.kind, kompas.country, kompas.sources) == ("Kompas", "media", "Q252", ("newspapers",))
    assert "Q10374880" not in orgs  # Wikidata had no English label: the query printed the QID


def test_name_index_finds_records_by_any_name(built: tuple[Path, KB], tmp_path: Path) -> None:
    out, kb = built
    index = KBIndex.open(out, tmp_path / "index.sqlite")
    assert index.candidates("sergey  LAVROV") == [("person", "Q58217")]
    assert index.candidates("Kota Bogor") == [("place", "Q10393")]  # the Indonesian label
    assert ("place", "Q10393") in index.candidates("Bogor") and ("place", "Q10363") in index.candidates("Bogor")
    assert index.candidates("Mohammed bin Abdulrahman Al Thani") == [("person", "Q23020336")]  # an alias
    assert index.candidates("Antonio Guterres") == [("person", "Q311440")]  # accents folded
    assert index.candidates("Nobody Anywhere") == []
    assert index.record("person", "Q58217") == by_qid(kb.persons)["Q58217"]
    assert index.record("place", "Q58217") is None
    index.close()


def test_name_index_is_rebuilt_when_the_kb_changes(built: tuple[Path, KB], tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    shutil.copytree(built[0], kb_dir)
    path = tmp_path / "index.sqlite"
    KBIndex.open(kb_dir, path).close()
    path.write_bytes(b"not an index")
    index = KBIndex.open(kb_dir, path)  # a broken index file is rebuilt, not an error
    assert index.candidates("Kompas") == [("organization", "Q4405665")]
    index.close()
    places = [p for p in built[1].places if p.qid != "Q10393"]
    write_jsonl_gz(kb_dir / FILES["place"], places)
    index = KBIndex.open(kb_dir, path)
    assert index.candidates("Kota Bogor") == []
    index.close()


def test_sources_listing_names_commit_licence_and_counts(built: tuple[Path, KB]) -> None:
    listing = {s["id"]: s for s in json.loads((built[0] / "sources.json").read_text(encoding="utf-8"))}
    csc = listing["countries-states-cities"]
    assert csc["repo"] == "dr5hn/countries-states-cities-database" and csc["licence"].startswith("ODbL")
    assert re.fullmatch(r"[0-9a-f]{40}", csc["commit"])
    assert csc["records"]["place"] >= 4
    for record in (*built[1].persons, *built[1].organizations, *built[1].places):
        assert record.sources and set(record.sources) <= set(listing)


def test_rebuild_is_byte_identical(built: tuple[Path, KB], tmp_path: Path) -> None:
    build(EXCERPTS, tmp_path, MANIFEST, log=quiet)
    for name in (*FILES.values(), "sources.json", "conflicts.tsv"):
        assert (tmp_path / name).read_bytes() == (built[0] / name).read_bytes(), name


def test_missing_source_is_one_line_naming_it(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(EXCERPTS, sources)
    shutil.rmtree(sources / "soluvas")
    with pytest.raises(KBBuildError, match=r"soluvas/opendata: missing; git clone https://github.com/soluvas/opendata"):
        build(sources, tmp_path / "out", MANIFEST, log=quiet)
    done = subprocess.run([sys.executable, "-m", "loaders.kb.build", "--sources", str(sources), "--manifest",
                           str(MANIFEST), "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("kb build: ") and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_broken_source_leaves_the_previous_kb(built: tuple[Path, KB], tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(EXCERPTS, sources)
    broken = sources / "martynafford/natural-earth-geojson/10m/cultural/ne_10m_populated_places.json"
    broken.write_text('{"features": [', encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(built[0], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(KBBuildError, match=re.escape(str(broken))):
        build(sources, out, MANIFEST, log=quiet)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_reader_names_a_bad_file(tmp_path: Path, built: tuple[Path, KB]) -> None:
    shutil.copytree(built[0], tmp_path / "kb")
    (tmp_path / "kb" / FILES["place"]).write_bytes(b"not gzip")
    with pytest.raises(ValueError, match=r"places\.jsonl\.gz: not a kabar KB file"):
        read_kb(tmp_path / "kb")


# --- the committed KB ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kb() -> KB:
    return read_kb()


def test_committed_kb_meets_the_size_targets(kb: KB) -> None:
    assert len(kb.persons) >= 20_000
    assert sum(1 for p in kb.persons if any(o.role in ("leader", "executive") for o in p.offices)) >= 20_000
    assert len(kb.organizations) >= 5_000
    assert sum(1 for p in kb.places if p.kind == "country") == 197
    assert sum(1 for p in kb.places if p.kind in ("city", "capital")) >= 8_000
    assert sum(1 for p in kb.places if p.kind == "region") >= 3_000


def test_committed_qids_are_well_formed_and_unique(kb: KB) -> None:
    for records in (kb.persons, kb.organizations, kb.places):
        qids = [r.qid for r in records]
        assert all(QID.fullmatch(q) for q in qids)
        assert len(set(qids)) == len(qids)
        assert all(r.label and r.sources for r in records)


def test_committed_countries_and_coordinates(kb: KB) -> None:
    countries = {p.qid for p in kb.places if p.kind == "country"}
    assert all(p.country in countries for p in kb.persons if p.country)
    assert sum(1 for p in kb.persons if p.country) / len(kb.persons) > 0.95
    located = [p for p in kb.places if p.lat is not None]
    assert len(located) / len(kb.places) > 0.99
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in located)
    assert all(p.country is None or p.country == p.qid or p.kind != "country" for p in kb.places)


# Each pairs a name with its QID in two independent rows: two every-politician lists (a country's cabinet and
# the world lists), or two datasets (Natural Earth, countries-states-cities, soluvas, ROR, the seed CSVs).
KNOWN = {
    "persons": {"Q58217": "Sergey Lavrov", "Q7821917": "Antony Blinken", "Q18342668": "Retno Marsudi",
                "Q1058": "Narendra Modi", "Q335697": "Anthony Albanese", "Q24025631": "Dmytro Kuleba",
                "Q456759": "Penny Wong", "Q16186720": "Subrahmanyam Jaishankar", "Q311440": "António Guterres",
                "Q3874799": "Volodymyr Zelenskyy"},
    "organizations": {"Q1065": "United Nations", "Q7159": "African Union", "Q7184": "NATO",
                      "Q7768": "Association of Southeast Asian Nations", "Q7817": "World Health Organization",
                      "Q9531": "BBC", "Q26683": "Palestine Liberation Organization", "Q38799": "Hamas",
                      "Q41550": "OECD", "Q47488": "International Criminal Court"},
    "places": {"Q3630": "Jakarta", "Q10393": "Bogor", "Q252": "Indonesia", "Q159": "Russia", "Q1823": "Aceh",
               "Q3540": "Banten", "Q649": "Moscow", "Q1490": "Tokyo", "Q90": "Paris", "Q3820": "Beirut"},
}


@pytest.mark.parametrize("kind", sorted(KNOWN))
def test_committed_known_samples(kb: KB, kind: str) -> None:
    records = by_qid(getattr(kb, kind))
    for qid, label in KNOWN[kind].items():
        assert records[qid].label == label
        assert len(records[qid].sources) >= 2, qid


def test_odbl_notice_shipped_with_the_extract() -> None:
    notice = (KB_DIR / "SOURCES.md").read_text(encoding="utf-8")
    assert "Open Database License" in notice and "countries-states-cities-database" in notice


def test_demonyms_take_their_qid_from_the_seed_countries_and_leave_shared_ones_out() -> None:
    countries = [
        {"cca2": "KR", "demonyms": {"eng": {"f": "South Korean", "m": "South Korean"}}},
        {"cca2": "CD", "demonyms": {"eng": {"f": "Congolese", "m": "Congolese"}}},
        {"cca2": "CG", "demonyms": {"eng": {"f": "Congolese", "m": "Congolese"}}},
        {"cca2": "XX", "demonyms": {"eng": {"f": "Nowherean", "m": "Nowherean"}}},
    ]
    rows = demonyms(countries, {"KR": "Q884", "CD": "Q974", "CG": "Q971"})
    assert rows == [("Q884", "South Korean")]


def test_the_shipped_demonyms_cover_the_seed_countries() -> None:
    with SEED_DEMONYMS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with (SEED_KB_DIR / "countries.csv").open(encoding="utf-8", newline="") as f:
        qids = {r["qid"] for r in csv.DictReader(f)}
    assert {r["qid"] for r in rows} <= qids and len({r["qid"] for r in rows}) >= 190
    assert {"Q884", "Q881", "Q155"} <= {r["qid"] for r in rows}  # South Korea, Vietnam, Brazil


def _leaders_clone(root: Path, countries: dict[str, dict]) -> Path:
    for code, data in countries.items():
        folder = root / "data" / "countries" / code
        folder.mkdir(parents=True)
        (folder / "current.json").write_text(json.dumps(data), encoding="utf-8")
    return root


def _holder(name: str | None, qid: str | None, since: str | None) -> dict:
    return {"name_en": name, "wikidata_id": qid, "since": since}


def test_leaders_are_kept_where_the_kb_pairs_the_name_with_the_qid(tmp_path: Path) -> None:
    """The dataset gives Ursula von der Leyen Viktor Orbán's QID, the crown prince as King of Saudi Arabia and a
    prime minister without the day he began: none of them is kept, and each is said in one line."""
    clone = _leaders_clone(tmp_path / "clone", {
        "indonesia": {"country": {"iso_code": "ID", "name_en": "Indonesia"}, "positions": {
            "head_of_state": {"title_en": "President", "current_holder": _holder("Prabowo Subianto", "Q2107268",
                                                                                 "2024-10-20")},
            "head_of_government": {"title_en": "President", "current_holder": _holder("Prabowo Subianto",
                                                                                      "Q2107268", "2024-10-20")}}},
        "european_union": {"country": {"iso_code": "EU", "name_en": "European Union"}, "positions": {
            "head_of_government": {"title_en": "President of the European Commission",
                                   "current_holder": _holder("Ursula von der Leyen", "Q57641", "2019-12-01")}}},
        "saudi_arabia": {"country": {"iso_code": "SA", "name_en": "Saudi Arabia"}, "positions": {
            "head_of_state": {"title_en": "King", "current_holder": _holder("Mohammad bin Salman", "Q6892571",
                                                                            "2022-09-27")},
            # the KB spells him 'Mohammad': one name in two spellings
            "head_of_government": {"title_en": "Prime Minister (King)", "current_holder": _holder(
                "Mohammed bin Salman", "Q6892571", "2022-09-27")}}},
        "canada": {"country": {"iso_code": "CA", "name_en": "Canada"}, "positions": {
            "head_of_government": {"title_en": "Prime Minister", "current_holder": _holder("Mark Carney",
                                                                                           "Q192533", None)}}},
    })
    out = tmp_path / "leaders.csv"
    run = subprocess.run([sys.executable, "-m", "loaders.kb.build.leaders", str(clone), "--out", str(out)],
                         capture_output=True, text=True, check=True)
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows == [{"qid": "Q2107268", "name": "Prabowo Subianto", "office": "President of Indonesia",
                     "of": "Q252", "start": "2024-10-20", "end": "", "role": "leader"},
                    {"qid": "Q6892571", "name": "Mohammed bin Salman", "office": "Prime Minister of Saudi Arabia",
                     "of": "Q851", "start": "2022-09-27", "end": "", "role": "leader"}]
    left = [line for line in run.stdout.splitlines() if line.startswith("left out:")]
    assert [line.rsplit(": ", 1)[1] for line in left] == [  # by folder: canada, european_union, saudi_arabia
        "no holder, QID or start", "the KB names Q57641 'Viktor Orbán'", "contradicts the verified seed"]
    assert run.stdout.splitlines()[-1] == f"2 offices of 2 leaders -> {out}"


def test_the_index_gives_a_leader_the_office_leaders_csv_adds(tmp_path: Path) -> None:
    """The index is derived from the KB files and leaders.csv: a row there is an office of the person's record,
    and changing the file rebuilds the index."""
    index = KBIndex.open(KB_DIR, tmp_path / "index.sqlite")
    sheinbaum = index.record("person", "Q5771800")
    assert sheinbaum is not None and ("President of Mexico", "Q96", "2024-10-01", None, "leader") in [
        (o.label, o.of, o.start, o.end, o.role) for o in sheinbaum.offices]
