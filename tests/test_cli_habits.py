"""The command line's habits: --version, help with defaults and examples, a progress bar on a terminal only,
--quiet, many inputs, output that ends in a newline, `kabar links` as a table, TSV or JSON."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / "tests" / "data" / "formats"


def kabar(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 short articles in one JSON Lines file: the size of batch the issue names."""
    path = tmp_path_factory.mktemp("many") / "many.jsonl"
    rows = [{"url": f"https://example.org/{i}", "title": f"Talks {i}",
             "text": f"Joe Biden met Emmanuel Macron in Paris on Monday, day {i} of the talks."} for i in range(3000)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_version_and_help_with_defaults_and_examples() -> None:
    assert kabar("--version").stdout.strip() == "kabar 0.1.0"
    serve = kabar("serve", "--help").stdout
    assert "TCP port to listen on (default: 8000)" in serve and "examples:" in serve
    assert "kabar ingest page.html feed.xml export.csv --map text=body" in kabar("ingest", "--help").stdout


def test_piped_ingest_prints_one_summary_line(tmp_path: Path, many: Path) -> None:
    done = kabar("--store", str(tmp_path / "store"), "ingest", str(many))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    [line] = done.stdout.splitlines()
    assert line.startswith("ingested 3000 article(s) in ") and "/s): " in line


def test_ingest_on_a_terminal_shows_a_bar_with_count_rate_and_eta(tmp_path: Path, many: Path) -> None:
    primary, secondary = pty.openpty()
    done = subprocess.Popen([sys.executable, "-m", "kabar.cli", "--store", str(tmp_path / "store"), "ingest",
                             str(many)], stderr=secondary, stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(secondary)
    shown = b""  # read while it runs: a bar redrawn for 3,000 articles fills the terminal's buffer
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    out, _ = done.communicate(timeout=300)
    assert done.returncode == 0
    screen = shown.decode("utf-8", "replace")
    assert "extracting" in screen and "/3000" in screen and "articles/s" in screen and "ETA" in screen
    assert out.startswith("ingested 3000 article(s)")


def test_quiet_drops_warnings_verbose_names_each_article(tmp_path: Path) -> None:
    loud = kabar("extract", str(FORMATS / "articles.jsonl.gz"))
    assert "kabar: warning: " in loud.stderr and "ignored field(s) section, summary" in loud.stderr
    quiet = kabar("extract", "--quiet", str(FORMATS / "articles.jsonl.gz"))
    assert quiet.returncode == 0 and quiet.stderr == ""
    verbose = kabar("--verbose", "--store", str(tmp_path / "store"), "ingest", str(FORMATS / "feed.atom"))
    assert "entities" in verbose.stderr and "oman-talks" in verbose.stderr


def test_extract_takes_many_inputs(tmp_path: Path) -> None:
    done = kabar("extract", "--format", "json", str(FORMATS / "page.html"), str(FORMATS / "feed.atom"))
    assert done.returncode == 0, done.stderr
    titles = [json.loads(line)["article"]["title"] for line in done.stdout.splitlines()]
    assert titles == ["Retno Marsudi Bertemu Menlu Jepang di Jakarta", "Iran and US hold indirect talks in Oman"]


def test_json_results_end_with_a_newline_and_links_come_in_three_formats(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    assert kabar("--store", store, "ingest", str(ROOT / "seeds" / "articles")).returncode == 0
    assert kabar("--store", store, "query", "--format", "json", "ASK { ?s ?p ?o }").stdout.endswith("}\n")
    table = kabar("--store", store, "links").stdout.splitlines()
    assert table[0].split() == ["confidence", "qid", "type", "name", "method", "articles", "entity"]
    assert len({line.index(" Q") for line in table[1:] if " Q" in line}) == 1  # the QID column is aligned
    rows = json.loads(kabar("--store", store, "links", "--format", "json").stdout)
    assert rows and {"confidence", "qid", "name", "entity"} <= set(rows[0])
    assert len(kabar("--store", store, "links", "--format", "tsv").stdout.splitlines()) == len(rows) + 1


def test_parallel_ingest_stores_what_one_process_stores(tmp_path: Path) -> None:
    """`--jobs 2` extracts in two worker processes: the store is the same as with `--jobs 1`, quad for quad, on
    real articles that report some of the same events."""
    lines = (ROOT / "tests/data/news/en/dev.articles.jsonl").read_text(encoding="utf-8").splitlines()[:10]
    lines += (ROOT / "tests/data/news/id/dev.articles.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dumps = []
    for jobs in ("1", "2"):
        store = str(tmp_path / f"store-{jobs}")
        done = kabar("--store", store, "-q", "ingest", "--jobs", jobs, str(batch))
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("ingested 16 article(s)")
        exported = kabar("--store", store, "export", "--format", "nquads").stdout.splitlines()
        dumps.append(sorted(line for line in exported if "/graph/ontology>" not in line))
    assert len(dumps[0]) > 5000 and dumps[0] == dumps[1]


def test_jobs_must_be_a_positive_number() -> None:
    done = kabar("ingest", "--jobs", "0", str(FORMATS))
    assert done.returncode == 2
    assert "--jobs: expected a positive whole number of processes, not '0'" in done.stderr


def test_ctrl_c_stops_a_parallel_ingest_at_once_without_a_traceback_or_a_worker_left(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group, workers included: the ingest exits 130 within seconds, prints
    no traceback, leaves no process behind, and what it stored opens as whole articles."""
    import signal
    import time

    rows = [{"url": f"https://example.org/c/{i}", "title": f"Talks {i}",
             "text": f"Joe Biden met Emmanuel Macron in Paris on Monday, day {i} of the talks."} for i in range(3000)]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    run = subprocess.Popen([sys.executable, "-m", "kabar.cli", "--store", str(store), "ingest", "--jobs", "2",
                            str(batch)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(6)
    assert run.poll() is None, "the batch must still be running when interrupted"
    os.killpg(run.pid, signal.SIGINT)
    began = time.monotonic()
    _, err = run.communicate(timeout=30)
    assert run.returncode == 130 and time.monotonic() - began < 10
    assert "Traceback" not in err
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(run.pid, 0)  # no process of the group is left
    listed = kabar("--store", str(store), "query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a kabar:Article }",
                   "--format", "csv")
    assert listed.returncode == 0, listed.stderr
