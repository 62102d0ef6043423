"""Organisation names the KB lacks, by their head noun: 'Foreign Ministry', 'Saudi Press Agency'.

Some languages put the head of an organisation's name last (English), so
a run of two to five capitalised words ending in one of a short list of
heads (the pack's `organization_heads`) is taken as an organisation.
Others put the head first ('Kementerian Luar Negeri' in Indonesian) and
leave the name to the NER, so this component reads only articles whose
language pack lists heads.
"""

from __future__ import annotations

from loaders import lang
from loaders.model import Document, Mention, Span
from loaders.names import cues, mention_tokens, name_runs
from loaders.pipeline import component

_MIN_WORDS, _MAX_WORDS = 2, 5


@component("org_names", requires=("tokens", "sentences"), assigns=("proposals",))
class OrganizationNames:
    """Organization mentions for capitalised runs ending in an organisation head."""

    def __call__(self, doc: Document) -> None:
        heads = lang.get(doc.article.lang).organization_heads
        mentions: list[Mention] = []
        if heads:
            tokens, particles = doc.tokens, cues().particles
            for i, j in name_runs(doc, mention_tokens(doc, doc.proposed())):
                words = [t for t in tokens[i:j] if t.folded not in particles]
                if _MIN_WORDS <= len(words) <= _MAX_WORDS and tokens[j - 1].folded in heads:
                    start, end = tokens[i].start, tokens[j - 1].end
                    name = doc.text[start:end]
                    key = "Organization:" + " ".join(t.folded for t in tokens[i:j])
                    mentions.append(Mention(Span(start, end, name), "Organization", name, None, key, "pattern"))
        doc.proposals[self.name] = mentions
