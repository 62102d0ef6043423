"""kabar from Python, for notebooks and scripts: the extractor and the store the command line uses.

    import kabar
    doc = kabar.extract("Menlu Retno Marsudi bertemu Menlu China Wang Yi di Jakarta.", lang="id")
    [e.name for e in doc.entities], [e.type for e in doc.events]
    with kabar.Store("var/store", read_only=True) as store:
        rows = store.query("SELECT ...", union_default_graph=True)

Nothing heavy is imported until it is used, so `kabar --help` stays fast.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loaders.model import Extraction

__all__ = ["Store", "extract"]


def extract(text: str, *, lang: str | None = None, title: str | None = None, url: str | None = None,
            published: str | date | None = None) -> Extraction:
    """The entities and events of one article, checked as `kabar extract` checks a file (ArticleError if bad).

    `lang` is detected when None; `published` (ISO, `14 Juli 2023`, ...)
    anchors relative dates such as 'Jumat lalu'.
    """
    from loaders.pipeline import default_pipeline
    from loaders.read.fields import article

    fields = {"text": text, "lang": lang, "title": title, "url": url,
              "published": published.isoformat() if isinstance(published, date) else published}
    return default_pipeline().extract(article({k: v for k, v in fields.items() if v is not None}, "<python>", 0))


def __getattr__(name: str) -> Any:
    """`kabar.Store` is `store.KabarStore`, imported on first use."""
    if name == "Store":
        from store import KabarStore

        return KabarStore
    raise AttributeError(f"module 'kabar' has no attribute {name!r}")
