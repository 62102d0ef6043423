"""Wikidata's action API, for the opt-in online mode: search names, fetch items in the dump's JSON format.

Polite, as Wikimedia's API etiquette asks: a descriptive User-Agent, one
request at a time with a minimum interval, `maxlag`, and exponential
backoff (honouring `Retry-After`) on 429, 5xx and lag errors. The base URL
is configurable (`KABAR_WIKIDATA_API`) so tests run against a local server
answering in the documented format. This client only reads; keeping what
it learned in the store's KB graph is `store.kb_graph.OnlineLookup`'s job.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from loaders.kb.wikidata import kb_languages
from ontology.namespaces import BASE, WIKIDATA_API

API_ENV = "KABAR_WIKIDATA_API"
USER_AGENT = f"kabar/0.1 ({BASE.rstrip('/')}; news-to-knowledge-graph research tool) python-urllib"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_IDS_PER_REQUEST = 50  # wbgetentities' limit for ordinary clients


class WikidataUnavailable(Exception):
    """Wikidata cannot be reached or keeps refusing; `str()` is the one line to show."""


@dataclass
class WikidataClient:
    base_url: str = field(default_factory=lambda: os.environ.get(API_ENV) or WIKIDATA_API)
    user_agent: str = USER_AGENT
    min_interval: float = 1.0  # seconds between requests
    retries: int = 4
    backoff: float = 2.0  # first retry delay; doubles each time
    timeout: float = 20.0
    _last: float = field(default=0.0, repr=False)

    def search(self, name: str, language: str, limit: int = 7) -> list[str]:
        """QIDs `wbsearchentities` finds for a name, best first."""
        data = self._get({"action": "wbsearchentities", "search": name, "language": language,
                          "uselang": language, "type": "item", "limit": str(limit)})
        return [hit["id"] for hit in data.get("search", []) if str(hit.get("id", "")).startswith("Q")]

    def entities(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Entities in the JSON dump format (`wbgetentities`), in batches of 50."""
        out: list[dict[str, Any]] = []
        for start in range(0, len(ids), _IDS_PER_REQUEST):
            batch = ids[start:start + _IDS_PER_REQUEST]
            data = self._get({"action": "wbgetentities", "ids": "|".join(batch),
                              "props": "labels|aliases|descriptions|claims", "languages": "|".join(kb_languages())})
            out.extend(e for e in data.get("entities", {}).values() if "missing" not in e)
        return out

    def _get(self, params: dict[str, str]) -> dict[str, Any]:
        query = urllib.parse.urlencode({**params, "format": "json", "maxlag": "5"})
        request = urllib.request.Request(f"{self.base_url}?{query}", headers={"User-Agent": self.user_agent})
        delay = self.backoff
        for attempt in range(self.retries + 1):
            self._wait()
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    data = json.load(response)
            except urllib.error.HTTPError as e:
                if e.code not in _RETRY_STATUS or attempt == self.retries:
                    raise WikidataUnavailable(f"Wikidata API at {self.base_url} answered HTTP {e.code}") from e
                time.sleep(_retry_after(e.headers.get("Retry-After"), delay))
            except (urllib.error.URLError, OSError, ValueError) as e:
                reason = getattr(e, "reason", e)
                raise WikidataUnavailable(f"cannot reach Wikidata at {self.base_url} ({reason}); "
                                          "run without --online") from e
            else:
                error = data.get("error", {})
                if error.get("code") != "maxlag":
                    if error:
                        raise WikidataUnavailable(f"Wikidata API error {error.get('code')}: {error.get('info')}")
                    return data
                if attempt == self.retries:
                    raise WikidataUnavailable(f"Wikidata at {self.base_url} is lagging; try again later")
                time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    def _wait(self) -> None:
        pause = self._last + self.min_interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last = time.monotonic()


def _retry_after(header: str | None, default: float) -> float:
    try:
        return max(float(header), 0.0) if header else default
    except ValueError:
        return default
