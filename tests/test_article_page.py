"""An article's page (issue 13, item 2): the text with each mention highlighted by type and linked, and the events
it reports; over a real server on the seed, and the highlighting on its own for text that looks like HTML."""

from __future__ import annotations

import re

import pytest
from conftest import fetch

from server.article_page import _Mention, highlighted

SEED_ARTICLE = "/id/article/bad4e46adaca3401b66b"
BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture(scope="module")
def page(site: str) -> str:
    reply = fetch(f"{site}{SEED_ARTICLE}", headers=BROWSER)
    assert reply.status == 200 and reply.media_type == "text/html"
    assert fetch(f"{site}{SEED_ARTICLE}", headers={"Accept": "text/turtle"}).media_type == "text/turtle"
    return reply.text


def test_mentions_are_highlighted_by_type_and_linked(page: str) -> None:
    assert '<h1>Analis: Pembicaraan Rahasia Iran-AS soal Perang Gaza Rusak karena Kematian Raisi dan Menlu Iran</h1>' \
        in page
    assert '<a class="mention Country" href="/id/entity/Q30" title="Country: United States">Amerika</a>' in page
    assert '<a class="mention Person" href="/id/person/brett-mcgurk" title="Person: Brett McGurk">Brett McGurk</a>' \
        in page
    assert '<a class="mention Negotiation" href="/id/event/bad4e46adaca3401b66b/negotiation-1"' in page  # a trigger
    text = re.sub(r"<[^>]+>", "", page.split('<div class="text">')[1].split("</div>")[0])
    assert text.startswith("TRIBUNNEWS.COM \u2013 Pembicaraan rahasia antara Iran dan Amerika di Oman")  # whole


def test_the_events_it_reports(page: str) -> None:
    talks = re.search(r'<tr><td><a href="/id/event/bad4e46adaca3401b66b/negotiation-1">Negotiation</a></td>(.*?)</tr>',
                      page).group(1)  # type: ignore[union-attr]
    assert "Brett McGurk" in talks and "Ali Bagheri Kani" in talks and "Muscat" in talks and "2024-05" in talks
    assert "/id/event/bad4e46adaca3401b66b/death-3" in page  # a death with no named victim is listed too


def test_text_that_looks_like_html_is_shown_as_text() -> None:
    text = "<b>Iran</b> & <script>x</script> Oman"
    oman = text.index("Oman")
    shown = str(highlighted(text, [_Mention(3, 7, "/id/entity/Q794", "Country", "Iran"),
                                   _Mention(4, 6, "/id/x", "Place", "nested"),  # inside another: skipped
                                   _Mention(oman, oman + 4, "/id/entity/Q842", "Country", "Oman")]))
    assert shown == ('&lt;b&gt;<a class="mention Country" href="/id/entity/Q794" title="Country: Iran">Iran</a>'
                     '&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt; '
                     '<a class="mention Country" href="/id/entity/Q842" title="Country: Oman">Oman</a>')
