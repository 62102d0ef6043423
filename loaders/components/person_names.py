"""Person names the KB does not know, found by the words news puts around them.

A name is a run of two to four capitalised words ('Retno Marsudi',
'Abdul-Malik al-Houthi') with a person cue beside it (`loaders.names`): a
title before ('Presiden', 'Menlu Iran', 'Foreign Minister'), an
apposition after (', kepala penasihat ...', ', the ... adviser') or a
meeting verb ('bertemu dengan X', 'X met').
"""

from __future__ import annotations

from loaders.model import Document, Mention, Span
from loaders.names import cues, mention_before, mention_tokens, name_runs, title_before
from loaders.pipeline import component

_MAX_NAME_WORDS = 4


@component("person_names", requires=("tokens", "sentences"), assigns=("proposals",))
class PersonNames:
    """Person mentions for cue-marked names the recognizers before it did not find."""

    def __call__(self, doc: Document) -> None:
        text, tokens = doc.text, doc.tokens
        found = cues()
        earlier = doc.proposed()
        ends = {m.span.end: m for m in earlier}
        mentions: list[Mention] = []
        for i, j in name_runs(doc, mention_tokens(doc, earlier)):
            words = sum(1 for t in tokens[i:j] if t.folded not in found.particles)
            if not 2 <= words <= _MAX_NAME_WORDS or any(t.folded in found.organization_words for t in tokens[i:j]):
                continue
            start, end = tokens[i].start, tokens[j - 1].end
            if _cue_before(text, start, ends) or found.after.match(text, end):
                name = text[start:end]
                key = "Person:" + " ".join(t.folded for t in tokens[i:j])
                mentions.append(Mention(Span(start, end, name), "Person", name, None, key, "pattern"))
        doc.proposals[self.name] = mentions


def _cue_before(text: str, start: int, ends: dict[int, Mention]) -> bool:
    """A title or verb just before the name, possibly with a country between ('Menlu Iran X')."""
    if title_before(text, start) or cues().verb_before.search(text, max(0, start - 40), start):
        return True
    anchor = mention_before(text, start, ends)
    return (anchor is not None and anchor.type in ("Country", "Organization")
            and title_before(text, anchor.span.start) is not None)
