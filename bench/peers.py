"""kabar and `oxigraph serve` side by side on copies of the seed store, as `make run` loads it, for the benchmarks
that compare them request by request (`bench/write_roundtrip.py`, `bench/trivial_ask.py`)."""

from __future__ import annotations

import http.client
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def wait_for(port: int, path: str) -> None:
    for _ in range(150):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no answer on port {port}")


@contextmanager
def seed_servers(kabar_port: int, oxigraph_port: int, kabar_config: str = "") -> Iterator[None]:
    """kabar (its defaults, plus `kabar_config` as its TOML file) and `oxigraph serve --union-default-graph`,
    each on its own copy of the seed store, until the block ends."""
    with tempfile.TemporaryDirectory(prefix="kabar-peers-") as tmp:
        work = Path(tmp)
        subprocess.run([BIN / "kabar", "--store", work / "kabar", "--quiet", "ingest", ROOT / "seeds" / "articles"],
                       check=True, cwd=ROOT)
        shutil.copytree(work / "kabar", work / "oxigraph")
        (work / "kabar.toml").write_text(kabar_config)
        servers = [
            subprocess.Popen([BIN / "kabar", "--store", work / "kabar", "serve", "--port", str(kabar_port),
                              "--config", work / "kabar.toml"], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL),
            subprocess.Popen([BIN / "oxigraph", "serve", "--location", work / "oxigraph", "--bind",
                              f"127.0.0.1:{oxigraph_port}", "--union-default-graph"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        ]
        try:
            wait_for(kabar_port, "/health")
            wait_for(oxigraph_port, "/query?query=ASK%7B%7D")
            yield
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=60)
