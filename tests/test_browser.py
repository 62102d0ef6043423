"""The query page in a real browser: headless Chromium, driven by Selenium, against the real server and seed store.

Chromium and its driver are Debian's packages (`.ci/run` installs them); without them this fails, never skips.
"""

import json
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from screenshots import PAGES, chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait
from test_readme_queries import example_queries

SCREENSHOT = Path("/tmp/kabar-page.png")

MEETING_PLACE = """\
PREFIX kabar: <https://w3id.org/kabar/ontology#> PREFIX schema: <https://schema.org/>
SELECT ?place WHERE { ?m a ?t ; kabar:location/schema:name ?place VALUES ?t { kabar:Meeting kabar:Negotiation } }"""


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the module's Chromium saves what it does not show."""
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[WebDriver]:
    """One Chromium for the module (Debian's; without it this fails, never skips)."""
    try:
        driver = chromium(tmp_path_factory.mktemp("chromium-profile"), downloads)
    except FileNotFoundError as e:
        pytest.fail(str(e))
    yield driver
    driver.quit()


def submit_query(browser: WebDriver, site: str, query: str, format_: str) -> None:
    """Type `query` into the page's form, pick `format_` and submit."""
    browser.get(f"{site}/")
    textarea = browser.find_element(By.ID, "query")
    textarea.clear()
    textarea.send_keys(query)
    Select(browser.find_element(By.ID, "format")).select_by_value(format_)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()


def run_query(browser: WebDriver, site: str, query: str, format_: str) -> str:
    """Submit `query` with `format_` and return the text the browser then shows."""
    submit_query(browser, site, query, format_)
    WebDriverWait(browser, 10).until(
        lambda b: "/sparql?" in b.current_url,
        f"the browser stayed on the page after submitting with format={format_!r} (did it download the results?)",
    )
    return browser.find_element(By.TAG_NAME, "body").text


def test_page_shows_title_and_example_query(browser: WebDriver, site: str) -> None:
    browser.get(f"{site}/")
    assert browser.title == "kabar SPARQL endpoint"
    assert browser.find_element(By.TAG_NAME, "h1").text == "kabar SPARQL endpoint"
    example = browser.find_element(By.ID, "query").get_attribute("value") or ""
    assert "SELECT" in example
    assert "kabar:Meeting" in example
    assert browser.save_screenshot(str(SCREENSHOT))


# json shows as text; "" lets the browser's Accept choose (SPARQL XML, shown as a tree).
# xml, csv and tsv are not here: Chromium downloads those media types instead of showing them.
@pytest.mark.parametrize("format_", ["json", ""])
def test_submitted_query_shows_meeting_place(browser: WebDriver, site: str, format_: str) -> None:
    assert "Muscat" in run_query(browser, site, MEETING_PLACE, format_)


