"""Person names the KB does not know, found by the words news puts around them.

A name is a run of two to four capitalised words ('Retno Marsudi',
'Abdul-Malik al-Houthi') with a person cue beside it (`loaders.names`): a
title before ('Presiden', 'Menlu Iran', 'Foreign Minister'), an
apposition after (', kepala penasihat ...', ', the ... adviser'), a
meeting verb ('bertemu dengan X', 'X met'), or a first word that opens many
KB persons' names and few others (the KB's given names: 'Dmytro', 'Ana',
'Xu'). An all-caps acronym opening the run names the person's country or
body, not the person ('RI Marty Natalegawa', 'CIA William Burns'), and is
left out; acronyms alone are no name ('tingkat menteri KTT IORA'). In a
line set in title case (a subheading: 'Presiden RI Bertemu Berbagai Kepala
Negara') capitalised words say nothing, so there only a given name counts.
A run of common words alone is an office's portfolio after its title
('Menteri Urusan Strategis', 'Penasihat Keamanan Nasional'), not a name (`loaders.ner.common_words`).
"""

from __future__ import annotations

from loaders.model import Document, Mention, Span
from loaders.names import cues, is_acronym, mention_before, mention_tokens, name_runs, title_before, title_case_line
from loaders.ner.common_words import ordinary
from loaders.pipeline import Resources, component

_MAX_NAME_WORDS = 4


@component("person_names", requires=("tokens", "sentences"), assigns=("proposals",))
class PersonNames:
    """Person mentions for cue-marked names the recognizers before it did not find."""

    def __init__(self, resources: Resources) -> None:
        self.given = resources.given_names

    def __call__(self, doc: Document) -> None:
        text, tokens = doc.text, doc.tokens
        found = cues()
        earlier = doc.proposed()
        ends = {m.span.end: m for m in earlier}
        mentions: list[Mention] = []
        for i, j in name_runs(doc, mention_tokens(doc, earlier)):
            while j - i > 2 and (is_acronym(tokens[i].text) or tokens[i].text in found.organization_names):
                i += 1
            words = sum(1 for t in tokens[i:j] if t.folded not in found.particles)
            if not 2 <= words <= _MAX_NAME_WORDS or any(t.folded in found.organization_words for t in tokens[i:j]):
                continue
            if ordinary((t.text for t in tokens[i:j]), doc.article.lang):  # 'Menteri Urusan Strategis'
                continue
            start, end = tokens[i].start, tokens[j - 1].end
            given = (tokens[i].folded in self.given and not tokens[j - 1].text.isupper()) or _byline(text, start)
            if not given and all(is_acronym(t.text) for t in tokens[i:j]):  # 'menteri KTT IORA': bodies, no name
                continue
            if given or (not title_case_line(text, start)
                         and (_cue_before(text, start, ends) or found.after.match(text, end))):
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


def _byline(text: str, start: int) -> bool:
    """'By AYSE WIETING and SUZAN FRASER': a name right after 'By' opening a line, or after its 'and'."""
    line = text[text.rfind("\n", 0, start) + 1:start].lower()
    return line.startswith("by ") and (line == "by " or line.endswith(" and "))
