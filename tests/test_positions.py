"""Positions from the text, and pronoun subjects that carry them, through the real pipeline."""

from __future__ import annotations

import pytest
from conftest import entity, extract

from loaders.iris import entity_iri

IRAN, US, TURKEY = (entity_iri("Country", name, qid) for name, qid in
                    (("Iran", "Q794"), ("United States", "Q30"), ("Türkiye", "Q43")))


def held(text: str, lang: str, name: str) -> set[tuple[str, str | None]]:
    return {(p.title, p.of) for p in entity(extract(text, lang), name).positions}


@pytest.mark.parametrize(("text", "lang", "name", "positions"), [
    ("Presiden Iran Ibrahim Raisi tiba.", "id", "Ebrahim Raisi", {("Presiden", IRAN)}),
    ("Brett McGurk, kepala penasihat Presiden AS Joe Biden, bertemu Ali Bagheri Kani.", "id", "Brett McGurk",
     {("kepala penasihat", US)}),
    ("Ali Bagheri Kani menjabat wakil menteri luar negeri.", "id", "Ali Bagheri Kani",
     {("wakil menteri luar negeri", IRAN)}),
    ("Foreign Minister Hakan Fidan spoke.", "en", "Hakan Fidan", {("Foreign Minister", TURKEY)}),  # the KB's
    ("Foreign Minister John Smith spoke.", "en", "John Smith", {("Foreign Minister", None)}),
    ("Menlu Iran Abbas Araghchi tiba di Muscat.", "id", "Abbas Araghchi", {("Menlu", IRAN)}),
    ("Juru bicara Kementerian Luar Negeri Iran Nasser Kanaani mengatakan hal itu.", "id", "Nasser Kanaani",
     {("Juru bicara", entity_iri("Organization", "Kementerian Luar Negeri Iran", None))}),  # the ministry's
    ("Abbas Araghchi, the Iranian foreign minister, spoke.", "en", "Abbas Araghchi",
     {("foreign minister", IRAN)}),
    ("Iranian Foreign Minister Abbas Araghchi spoke.", "en", "Abbas Araghchi", {("Foreign Minister", IRAN)}),
    ("Abbas Araghchi, Iran's foreign minister, spoke.", "en", "Abbas Araghchi", {("foreign minister", IRAN)}),
    ("Abbas Araghchi kini menjabat sebagai menteri asal Iran.", "id", "Abbas Araghchi", {("menteri", IRAN)}),
    # a title, its state named in full, a comma, then its holder (Okezone, in id/dev8)
    ("Jokowi berkunjung kepada Presiden Republik Kenya, William Ruto, di Nairobi.", "id", "William Ruto",
     {("Presiden", entity_iri("Country", "", "Q114"))}),
    # the subject of the next clause is no apposition: the post ends its clause or it is none
    ("Usai bertemu Abbas Araghchi, Menlu Turki juga menggelar pertemuan.", "id", "Abbas Araghchi", set()),
    # but the name that opens its sentence has the post after its comma, closed or not (Alodunia, in id/dev18)
    ("Kairat Abdrakhmanov, menteri luar negeri Kazakhstan telah melakukan pertemuan dengan Staffan de Mistura.", "id",
     "Kairat Abdrakhmanov", {("menteri luar negeri", entity_iri("Country", "", "Q232"))}),
    # a post after a comma that a name follows is that name's, not an apposition (World Bulletin, in en/dev17)
    ("Erdogan held talks with Georgian President Mikheil Saakashvili, Kazakh President Nursultan Nazarbayev and "
     "Iranian President Mahmoud Ahmadinejad.", "en", "Mikheil Saakashvili",
     {("President", entity_iri("Country", "", "Q230"))}),
    # ... and so is one the post's body stands between (Kompas, in id/dev28)
    ("Najib akan bertemu dengan Wakil Presiden Jusuf Kalla, Ketua MPR Hidayat Nur Wahid, dan Ketua DPR Agung "
     "Laksono.", "id", "Jusuf Kalla", {("Wakil Presiden", None)}),
    # a hyphened modifier is part of the title, not of a person's name
    ("Erdogan met Iranian Vice-President Parviz Davudi.", "en", "Parviz Davudi", {("Vice-President", IRAN)}),
    # a first lady's title is a post, no part of her name
    ("Biden and First Lady Jill Biden welcomed Fumio Kishida.", "en", "Jill Biden", {("First Lady", None)}),
    ("Presiden Yoon Suk Yeol dan Ibu Negara Kim Keon-hee menyambut Jokowi.", "id", "Kim Keon-hee",
     {("Ibu Negara", None)}),
])
def test_positions(text: str, lang: str, name: str, positions: set[tuple[str, str | None]]) -> None:
    assert held(text, lang, name) == positions


