"""Every generated broken or hostile article file (tests/hostile_corpus.py) through `kabar ingest` into a store that
already holds the seed: each is stored or refused in one line, never a traceback, a hang or kabar's own 'please
report it', and a refusal leaves the store's quads exactly as they were (issue 15).

The cases run in this process through `kabar.cli.main` (as `kabar ingest` does, without a process each), with
an alarm as the hang guard. The slow sizes (1 MB texts, 20,000 articles, a gzip bomb) run in bench/hostile_ingest.py.
"""

from __future__ import annotations

import contextlib
import io
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_corpus import Case, cases, digest, outcome

from kabar.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASE_SECONDS = 60
FAST = [case for case in cases() if not case.slow]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "store"
    assert main(["--store", str(path), "-q", "ingest", str(ROOT / "seeds" / "articles")]) == 0
    return path


@contextlib.contextmanager
def alarm(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer in {seconds} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def ingest(store: Path, path: Path) -> tuple[int | None, str]:
    err = io.StringIO()
    try:
        with alarm(CASE_SECONDS), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["--store", str(store), "ingest", str(path)])
    except TimeoutError:
        return None, err.getvalue()
    except SystemExit as e:  # argparse
        return int(e.code or 0), err.getvalue()
    return code, err.getvalue()


_digests: dict[Path, str] = {}  # the store's digest since the last accepted case (the cases run in one store)


@pytest.mark.parametrize("case", FAST, ids=[f"{c.group}: {c.name}" for c in FAST])
def test_a_hostile_file_is_stored_or_refused_in_one_line_and_a_refusal_changes_nothing(
        case: Case, store: Path, tmp_path: Path) -> None:
    before = _digests.get(store) or digest(store)
    path = case.write(tmp_path)
    code, stderr = ingest(store, path)
    seen = outcome(code, stderr)
    assert seen in ("accepted", "refused in one line"), stderr
    _digests[store] = digest(store)
    if seen == "refused in one line":
        assert _digests[store] == before, "the store changed although the input was refused"


def test_the_corpus_covers_every_class_and_300_cases() -> None:
    groups = {case.group for case in cases()}
    assert len(cases()) >= 300
    assert {"encoding", "json", "date", "field", "batch", "yaml", "csv", "html", "feed", "warc", "compressed",
            "special", "size"} <= groups