@pytest.mark.parametrize(("query", "format_", "saved"), [
    (MEETING_PLACE, "tsv", "query-results.tsv"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s a kabar:Negotiation ; ?p ?o }", "trig", "query-results.trig")])
def test_a_format_the_browser_saves_is_saved_under_a_name_with_its_extension(
        browser: WebDriver, site: str, downloads: Path, query: str, format_: str, saved: str) -> None:
    """Chromium downloads TSV and TriG instead of showing them: the file is named for its format, not `sparql`."""
    submit_query(browser, site, query, format_)
    WebDriverWait(browser, 20).until(lambda b: (downloads / saved).is_file())
    text = (downloads / saved).read_text(encoding="utf-8")
    assert ("Muscat" in text) if format_ == "tsv" else ("Negotiation" in text)
    assert not (downloads / "sparql").exists()


def test_malformed_query_shows_parser_message(browser: WebDriver, site: str) -> None:
    shown = run_query(browser, site, "SELECT ?x WHERE { ?x", "json")
    assert "400 Bad Request" in shown
    assert "The query is not valid SPARQL: error at 1:" in shown
    assert "line 1, column" in shown


def test_an_entity_page_links_to_the_articles_that_mention_it(browser: WebDriver, site: str) -> None:
    """Linked Data in Chromium: the page of Iran, then a click on one of its mentions opens that article."""
    browser.get(f"{site}/id/entity/Q794")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Iran"
    browser.find_element(By.CSS_SELECTOR, 'li > a[href^="/id/article/"]').click()  # a mention's article
    WebDriverWait(browser, 10).until(lambda b: "/id/article/" in b.current_url)
    assert "Iran" in browser.find_element(By.TAG_NAME, "h1").text
    marked = browser.find_elements(By.CSS_SELECTOR, 'a.mention.Country[href="/id/entity/Q794"]')
    assert marked and marked[0].text == "Iran"  # the mention, highlighted, in the article's text
    color = marked[0].value_of_css_property("background-color")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent")


def test_the_query_editor_runs_a_query_here_and_shows_an_error_inline(browser: WebDriver, site: str) -> None:
    """YASGUI, vendored: the example runs against this server's /sparql and shows rows, kabar's IRIs linked to
    their pages here (a click opens one); a misspelt keyword
    shows the endpoint's readable message in the page, the query kept; a link with the query reproduces it."""
    browser.get(f"{site}/query")
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".yasqe .CodeMirror"))
    browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    WebDriverWait(browser, 20).until(lambda b: "Iran" in b.find_element(By.CSS_SELECTOR, ".yasr").text)
    iris = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".yasr a.iri")]
    assert f"{site}/id/entity/Q794" in iris and not [i for i in iris if "w3id.org/kabar" in i]  # pages here
    browser.find_element(By.CSS_SELECTOR, '.yasr a.iri[href$="/id/entity/Q794"]').click()
    WebDriverWait(browser, 20).until(lambda b: b.current_url == f"{site}/id/entity/Q794")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Iran"
    browser.back()
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".yasqe .CodeMirror"))
    broken = "SELEC ?s WHERE { ?s ?p ?o }"
    browser.execute_script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", broken)
    browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    WebDriverWait(browser, 20).until(lambda b: "unknown keyword" in b.find_element(By.CSS_SELECTOR, ".yasr").text)
    assert browser.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue()") == broken
    linked = "SELECT ?n WHERE { ?e a kabar:Country ; schema:name ?n }"
    browser.get(f"{site}/query?" + urllib.parse.urlencode({"query": linked}))
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".yasqe .CodeMirror"))
    assert browser.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue()") == linked
    offsite = [e for e in browser.get_log("browser") if re.search(r"https?://(?!127\.0\.0\.1)", e["message"])]
    assert not offsite  # nothing was asked of another host (offline, that would fail and be logged)


def test_the_ontology_page_documents_each_class_in_both_languages(browser: WebDriver, site: str) -> None:
    """/ontology in Chromium: the vocabulary's page, a class's labels, its shape, and a link to its superclass."""
    browser.get(f"{site}/ontology")
    assert browser.find_element(By.TAG_NAME, "h1").text == "kabar news ontology"
    negotiation = browser.find_element(By.ID, "Negotiation").text
    assert "perundingan" in negotiation and "negotiation" in negotiation
    assert "kabar:participant 2 or more a kabar:Agent" in negotiation
    browser.find_element(By.CSS_SELECTOR, 'a[href="#Meeting"]').click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/ontology#Meeting"))


def test_the_search_box_suggests_names_and_opens_an_entity(browser: WebDriver, site: str) -> None:
    """Typing in /browse's search box fills its suggestions from this server; the search lists the entity; a click
    opens its page. Keyboard only: the box is a labelled input, submitted with Enter."""
    browser.get(f"{site}/browse")
    box = browser.find_element(By.ID, "q")
    assert browser.find_element(By.CSS_SELECTOR, 'label[for="q"]').text.startswith("Search")
    box.send_keys("Amer")
    WebDriverWait(browser, 10).until(
        lambda b: [o.get_attribute("value") for o in b.find_elements(By.CSS_SELECTOR, "#suggestions option")]
        == ["United States"])
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: "/search?q=Amer" in b.current_url)
    browser.find_element(By.LINK_TEXT, "United States").click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/id/entity/Q30"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "United States"


def test_from_an_article_to_an_event_it_reports(browser: WebDriver, site: str) -> None:
    browser.get(f"{site}/id/article/bad4e46adaca3401b66b")
    browser.find_element(By.CSS_SELECTOR, 'table a[href$="/negotiation-1"]').click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/negotiation-1"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Negotiation in Muscat, 2024-05"
    assert browser.find_element(By.TAG_NAME, "mark").text == "Pembicaraan"


