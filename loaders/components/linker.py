"""Entity linking: each entity gets a Wikidata QID with a confidence, or NIL.

The recognizers (gazetteer, NER, coreference) only say which KB name a
stretch of text looks like; the QID they put on a mention is a proposal.
Whether the entity *is* that Wikidata item is decided here, from evidence,
for every mention, so that a wrong link (worse than none) needs several
things to go wrong at once.

Candidates come from every label and alias of the KB, in every language
(plus `seeds/aliases.csv`), looked up under three keys, strictest first:

- the folded name: case, diacritics, hyphens and apostrophes do not matter
  ('Amir-Abdollahian', 'Erdoğan'); a short all-caps name ('AS', 'UN') must
  match in capitals;
- for people, the transliteration key of `person_key`, under which
  'Hussein Amir Abdullahian' meets 'Hossein Amir-Abdollahian' and
  'Ibrahim Raisi' meets 'Ebrahim Raisi';
- rapidfuzz's ratio against the names of the same type, only when nothing
  stricter matched and the name is long enough to compare; in the large KB,
  against the people whose names open with the same word, and only someone
  of a country the article names ('Tony Abbot' beside 'Australia').

A candidate's score is its name evidence, times type compatibility (a
Person needs a human item, a Country a sovereign state: the KB entry's
type), times a prior (a capital before a region of the same name), plus or
minus a little context (is the candidate's country among the countries the
article mentions?). A close second candidate lowers the confidence. The
entity is NIL when the confidence is below the threshold, or when the best
match is a name the KB knows without a verified QID.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz, process

from loaders.iris import entity_iri
from loaders.kb.build.index import KBIndex, Record, as_entry, prominent
from loaders.kb.build.records import Person
from loaders.kb.index import is_short_acronym
from loaders.kb.model import KBEntry, KnowledgeBase
from loaders.kb.seed import AliasRow
from loaders.model import Document, Link, Mention
from loaders.names import cues
from loaders.normalize import fold, person_key
from loaders.pipeline import Resources, component

LABEL, ALIAS, ACRONYM, TRANSLITERATION, RECOGNIZER, CURATED = 1.0, 0.95, 0.9, 0.9, 0.85, 1.2
"""Name evidence: a label, an alias, a short all-caps alias, a transliteration, the recognizer's
canonical name when no surface form itself matches (a name part resolved by coreference), and kabar's own
alias (`seeds/aliases.csv`), which is there to overrule the KB ('Gaza' alone is the Gaza Strip)."""
_ROLE_PRIOR = {"leader": 1.0, "executive": 1.0, "international": 1.0, "diplomat": 0.95}
_OTHER_ROLE, _SERVING = 0.8, 0.1
_ABROAD = 0.7
"""A person of the large KB: the prior of their most prominent office (a legislator's 0.8), plus a little for
an office held on the article's date, so that the foreign minister Wang Yi wins over three deputies."""
_FUZZY_FLOOR, _FUZZY_TOP = 0.6, 0.9  # evidence of a fuzzy match at the cutoff and at a perfect ratio
_PRIORS = {"capital": 1.0, "city": 0.85, "region": 0.8, "territory": 0.75}
_DEFAULT_PRIOR = 0.9
_CONTEXT = 0.05  # candidate's country is (or is not) among the article's countries
_NICKNAME = re.compile("[\"'\u2018\u201c](?P<nickname>[^\"'\u2019\u201d]+)[\"'\u2019\u201d]")
_INITIALS = re.compile(r"(?<= )(?:(?:[A-Z]\.)*[A-Z]\.?|[A-Z]{2,3})(?= \S)")  # 'L.P.', 'R.', 'F', 'LP'
_CLEAR_GAP = 0.2  # a second candidate this far behind does not lower the confidence
_COMPATIBLE = {("Place", "Country"): 0.9, ("Country", "Place"): 0.9}

Lookup = Callable[[str, str, str], Sequence[KBEntry]]
"""Online mode: (name, type, language) -> KB entries learned for that name (already written to the KB)."""


@dataclass(frozen=True)
class LinkSettings:
    threshold: float = 0.75  # below this confidence the entity is NIL
    fuzzy_cutoff: float = 90.0  # rapidfuzz ratio (0-100) a fuzzy candidate needs at least
    fuzzy_min_length: int = 6  # shorter folded names are never compared fuzzily


@dataclass(frozen=True)
class LinkCandidate:
    """A KB entry an entity may be, with its score and the kind of name evidence behind it."""

    entry: KBEntry
    score: float
    method: str


@dataclass(frozen=True)
class _Name:
    entry: KBEntry
    weight: float
    exact: str | None  # a short all-caps name must appear exactly so


class LinkIndex:
    """Every KB name under its folded form, its transliteration key (people) and per type for fuzzy search."""

    def __init__(self, entries: Iterable[KBEntry] = (), aliases: Mapping[str, Sequence[AliasRow]] | None = None
                 ) -> None:
        self._folded: dict[str, list[_Name]] = {}
        self._translit: dict[tuple[str, ...], list[_Name]] = {}
        self._by_type: dict[str, dict[str, list[_Name]]] = {}
        self._aliases = aliases or {}
        self.qids: set[str] = set()
        for entry in entries:
            self.add(entry)

    @classmethod
    def from_kb(cls, kb: KnowledgeBase, aliases: Iterable[AliasRow] = ()) -> LinkIndex:
        by_label = {(e.type, e.label): e for e in kb.entries}
        extra: dict[str, list[AliasRow]] = {}
        for row in aliases:
            entry = kb.by_qid(row.target) or by_label.get((row.type, row.target))
            if entry is not None:  # the gazetteer already refuses rows naming no entry
                extra.setdefault(entry.key, []).append(row)
        return cls(kb.entries, extra)

    def copy(self) -> LinkIndex:
        """An index that `add` can grow without changing this one."""
        other = copy.copy(self)
        other._folded = {k: list(v) for k, v in self._folded.items()}
        other._translit = {k: list(v) for k, v in self._translit.items()}
        other._by_type = {t: {k: list(v) for k, v in names.items()} for t, names in self._by_type.items()}
        other.qids = set(self.qids)
        return other

    def add(self, entry: KBEntry) -> None:
        if entry.qid:
            self.qids.add(entry.qid)
        names = [(entry.label, LABEL)] + ([(entry.label_id, LABEL)] if entry.label_id else [])
        names += [(alias, ALIAS) for alias, _ in entry.aliases]
        names += [(row.alias, CURATED) for row in self._aliases.get(entry.key, ())]
        for text, weight in names:
            folded = fold(text)
            if not folded:
                continue
            acronym = is_short_acronym(text)
            name = _Name(entry, ACRONYM if acronym else weight, text if acronym else None)
            self._folded.setdefault(folded, []).append(name)
            self._by_type.setdefault(entry.type, {}).setdefault(folded, []).append(name)
            key = person_key(folded.split()) if entry.type == "Person" else None
            if key:
                self._translit.setdefault(key, []).append(name)

    def candidates(self, type_: str, surfaces: Iterable[str], settings: LinkSettings) -> list[LinkCandidate]:
        """Entries any surface form may name, each with its best name evidence, strictest keys first."""
        best: dict[str, LinkCandidate] = {}
        forms = {s: fold(s) for s in surfaces}
        for surface, folded in forms.items():
            for name in self._folded.get(folded, ()):
                if name.exact is None or name.exact == surface:
                    _keep(best, type_, name.entry, name.weight, "label" if name.weight == LABEL else "alias")
        for folded in forms.values():
            key = person_key(folded.split()) if type_ == "Person" else None
            for name in self._translit.get(key, ()) if key else ():
                _keep(best, type_, name.entry, min(name.weight, TRANSLITERATION), "transliteration")
        if not best:
            for folded in forms.values():
                self._fuzzy(best, type_, folded, settings)
        return sorted(best.values(), key=lambda c: -c.score)

    def _fuzzy(self, best: dict[str, LinkCandidate], type_: str, folded: str, settings: LinkSettings) -> None:
        if len(folded) < settings.fuzzy_min_length:
            return
        for other_type, names in self._by_type.items():
            if _type_factor(type_, other_type) == 0:
                continue
            for choice, ratio, _ in process.extract(folded, names.keys(), scorer=fuzz.ratio,
                                                    score_cutoff=settings.fuzzy_cutoff, limit=5):
                if len(choice) < settings.fuzzy_min_length:
                    continue
                share = (ratio - settings.fuzzy_cutoff) / max(100 - settings.fuzzy_cutoff, 1)
                evidence = _FUZZY_FLOOR + (_FUZZY_TOP - _FUZZY_FLOOR) * share
                for name in names[choice]:
                    _keep(best, type_, name.entry, min(name.weight, evidence), "fuzzy")


def _type_factor(wanted: str, found: str) -> float:
    return 1.0 if wanted == found else _COMPATIBLE.get((wanted, found), 0.0)


def _prior(entry: KBEntry) -> float:
    return 1.0 if entry.type == "Country" else _PRIORS.get(entry.kind or "", _DEFAULT_PRIOR)


def _keep(best: dict[str, LinkCandidate], type_: str, entry: KBEntry, evidence: float, method: str) -> None:
    """Record `entry` with this evidence unless it already has better (one candidate per QID or KB key)."""
    factor = _type_factor(type_, entry.type)
    if factor == 0:
        return
    score = evidence * factor * (0.9 + 0.1 * _prior(entry))
    held = best.get(entry.key)
    if held is None or score > held.score:
        best[entry.key] = LinkCandidate(entry, score, method)


@component("linker", requires=("mentions",), assigns=("links",))
class Linker:
    """A `Link` for every entity of the article (its mentions by key), after coreference, before assembly.

    `corrections` maps an entity's local IRI (type + name, as for NIL
    entities) to the QID a user chose, or to None for "no item"; they win
    over everything. `lookup` is the online mode: asked for names the KB
    does not know at all; what it returns joins this linker's own copy of
    the index, so the pipeline it was configured from never sees it.
    """

    def __init__(self, resources: Resources) -> None:
        self.index = LinkIndex.from_kb(resources.kb, resources.aliases)
        self.labels = {e.qid: e.label for e in reversed(resources.kb.entries) if e.qid}  # QID -> canonical name
        self.large: KBIndex | None = resources.kb_index
        self.curated = {fold(row.alias): row.target for row in resources.aliases
                        if row.target.startswith("Q") and resources.kb.by_qid(row.target) is None}
        self.settings = LinkSettings()
        self.corrections: Mapping[str, str | None] = {}
        self.lookup: Lookup | None = None
        self._asked: set[tuple[str, str]] = set()

    def configured(self, *, settings: LinkSettings | None = None, corrections: Mapping[str, str | None] | None = None,
                   lookup: Lookup | None = None) -> Linker:
        """A copy with other settings, corrections or lookup; this linker stays as it is."""
        other = copy.copy(self)
        other._asked = set()
        if settings is not None:
            other.settings = settings
        if corrections is not None:
            other.corrections = corrections
        if lookup is not None:
            other.lookup, other.index, other.labels = lookup, self.index.copy(), dict(self.labels)
        return other

    def __call__(self, doc: Document) -> None:
        groups: dict[str, list[Mention]] = {}
        for m in sorted(doc.mentions, key=lambda m: (m.span.start, -m.span.end)):
            groups.setdefault(m.key, []).append(m)
        countries: set[str] = set()
        links: dict[str, Link] = {}
        for key, members in sorted(groups.items(), key=lambda kv: kv[1][0].type != "Country"):  # countries: context
            first = members[0]
            link = self.link(first.type, first.name, _evidence(members), doc.article.lang, countries,
                             doc.article.published)
            if link.qid and first.type == "Country":
                countries.add(link.qid)
            links[key] = replace(link, label=link.label or self.labels.get(link.qid)) if link.qid else link
        # one name per entity, the one its first mention gives ('Vinay Mohan Kwarta', then 'Vinay Kwatra')
        named: dict[str, str | None] = {}
        for key in groups:
            qid = links[key].qid
            if qid:
                named.setdefault(qid, links[key].label)
        doc.links = {key: replace(link, label=named[link.qid]) if link.qid else link for key, link in links.items()}

    def link(self, type_: str, name: str, surfaces: Iterable[str], lang: str = "",
             countries: Iterable[str] = (), when: date | None = None) -> Link:
        """The decision for one entity: its recognized type and canonical name, the forms the text used."""
        manual = self.corrections.get(entity_iri(type_, name, None), "")
        if manual != "":
            return Link(manual, 1.0, "manual")
        surfaces = set(surfaces)
        candidates = self._candidates(type_, name, surfaces)
        if not any(c.entry.qid for c in candidates) and self.large is not None and type_ != "Event":
            # a seed record with no QID tells whose the body is ('RSF', Sudan's): a namesake abroad is unlikely
            countries = set(countries) | {c.entry.country for c in candidates if c.entry.country}
            large = self._large_candidates(type_, name, surfaces, when, countries)
            if large:
                link = self._decide([_abroad(c, countries) for c in large], countries, None)
                entry = next((c.entry for c in large if c.entry.qid == link.qid), None)
                # the large KB's labels come from its sources, not always Wikidata's: a full name the
                # article used that the record also has ('Abbas Araghchi', not 'Seyed Abbas Araghchi') stays,
                # as does one a letter or two from the record's ('Yousaf Raza Gilani', which its source spells
                # 'Gillani'): the article's spelling is evidence, the source's may be a variant
                keep = entry is not None and ((" " in name and fold(name) in {fold(n) for n in entry.names()})
                                              or (name in surfaces and self.large.shared_label(entry.label))
                                              or link.method == "fuzzy")
                return replace(link, label=name if keep else entry.label) if entry else link
        method = None
        if not candidates and self.lookup and type_ != "Event" and (name, type_) not in self._asked:
            self._asked.add((name, type_))
            for entry in self.lookup(name, type_, lang):
                self.index.add(entry)
                self.labels.setdefault(entry.qid or "", entry.label)
            candidates, method = self._candidates(type_, name, surfaces), "online"
        return self._decide(candidates, set(countries), method)

    def _candidates(self, type_: str, name: str, surfaces: set[str]) -> list[LinkCandidate]:
        found = {c.entry.key: c for c in self.index.candidates(type_, surfaces, self.settings)}
        if name not in surfaces:  # the recognizer resolved a name part or a spelling to this canonical name
            for c in self.index.candidates(type_, [name], self.settings):
                resolved = LinkCandidate(c.entry, c.score * RECOGNIZER, "recognizer")
                # ... which weighs more than a near spelling of the text's form ('Belarusian' ~ 'Belarusia')
                if c.method in ("label", "alias") and (c.entry.key not in found
                                                        or found[c.entry.key].score < resolved.score):
                    found[c.entry.key] = resolved
        return sorted(found.values(), key=lambda c: -c.score)

    def _large_candidates(self, type_: str, name: str, surfaces: set[str], when: date | None,
                          countries: set[str]) -> list[LinkCandidate]:
        """Candidates from the large KB: every record any form names, weighed like the seed's, and people by
        their offices: relative to the best-placed namesake when the article names the person's country (one
        such person keeps full weight), else as they are (a 'John Smith' of no country named stays NIL)."""
        assert self.large is not None
        best: dict[str, LinkCandidate] = {}
        for form, weight in self._forms(type_, name, surfaces):
            folded = fold(form)
            target = self.curated.get(folded)
            record = self.large.any_record(target) if target else None
            if record is not None:
                _keep(best, type_, as_entry(record), CURATED * weight, "alias")
            if form in cues().organization_names:
                continue  # a body the packs list by acronym ('DPR') is that body, not the KB's other DPRs
            records = prominent(form, self.large.records(form)) if type_ == "Place" else self.large.records(form)
            top = max((_standing(r, when) for r in records), default=1.0)
            for record in records:
                names = [n for n in (record.label, record.label_id, *(a for a, _ in record.aliases))
                         if n and fold(n) == folded]
                if form not in names and all(is_short_acronym(n) for n in names):
                    continue  # a short acronym matches in capitals only: 'as' is not 'AS'
                acronym = is_short_acronym(form)
                named = {fold(record.label), fold(record.label_id or "")}
                evidence = LABEL if folded in named else ACRONYM if acronym else ALIAS
                relative = top if record.country in countries else 1.0
                _keep(best, type_, as_entry(record), evidence * weight * _standing(record, when) / relative,
                      "label" if evidence == LABEL else "alias")
        if not best and type_ == "Person":
            self._near_persons(best, name, surfaces, when, countries)
        return sorted(best.values(), key=lambda c: -c.score)

    def _near_persons(self, best: dict[str, LinkCandidate], name: str, surfaces: set[str], when: date | None,
                      countries: set[str]) -> None:
        """People of the large KB whose name is a letter or two from one the article wrote ('Tony Abbot' for Tony
        Abbott), with the same first word, from a country the article names: a spelling alone is weak evidence
        among a hundred thousand names, so someone of no country the article mentions is not taken."""
        assert self.large is not None
        cutoff = self.settings.fuzzy_cutoff
        for form in {*surfaces, name}:
            folded = fold(form)
            words = folded.split()
            if len(words) < 2 or len(folded) < self.settings.fuzzy_min_length:
                continue
            for key, kind, qid in self.large.names_from(words[0] + " "):
                ratio = fuzz.ratio(key, folded)
                record = self.large.record(kind, qid) if kind == "person" and ratio >= cutoff else None
                if record is None or record.country not in countries:
                    continue
                evidence = _FUZZY_FLOOR + (_FUZZY_TOP - _FUZZY_FLOOR) * (ratio - cutoff) / max(100 - cutoff, 1)
                _keep(best, "Person", as_entry(record), evidence * _standing(record, when), "fuzzy")

    @staticmethod
    def _forms(type_: str, name: str, surfaces: set[str]) -> list[tuple[str, float]]:
        """The names to look up, with their weight: the text's forms, the recognizer's name, and a two-word
        person's name in the other order ('Iwaya Takeshi', family name first, is 'Takeshi Iwaya')."""
        forms = [(form, 1.0 if form in surfaces else RECOGNIZER) for form in {*surfaces, name}]
        if type_ == "Person":
            forms += [(" ".join(reversed(f.split())), w * TRANSLITERATION) for f, w in forms if len(f.split()) == 2]
            forms += [(bare, w) for f, w in forms if (bare := _without_initials(f)) != f]
            forms += [(bare, w) for f, w in forms for bare in _without_nickname(f)]
        return forms

    def _decide(self, candidates: list[LinkCandidate], countries: set[str], method: str | None) -> Link:
        scored = sorted((_in_context(c, countries) for c in candidates), key=lambda c: -c.score)
        if not scored:
            return Link(None, 0.0, "nil")
        best = scored[0]
        second = next((c.score for c in scored[1:] if c.entry.qid != best.entry.qid or not best.entry.qid), 0.0)
        confidence = min(1.0, best.score) * (0.5 + 0.5 * min(1.0, (best.score - second) / _CLEAR_GAP))
        if best.entry.qid is None or confidence < self.settings.threshold:
            return Link(None, round(confidence, 3), "nil")
        return Link(best.entry.qid, round(confidence, 3), method or best.method, country=best.entry.country)


def _without_initials(name: str) -> str:
    """'Retno L.P. Marsudi', 'Retno LP Marsudi' are 'Retno Marsudi': the KB spells few middle initials."""
    words = _INITIALS.sub(" ", f" {name} ").split()
    return " ".join(words) if len(words) >= 2 else name


def _without_nickname(name: str) -> list[str]:
    """"Rodrigo 'Digong' Duterte" is Rodrigo Duterte, and may be known as Digong Duterte."""
    quoted = _NICKNAME.search(name)
    if quoted is None:
        return []
    return [" ".join((name[:quoted.start()] + " " + name[quoted.end():]).split()),
            " ".join((quoted.group("nickname") + " " + name[quoted.end():]).split())]


def _abroad(candidate: LinkCandidate, countries: set[str]) -> LinkCandidate:
    """A large-KB organisation or place of a country the article never names is unlikely: 'KPU' in an
    Indonesian article is not the Communist Party of Ukraine (people travel; they keep the small penalty)."""
    entry = candidate.entry
    if entry.type in ("Organization", "Place") and entry.country and countries and entry.country not in countries:
        return replace(candidate, score=candidate.score * _ABROAD)
    return candidate


def _standing(record: Record, when: date | None) -> float:
    """A person's prior from their offices (`_ROLE_PRIOR`); 1 for organisations and places."""
    if not isinstance(record, Person):
        return 1.0
    prior = max((_ROLE_PRIOR.get(o.role, _OTHER_ROLE) for o in record.offices), default=_OTHER_ROLE)
    day = when.isoformat() if when else None
    serving = day is not None and any((o.start or "") <= day and (o.end is None or day <= o.end + "~")
                                      for o in record.offices if o.start)
    return prior - _SERVING + (_SERVING if serving or day is None else 0.0)


def _evidence(members: list[Mention]) -> set[str]:
    """The surface forms that name the entity on their own; short forms coreference resolved ('McGurk', 'MEE',
    'Gaza' after 'Jalur Gaza') follow the full name and must not bring candidates of their own."""
    named = {m.span.text for m in members if m.source != "coref"}
    return named or {m.span.text for m in members}


def _in_context(candidate: LinkCandidate, countries: set[str]) -> LinkCandidate:
    """A little more for a candidate whose country the article mentions, a little less when it mentions others."""
    entry = candidate.entry
    if not countries or not entry.country or entry.type == "Country":
        return candidate
    delta = _CONTEXT if entry.country in countries else -_CONTEXT
    return replace(candidate, score=candidate.score + delta)
