"""Extraction on a real Dask cluster (`kabar ingest --scheduler`): two worker processes on loopback extract,
this process writes, and the store is the one a single process makes."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import real_batch
from distributed import Client, LocalCluster

from loaders.pipeline_recipe import PipelineRecipe
from loaders.read import read_all
from store import dask_extraction
from store.dask_extraction import ClusterError, DaskCluster

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "tribunnews-2024-05-iran-as-oman.txt"


def kabar(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Client]:
    """A scheduler and two worker processes, one thread each, on loopback."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local, Client(local) as client:
        yield client


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return real_batch(tmp_path_factory.mktemp("batch") / "batch.jsonl", 20)


def dump(store: Path) -> list[str]:
    exported = kabar("--store", str(store), "export", "--format", "nquads")
    assert exported.returncode == 0, exported.stderr
    return sorted(line for line in exported.stdout.splitlines() if "/graph/ontology>" not in line)


@pytest.fixture(scope="module")
def one_process(batch: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    store = tmp_path_factory.mktemp("one") / "store"
    done = kabar("--store", str(store), "-q", "ingest", "--jobs", "1", str(batch))
    assert done.returncode == 0, done.stderr
    return dump(store)


def test_a_running_cluster_extracts_and_the_store_is_the_one_process_store(
        cluster: Client, batch: Path, one_process: list[str], tmp_path: Path) -> None:
    address = cluster.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    done = kabar("--store", str(tmp_path / "store"), "-q", "ingest", "--scheduler", address, str(batch))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ingested 40 article(s)")
    assert len(one_process) > 10_000 and dump(tmp_path / "store") == one_process  # graphs, IRIs, merged events
    built = cluster.run(lambda: sorted({batch for batch, _ in dask_extraction._BUILT}))
    assert len(built) == 2 and all(len(batches) == 1 for batches in built.values()), \
        f"both workers must have extracted this batch: {built}"


def test_a_local_cluster_of_jobs_workers_gives_the_same_store(batch: Path, one_process: list[str],
                                                              tmp_path: Path) -> None:
    done = kabar("--store", str(tmp_path / "store"), "-q", "ingest", "--scheduler", "local", "--jobs", "2",
                 str(batch))
    assert done.returncode == 0, done.stderr
    assert dump(tmp_path / "store") == one_process


def test_an_unreachable_scheduler_is_one_line_and_the_store_keeps_what_it_had(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    assert kabar("--store", store, "-q", "ingest", str(SEED)).returncode == 0
    before = kabar("--store", store, "export", "--format", "nquads").stdout
    with socket.socket() as s:  # a loopback port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = kabar("--store", store, "ingest", "--scheduler", f"tcp://127.0.0.1:{port}", str(SEED))
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"kabar: error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}")
    assert kabar("--store", store, "export", "--format", "nquads").stdout == before


def test_online_mode_is_refused_on_a_cluster(tmp_path: Path) -> None:
    done = kabar("--store", str(tmp_path / "store"), "ingest", "--online", "--scheduler", "local", str(SEED))
    assert done.returncode == 1
    assert done.stderr.strip() == ("kabar: error: a Dask cluster runs the store's own pipeline, offline: --online "
                                   "and custom pipelines run without --scheduler")


def test_a_worker_with_another_kabar_refuses_to_extract(cluster: Client) -> None:
    """Workers of another version would extract differently; the batch stops with a message saying so."""
    article = read_all([SEED])[0]
    extraction = DaskCluster(cluster, cluster.scheduler.address).extraction(PipelineRecipe(version="0.0.0-other"))
    with pytest.raises(ClusterError, match=r"a Dask worker runs kabar \S+ and this ingest kabar 0.0.0-other"):
        next(extraction.prepared([article]))


def test_the_readme_cluster_commands_run_as_shown_on_loopback(batch: Path, one_process: list[str],
                                                               tmp_path: Path) -> None:
    """The README's three commands across machines, each machine's address being loopback here."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text[text.index("```sh\ndask scheduler") + 6:]
    lines = [line.split("  #")[0].strip() for line in block[:block.index("```")].splitlines()]
    scheduler_line, worker_line, ingest_line = lines
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = str(s.getsockname()[1])

    def as_run(line: str) -> list[str]:
        line = line.replace("HOST", "127.0.0.1").replace("WORKER", "127.0.0.1").replace("8786", port)
        line = line.replace("var/store", str(tmp_path / "store")).replace("archive.jsonl", str(batch))
        first, *rest = line.split()
        return [str(Path(sys.executable).parent / first), *rest]

    scheduler = subprocess.Popen(as_run(scheduler_line), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen(as_run(worker_line), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        done = subprocess.run(as_run(ingest_line), capture_output=True, text=True, cwd=ROOT, timeout=600)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("ingested 40 article(s)")
        assert dump(tmp_path / "store") == one_process
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=30)
