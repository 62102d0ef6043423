"""What the HTML pages share to read the store: rows of a query with bound values, and where a kabar IRI is shown.

Pages' queries run like a client's, in a query worker on a snapshot under the time limit (`server.reads`), each
with its bounds; the values a user gives are bound (`substitutions`), never spliced into the text.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from flask import current_app, request
from werkzeug.exceptions import BadRequest

from ontology.namespaces import BASE, ID
from server.reads import Bound, select_rows


def rows(query: str, bound: Bound) -> list[dict[str, str]]:
    """The solutions as {variable: lexical value}; an unbound variable is absent."""
    return select_rows(query, bound, "Reading the store for this page")


def rows_side_by_side(*queries: tuple[str, Bound]) -> list[list[dict[str, str]]]:
    """The rows of several independent queries, run at once, each in a worker of its own: a page of three heavy
    reads takes about the longest of them, not their sum."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def run(query: tuple[str, Bound]) -> list[dict[str, str]]:
        with app.app_context():
            return rows(*query)

    with ThreadPoolExecutor(len(queries)) as pool:
        return list(pool.map(run, queries))


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