def test_a_missed_first_name_is_not_part_of_the_post() -> None:
    """'Presiden Vladimir |Putin': only an organisation name may stand between a title and the name."""
    x = extract("Garda Revolusi mengatakan Presiden Vladimir Putin datang.", "id")
    assert all(p.title == "Presiden" for e in x.entities for p in e.positions)


def test_position_span_and_confidence() -> None:
    x = extract("Presiden Iran Ibrahim Raisi tiba. Ali Bagheri Kani menjabat wakil menteri luar negeri.", "id")
    (raisi,) = entity(x, "Ebrahim Raisi").positions
    assert (raisi.span.text, raisi.span.confidence) == ("Presiden Iran", pytest.approx(0.9 * 0.9))
    (bagheri,) = entity(x, "Ali Bagheri Kani").positions
    assert bagheri.span.confidence < raisi.span.confidence  # the country is the KB's, not the text's


def test_pronoun_subject_takes_the_one_person_before() -> None:
    text = "Bagheri Kani menjabat wakil menteri luar negeri saat itu. Dia kini menjabat sebagai menteri luar negeri."
    x = extract(text, "id")
    bagheri = entity(x, "Ali Bagheri Kani")
    pronoun = [m for m in bagheri.mentions if m.text == "Dia"]
    assert [(m.start, m.confidence) for m in pronoun] == [(text.index("Dia"), 0.6)]
    assert {(p.title, p.of) for p in bagheri.positions} == {("wakil menteri luar negeri", IRAN),
                                                            ("menteri luar negeri", IRAN)}
    (via_pronoun,) = [p for p in bagheri.positions if p.title == "menteri luar negeri"]
    assert via_pronoun.span.confidence < min(p.span.confidence for p in bagheri.positions if p is not via_pronoun)


@pytest.mark.parametrize(("text", "lang"), [
    ("Brett McGurk bertemu Ali Bagheri Kani. Dia menjabat sebagai menteri luar negeri.", "id"),  # two people
    ("Iran dan Oman berunding. Ia menjabat sebagai menteri.", "id"),  # nobody
    ("Brett McGurk met Ali Bagheri Kani. He serves as foreign minister.", "en"),
    ("Retno Marsudi tiba. Menurut dia, pertemuan berjalan baik.", "id"),  # not the subject
])
def test_pronoun_stays_unresolved_when_ambiguous_or_not_a_subject(text: str, lang: str) -> None:
    x = extract(text, lang)
    assert not any(m.text.lower() in ("dia", "ia", "he") for e in x.entities for m in e.mentions)


def test_english_pronoun_and_connective() -> None:
    x = extract("Abbas Araghchi arrived in Muscat. However, he serves as foreign minister.", "en")
    assert {m.text for m in entity(x, "Abbas Araghchi").mentions} == {"Abbas Araghchi", "he"}


def test_a_us_cabinet_secretary_named_by_department_is_a_person_after_the_post() -> None:
    """'met Secretary of Commerce Howard Lutnick' (Japan Today/Kyodo, in en/dev8): the post is the cabinet
    secretary's, the name after it is the person."""
    assert held("Akazawa met Secretary of Commerce Howard Lutnick on Friday.", "en", "Howard Lutnick") == {
        ("Secretary of Commerce", None)}
