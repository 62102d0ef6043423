"""An event's page (issue 13, item 2): type, CAMEO code, status, who in what role, where, when, and the sentences
of the articles that report it with the trigger marked; over a real server on the seed."""

from __future__ import annotations

from conftest import fetch

from server.event_page import marked

EVENTS = "/id/event/bad4e46adaca3401b66b/"
BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def test_the_talks_in_muscat(site: str) -> None:
    page = fetch(f"{site}{EVENTS}negotiation-1", headers=BROWSER)
    assert page.status == 200 and page.media_type == "text/html"
    text = page.text
    assert "<h1>Negotiation in Muscat, 2024-05</h1>" in text and "Negotiation (CAMEO 046)" in text
    assert '<a href="/id/entity/Q794">Iran</a> (party)' in text and '<a href="/id/person/brett-mcgurk">' in text
    assert '<a href="/id/entity/Q3826">Muscat</a>' in text and "awal bulan ini" in text
    assert '<a href="/id/article/bad4e46adaca3401b66b">Analis: Pembicaraan Rahasia' in text
    assert "TRIBUNNEWS.COM \u2013 <mark>Pembicaraan</mark> rahasia antara Iran" in text
    rdf = fetch(f"{site}{EVENTS}negotiation-1", headers={"Accept": "text/turtle"})
    assert rdf.media_type == "text/turtle" and "046" in rdf.text


def test_roles_of_an_attack(site: str) -> None:
    text = fetch(f"{site}{EVENTS}attack-1", headers=BROWSER).text
    assert "Hamas</a> (attacker)" in text and "Israel</a> (target)" in text and "<mark>menyerang</mark>" in text


def test_a_sentence_is_escaped_and_only_whole_trigger_words_marked() -> None:
    shown = str(marked("<i>Talks</i> & talkshow: the talks", ["talks"]))
    assert shown == "&lt;i&gt;<mark>Talks</mark>&lt;/i&gt; &amp; talkshow: the <mark>talks</mark>"
