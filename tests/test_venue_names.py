"""Venues found by their head word, and taken as the event's location (the guidelines' most specific place)."""

from datetime import date

from loaders.model import Article, Extraction
from loaders.pipeline import default_pipeline


def extract(text: str, lang: str) -> Extraction:
    return default_pipeline().extract(Article(iri="urn:test", url=None, title="t", text=text, lang=lang,
                                              published=date(2025, 5, 16)))


def entities(text: str, lang: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in extract(text, lang).entities}


def location_of_the_meeting(text: str, lang: str) -> str:
    extraction = extract(text, lang)
    names = {e.id: e.name for e in extraction.entities}
    meetings = [e for e in extraction.events if e.type == "Meeting"]
    assert len(meetings) == 1, meetings
    return names[meetings[0].location]


def test_an_english_venue_is_the_meeting_place_rather_than_its_city() -> None:
    text = ("President Prabowo Subianto hosted Australian Prime Minister Anthony Albanese at the State Palace "
            "in Jakarta on Thursday.")
    assert ("Place", "State Palace") in entities(text, "en")
    assert location_of_the_meeting(text, "en") == "State Palace"


def test_rooms_mansions_residences_and_shrines_are_venues() -> None:
    """'in the Roosevelt Room' (en/dev21), 'at the Maximos Mansion' (en/dev8), the Yasukuni Shrine (en/dev17)."""
    text = "Donald Trump met Benjamin Netanyahu in the Roosevelt Room on Monday."
    assert location_of_the_meeting(text, "en") == "Roosevelt Room"
    assert location_of_the_meeting("Mitsotakis met Erdogan at the Maximos Mansion.", "en") == "Maximos Mansion"
    assert ("Place", "Yasukuni Shrine") in entities("Koizumi visited the Yasukuni Shrine again.", "en")


def test_an_airbase_written_as_one_word_is_a_venue() -> None:
    """'at Noor Khan Airbase' (Dunya News in en/dev14), as 'Air Base' is: a place, not a person."""
    found = entities("While speaking to the media at Noor Khan Airbase, Dar said that Pakistan shares fraternal "
                     "relations with Afghanistan.", "en")
    assert ("Place", "Noor Khan Airbase") in found


def test_a_two_word_head_tells_a_venue_from_an_organisation() -> None:
    found = entities("Leaders gathered at the Jakarta Convention Center while the Summit Media Center "
                     "briefed reporters.", "en")
    assert {("Place", "Jakarta Convention Center"), ("Organization", "Summit Media Center")} <= found


def test_names_that_only_look_like_venues_are_not_made_places() -> None:
    found = entities("The House of Representatives issued a statement; officials at the White House declined "
                     "to comment.", "en")
    assert not any("Representatives" in n for _, n in found)
    assert any(name == "White House" for _, name in found)  # the KB's, not a second one
    assert len([n for _, n in found if "White House" in n]) == 1


def test_an_indonesian_venue_opens_with_its_head_word() -> None:
    text = "Presiden Prabowo Subianto bertemu Perdana Menteri Anwar Ibrahim di Istana Negara, Kuala Lumpur, Senin."
    found = entities(text, "id")
    assert {("Place", "Istana Negara"), ("Place", "Kuala Lumpur")} <= found
    assert location_of_the_meeting(text, "id") == "Istana Negara"
    assert {("Place", "Gedung BI"), ("Organization", "Bank Indonesia")} <= entities(
        "Rapat digelar di Gedung BI, Jakarta.", "id")


def test_a_known_place_with_a_venue_word_keeps_its_kb_identity() -> None:
    found = entities("Prabowo bertemu Joe Biden di Gedung Putih, Washington DC, Selasa.", "id")
    assert ("Place", "Gedung Putih") not in found
    assert any(name == "White House" for _, name in found)


def test_an_english_named_venue_in_indonesian_text_is_the_meeting_place() -> None:
    """'KTT Negara Amerika di Panama City Convention Center' (Liputan6, in id/dev11): a venue named in English order
    in Indonesian text is a venue too; 'Balai Sidang Jakarta' and 'JCC' are the Jakarta Convention Center
    (`seeds/landmarks.csv`)."""
    text = "Presiden Barack Obama bertemu Presiden Kuba Raul Castro di Panama City Convention Center pada Jumat."
    assert location_of_the_meeting(text, "id") == "Panama City Convention Center"
    later = extract("Menlu bertemu di Balai Sidang Jakarta. Para pemimpin tiba di JCC, Senayan.", "id")
    jcc = [e for e in later.entities if e.name == "Jakarta Convention Center"]
    assert [[m.text for m in e.mentions] for e in jcc] == [["Balai Sidang Jakarta", "JCC"]]
