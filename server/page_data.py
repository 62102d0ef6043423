"""What the HTML pages share to read the store: rows of a query with bound values, and where a kabar IRI is shown.

Pages query the store in this process (as Linked Data pages read its quads), each with its bounds; the values a
user gives are bound (`substitutions`), never spliced into the text.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
from flask import request
from werkzeug.exceptions import BadRequest

from ontology.namespaces import BASE, ID
from server.extension import kabar_store
from store import KabarStore
from store.kabar_store import KABAR_PREFIXES

Bound = dict[str, ox.NamedNode | ox.Literal]


def rows(query: str, bound: Bound) -> list[dict[str, str]]:
    """The solutions as {variable: lexical value}; an unbound variable is absent."""
    return _rows(kabar_store.store, query, bound)


def rows_side_by_side(*queries: tuple[str, Bound]) -> list[list[dict[str, str]]]:
    """The rows of several independent queries, run at once: pyoxigraph lets go of the GIL while it evaluates, so
    a page of three heavy reads takes about the longest of them, not their sum (the entity page of the most
    mentioned country, 2,140 articles: 112 -> 78 ms for its three)."""
    store = kabar_store.store
    with ThreadPoolExecutor(len(queries)) as pool:
        return list(pool.map(lambda q: _rows(store, *q), queries))


def _rows(store: KabarStore, query: str, bound: Bound) -> list[dict[str, str]]:
    result = store.query(query, substitutions=bound, prefixes=KABAR_PREFIXES)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


LOCAL_PATHS = {str(ID): "/id/", BASE: "/"}
"""Where this server shows the IRIs of each kabar space: what it minted (`KABAR_BASE_IRI`) and its vocabulary."""


def local(iri: str) -> str:
    """Where this server shows a kabar IRI: its path (`/id/entity/Q794`); another IRI stays as it is."""
    space = next((space for space in LOCAL_PATHS if iri.startswith(space)), None)
    return iri if space is None else LOCAL_PATHS[space] + iri[len(space):]


def short(iri: str) -> str:
    """A kabar term's name: `https://w3id.org/kabar/ontology#Meeting` -> `Meeting`."""
    return iri.rsplit("#", 1)[-1]


def page_number() -> int:
    """The request's `page=` (0 for the first); 400 for anything but a whole number up to 10,000."""
    raw = request.args.get("page", "0")
    if not raw.isdigit() or int(raw) > 10_000:
        raise BadRequest(f"page={raw!r}: a page is a whole number, 0 for the first")
    return int(raw)


def numbered(query: str, **numbers: int) -> str:
    """LIMIT and OFFSET take numbers written in the query, not bound values: these are whole numbers we computed."""
    for name, number in numbers.items():
        query = query.replace(f"?{name}", str(int(number)))
    return query
