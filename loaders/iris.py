"""Stable IRIs for articles, entities and events.

An entity's IRI depends only on what it is, never on the article it was
found in, so the same country or person is one node across the graph:
linked entities are named by their QID, unlinked ones by type and name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ontology import ID


def slug(name: str) -> str:
    """ASCII, lower case, hyphen separated: 'Bagheri-Kani, Ali' -> 'bagheri-kani-ali'."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "unnamed"


def article_iri(url: str | None, text: str) -> str:
    """From the URL when there is one, else from the text: re-reading the same article gives the same IRI."""
    key = url.strip() if url else text
    return str(ID[f"article/{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}"])


def entity_iri(type_: str, name: str, qid: str | None) -> str:
    if qid:
        return str(ID[f"entity/{qid}"])
    return str(ID[f"{type_.lower()}/{slug(name)}"])


def event_iri(article: str, type_: str, index: int) -> str:
    article_key = article.rsplit("/", 1)[-1]
    return str(ID[f"event/{article_key}/{type_.lower()}-{index}"])


def position_iri(person: str, title: str, of: str | None) -> str:
    key = f"{person}|{title.lower()}|{of or ''}"
    return str(ID[f"position/{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}"])
