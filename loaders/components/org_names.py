"""Organisation names the KB lacks, by their head noun: 'Foreign Ministry', 'Saudi Press Agency'.

Some languages put the head of an organisation's name last (English), so
a run of two to five capitalised words ending in one of a short list of
heads (the pack's `organization_heads`) is taken as an organisation, with
a capitalised title word before it ('General Elections Commission') and a
capitalised complement after 'of' or 'for' ('Ministry of Foreign Affairs').
Others put the head first ('Kementerian Luar Negeri' in Indonesian) and
leave the name to the NER, so this component reads only articles whose
language pack lists heads. In every language, the bodies the packs list by
the name news uses without a head word (`organization_names`: 'TNI AU',
'Kemlu', 'CIA', 'Xinhua') are organisations where they are written so; one
that is also a function word ('Antara', 'among') only in capitals. A
capitalised web name ('Tempo.co', 'REPUBLIKA.CO.ID', 'Aktual.com') is the
news medium publishing under it, as datelines and credits write it.
"""

from __future__ import annotations

import re

from loaders import lang
from loaders.model import Document, Mention, Span
from loaders.names import cues, mention_tokens, name_runs, title_tokens
from loaders.normalize import fold
from loaders.pipeline import component

_MIN_WORDS, _MAX_WORDS = 2, 5
_MAX_LISTED = 3
_COMPLEMENTS = frozenset({"of", "for"})
_WEB_NAME = re.compile(r"(?<![\w.@/])[A-Z][\w-]*(?:\.(?:co\.id|com|id|net|org|co|tv))(?![\w/.-])", re.IGNORECASE)


@component("org_names", requires=("tokens", "sentences"), assigns=("proposals",))
class OrganizationNames:
    """Organization mentions for capitalised runs ending in an organisation head."""

    def __call__(self, doc: Document) -> None:
        heads = lang.get(doc.article.lang).organization_heads
        mentions = list(_listed(doc))
        mentions += _web_names(doc, mentions)
        if heads:
            tokens, particles = doc.tokens, cues().particles
            runs = name_runs(doc, mention_tokens(doc, [*doc.proposed(), *mentions]))
            starts = {i: j for i, j in runs}
            in_title = title_tokens(doc)
            for i, j in runs:
                words = [t for t in tokens[i:j] if t.folded not in particles]
                if _MIN_WORDS <= len(words) + 1 <= _MAX_WORDS and tokens[j - 1].folded in heads:
                    i = _with_title_word(doc, i, in_title)
                    j = _with_complement(doc, j, starts)
                    if len([t for t in tokens[i:j] if t.folded not in particles]) < _MIN_WORDS:
                        continue
                    start, end = tokens[i].start, tokens[j - 1].end
                    name = doc.text[start:end]
                    key = "Organization:" + " ".join(t.folded for t in tokens[i:j])
                    mentions.append(Mention(Span(start, end, name), "Organization", name, None, key, "pattern"))
        doc.proposals[self.name] = mentions


def _with_title_word(doc: Document, i: int, in_title: set[int]) -> int:
    """'General Elections Commission': a capitalised title word just before the run opens the name."""
    tokens = doc.tokens
    if i > 0 and i - 1 in in_title and tokens[i - 1].text[:1].isupper() \
            and doc.text[tokens[i - 1].end:tokens[i].start] == " ":
        return i - 1
    return i


def _with_complement(doc: Document, j: int, starts: dict[int, int]) -> int:
    """'Ministry of Foreign Affairs': a capitalised run after 'of' or 'for' ends the name."""
    tokens = doc.tokens
    if j + 1 < len(tokens) and tokens[j].folded in _COMPLEMENTS and tokens[j].text.islower() and j + 1 in starts:
        return starts[j + 1]
    return j


def _listed(doc: Document) -> list[Mention]:
    """Mentions of the packs' `organization_names`, longest first, where no recognizer before found a name but a
    venue (`venue_names`), whose name may hold a body ('Gedung DPR', 'Pangkalan TNI AU')."""
    found = cues()
    covered = mention_tokens(doc, [m for m in doc.proposed() if not (m.type == "Place" and m.source == "pattern")])
    tokens, text = doc.tokens, doc.text
    out: list[Mention] = []
    firsts = found.organization_firsts
    i = 0
    while i < len(tokens):
        if tokens[i].text not in firsts:
            i += 1
            continue
        for n in range(min(_MAX_LISTED, len(tokens) - i), 0, -1):
            start, end = tokens[i].start, tokens[i + n - 1].end
            name = text[start:end]
            if name in found.organization_names and not any(k in covered for k in range(i, i + n)) \
                    and (n > 1 or tokens[i].folded not in found.stopwords or name.isupper()):
                out.append(Mention(Span(start, end, name), "Organization", name, None,
                                   "Organization:" + fold(name), "pattern"))
                i += n
                break
        else:
            i += 1
    return out


def _web_names(doc: Document, earlier: list[Mention]) -> list[Mention]:
    """'Aktual.com', 'VIVA.co.id': media by their web names, where no mention is."""
    taken = [(m.span.start, m.span.end) for m in (*doc.proposed(), *earlier)]
    out = []
    for match in _WEB_NAME.finditer(doc.text):
        start, end = match.span()
        if match.group()[0].isupper() and not any(a < end and start < b for a, b in taken):
            name = match.group()
            out.append(Mention(Span(start, end, name), "Organization", name, None, "Organization:" + fold(name),
                               "pattern"))
    return out
