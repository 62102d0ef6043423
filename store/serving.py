"""Where the server holding an embedded store answers: `<store>.serving`, written while `kabar serve` runs.

Only one process opens the store read-write, and reading the live store
from another process while it writes is undefined in pyoxigraph: measured
with a writer replacing graphs, a reader opening the store read-only 60
times failed on missing table files, and one grew to 24 GB until the
kernel killed it. So while `kabar serve` holds a store, the read-only
commands (`kabar query`, `kabar export`, `kabar links`, ...) read it through
that server on loopback (`ServedStore`): its SPARQL endpoint and its
`/export`, so its engine, snapshots and time limit, like any other client,
and the same bytes `kabar export` writes from the store itself.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlencode

import pyoxigraph as ox

from store.quad_store import GraphName, StoreError, target
from store.remote_store import TIMEOUT, RemoteStore
from store.snapshots import pid_alive


def _file(store: Path) -> Path:
    return store.parent / f"{store.name}.serving"


@contextmanager
def advertised(store: Path, endpoint: str) -> Iterator[None]:
    """Say, while the block runs, that this process serves `store` at `endpoint` (its /sparql URL)."""
    file = _file(store)
    file.write_text(json.dumps({"pid": os.getpid(), "endpoint": endpoint}), encoding="utf-8")
    try:
        yield
    finally:
        with suppress(FileNotFoundError):
            file.unlink()


def serving_endpoint(store: Path) -> str | None:
    """The /sparql URL of the live process serving `store`, or None (a file a killed server left is removed)."""
    file = _file(store)
    try:
        said = json.loads(file.read_text(encoding="utf-8"))
        pid, endpoint = int(said["pid"]), str(said["endpoint"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if pid != os.getpid() and pid_alive(pid):
        return endpoint
    if pid != os.getpid():
        with suppress(FileNotFoundError):
            file.unlink()
    return None


class ServedStore(RemoteStore):
    """The embedded store `kabar serve` holds, read through that server: its queries, and its own `/export`."""

    def __init__(self, endpoint: str) -> None:
        super().__init__("sparql+" + endpoint, read_only=True)
        self._export_url = endpoint.removesuffix("/sparql") + "/export"

    def graph_names(self) -> list[str]:
        """Every named graph: the server's store is kabar's alone."""
        return sorted(row["g"].value for row in self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }"))

    def export(self, out: BinaryIO, fmt: ox.RdfFormat, graph: GraphName | None = None) -> None:
        """The server's `/export` of the dataset or one graph: the bytes `KabarStore.export` writes."""
        if graph is None and not fmt.supports_datasets:  # the union of graphs in a graph format: no /export of it
            super().export(out, fmt, graph)
            return
        query = "" if graph is None else "?" + urlencode({"graph": target(graph).value})
        request = urllib.request.Request(self._export_url + query, headers={"Accept": fmt.media_type})
        try:
            with self._opener.open(request, timeout=TIMEOUT) as response:
                shutil.copyfileobj(response, out)
        except urllib.error.HTTPError as e:
            said = e.read().decode("utf-8", "replace").strip().splitlines()
            raise StoreError(f"the server at {self._export_url} refused the export (HTTP {e.code}): "
                             f"{said[-1] if said else e.reason}") from None
        except OSError as e:
            raise StoreError(f"cannot reach the server at {self._export_url}: {getattr(e, 'reason', e)}") from None