def test_the_timeline_filters_by_a_participant_and_opens_an_event(browser: WebDriver, site: str) -> None:
    """The seed's talks in Muscat, in May 2024, kept when Iran is chosen in the labelled list; then its page."""
    browser.get(f"{site}/timeline")
    assert browser.find_element(By.CSS_SELECTOR, 'label[for="with"]').text == "Taking part"
    Select(browser.find_element(By.ID, "with")).select_by_visible_text("Iran (1)")
    browser.find_element(By.CSS_SELECTOR, "form.filter button").click()
    WebDriverWait(browser, 10).until(lambda b: "with=" in b.current_url)
    assert [h.text for h in browser.find_elements(By.TAG_NAME, "h2")] == ["May 2024"]
    assert "Muscat" in browser.find_element(By.CSS_SELECTOR, "li.event").text
    browser.find_element(By.LINK_TEXT, "Negotiation").click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/negotiation-1"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Negotiation in Muscat, 2024-05"


def test_the_graph_draws_who_met_whom_from_files_served_here(browser: WebDriver, site: str) -> None:
    """vis-network, vendored: the graph around Iran has the four sides of the talks in Muscat as nodes."""
    browser.get(f"{site}/graph?" + urllib.parse.urlencode({"with": "https://w3id.org/kabar/id/entity/Q794"}))
    WebDriverWait(browser, 20).until(lambda b: b.execute_script("return !!window.kabarNetwork"))
    labels = browser.execute_script("return kabarNetwork.body.data.nodes.get().map((n) => n.label).sort()")
    assert labels == ["Ali Bagheri Kani", "Brett McGurk", "Iran", "United States"]
    assert browser.find_elements(By.CSS_SELECTOR, "#network canvas")
    offsite = [e for e in browser.get_log("browser") if re.search(r"https?://(?!127\.0\.0\.1)", e["message"])]
    assert not offsite


def test_the_map_draws_the_base_map_from_here_and_a_dot_opens_its_place_by_keyboard(browser: WebDriver,
                                                                                    site: str) -> None:
    """The seed's talks in Muscat are a dot over the vendored outlines; Tab to it and Enter opens Muscat's page."""
    browser.get(f"{site}/map")
    WebDriverWait(browser, 10).until(lambda b: b.execute_script(
        "return performance.getEntriesByType('resource').some((r) => r.name.endsWith('countries-110m.svg'))"))
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map((r) => r.name)")
    assert fetched and all(url.startswith(site) for url in fetched), fetched
    dot = browser.find_element(By.CSS_SELECTOR, 'svg a[href="/id/entity/Q3826"] circle')
    assert dot.size["width"] > 5  # drawn, at a size one can point at
    body = browser.find_element(By.TAG_NAME, "body")
    for _ in range(30):  # keyboard only: from the filter's list and button to the dot
        body = browser.switch_to.active_element
        if body.get_dom_attribute("href") == "/id/entity/Q3826":
            break
        body.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_dom_attribute("href") == "/id/entity/Q3826"
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/id/entity/Q3826"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Muscat")


def test_make_screenshots_draws_every_kind_of_page(tmp_path: Path) -> None:
    """What `make screenshots` runs, into a temporary folder: a PNG of each page, each its own picture."""
    script = Path(__file__).with_name("screenshots.py")
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    taken = [tmp_path / f"{name}.png" for name in PAGES]
    images = [f.read_bytes() for f in taken]
    assert all(i.startswith(b"\x89PNG\r\n\x1a\n") and len(i) > 10_000 for i in images)
    assert len(set(images)) == len(images)


@pytest.mark.parametrize(("query", "table"), example_queries(), ids=lambda v: v.split("\n")[0][:40])
def test_each_readme_query_pasted_into_the_page_shows_the_readme_rows(browser: WebDriver, site: str, query: str,
                                                                      table: str) -> None:
    """Issue 10: a query the README shows runs when pasted into the page, as in `kabar query` and curl."""
    shown = json.loads(run_query(browser, site, query, "json"))["results"]["bindings"]
    count = re.search(r"\((\d+) rows?\)", table)
    assert count and len(shown) == int(count[1])
    values = {value["value"] for row in shown for value in row.values()}
    cells = {cell.strip().strip("<>") for line in table.splitlines()[2:-1] for cell in line.split("|")}
    assert cells - {""} <= values
