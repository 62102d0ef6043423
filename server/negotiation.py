"""HTTP content negotiation on the Accept header, written out rather than delegated.

The endpoint's behaviour depends on it (which results format, whether a
browser gets the HTML page), so the rules are spelled here: q-values,
`type/*` and `*/*` wildcards, the most specific matching range decides a
media type's quality, and equal qualities go to the server's preference.
Media-type parameters other than q are ignored when matching.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from flask import Response


@dataclass(frozen=True)
class MediaRange:
    """One comma-separated element of an Accept header."""

    type: str
    subtype: str
    quality: float = 1.0

    def matches(self, media_type: str) -> bool:
        type_, _, subtype = media_type.lower().partition("/")
        return self.type in ("*", type_) and self.subtype in ("*", subtype)

    @property
    def specificity(self) -> int:
        """2 for `type/subtype`, 1 for `type/*`, 0 for `*/*`."""
        return (self.type != "*") + (self.subtype != "*")


ANYTHING = MediaRange("*", "*")


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; no header (or nothing usable in it) accepts anything."""
    ranges = [r for r in (_parse_range(part) for part in (header or "").split(",")) if r is not None]
    return ranges or [ANYTHING]


def _parse_range(text: str) -> MediaRange | None:
    """A malformed range gives None and is skipped, as if the client had not sent it."""
    media_range, *params = (piece.strip() for piece in text.split(";"))
    if media_range == "*":
        media_range = "*/*"
    type_, slash, subtype = media_range.lower().partition("/")
    if not (slash and type_ and subtype) or (type_ == "*" and subtype != "*"):
        return None
    quality = 1.0
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value.strip())
            except ValueError:
                return None
            break
    return MediaRange(type_, subtype, min(max(quality, 0.0), 1.0))


def quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """How much the client wants `media_type`: the q of the most specific range matching it."""
    matching = [r for r in ranges if r.matches(media_type)]
    if not matching:
        return 0.0
    return max(matching, key=lambda r: (r.specificity, r.quality)).quality


def best_match(header: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the client prefers, earlier offers winning ties; None if none is acceptable."""
    return _best_match(header, tuple(offered))


@lru_cache(maxsize=256)
def _best_match(header: str | None, offered: tuple[str, ...]) -> str | None:
    """Cached: a client sends the same Accept header with every request."""
    ranges = parse_accept(header)
    best, best_quality = None, 0.0
    for media_type in offered:
        q = quality(ranges, media_type)
        if q > best_quality:
            best, best_quality = media_type, q
    return best


def vary_on_accept(response: Response) -> Response:
    """An `after_request` hook for blueprints whose every answer depends on Accept, so caches keep them apart."""
    if response.headers.get("Vary") != "Accept":  # streamed query results are sent with it already
        response.vary.add("Accept")
    return response
