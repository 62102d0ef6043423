"""English organisation names the KB lacks, by their head noun: 'Foreign Ministry', 'Saudi Press Agency'.

English puts the head of an organisation's name last, so a run of two to
five capitalised words ending in one of a short list of heads is taken as
an organisation. Indonesian names put the head first ('Kementerian Luar
Negeri') and are the CRF's job, so this component reads English only.
"""

from __future__ import annotations

from loaders.model import Document, Mention, Span
from loaders.names import PARTICLES, mention_tokens, name_runs

HEADS = frozenset({
    "ministry", "agency", "council", "committee", "commission", "institute", "university", "corps", "army",
    "navy", "party", "court", "bank", "company", "corporation", "group", "radio", "press", "forces", "guard",
    "authority", "department", "organization", "organisation", "association", "union", "front", "movement",
    "foundation", "service", "network", "parliament", "assembly", "embassy", "office",
})
_MIN_WORDS, _MAX_WORDS = 2, 5


class OrganizationNames:
    """Pipeline component: Organization mentions for capitalised runs ending in an organisation head."""

    def __call__(self, doc: Document) -> Document:
        if doc.article.lang != "en":
            return doc
        tokens = doc.tokens
        for i, j in name_runs(doc, mention_tokens(doc, doc.mentions)):
            words = [t for t in tokens[i:j] if t.folded not in PARTICLES]
            if _MIN_WORDS <= len(words) <= _MAX_WORDS and tokens[j - 1].folded in HEADS:
                start, end = tokens[i].start, tokens[j - 1].end
                name = doc.text[start:end]
                key = "Organization:" + " ".join(t.folded for t in tokens[i:j])
                doc.mentions.append(Mention(Span(start, end, name), "Organization", name, None, key, "pattern"))
        doc.mentions.sort(key=lambda m: m.span.start)
        return doc
