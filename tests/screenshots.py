"""Screenshots of each kind of page, for the README (`make screenshots` writes them to docs/screenshots/).

    .venv/bin/python tests/screenshots.py [OUT_DIR]

It stores the seed article as `make run` does, serves it on loopback, and drives headless Chromium (Debian's
package, offline flags) through the query form, the query editor, browse, search, an article, an event, an
entity and the ontology. The same Chromium set-up serves the browser tests (`chromium`), and a test takes the
screenshots into a temporary folder, so this script stays runnable.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Headless as root, and offline: without the background-networking flags Chromium keeps calling Google hosts.
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1024",
)
ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = "/id/article/bad4e46adaca3401b66b"
PAGES = {
    "query-form": "/",
    "query-editor": "/query",
    "browse": "/browse",
    "search": "/search?q=iran",
    "article": SEED_ARTICLE,
    "event": "/id/event/bad4e46adaca3401b66b/negotiation-1",
    "entity": "/id/person/brett-mcgurk",
    "timeline": "/timeline",
    "graph": "/graph?with=https%3A%2F%2Fw3id.org%2Fkabar%2Fid%2Fentity%2FQ794",
    "map": "/map",
    "ontology": "/ontology",
}
"""File name (without .png) -> the page's path on the server."""


def chromium(profile: Path, downloads: Path) -> WebDriver:
    """Headless Chromium; both paths explicit, so Selenium Manager never looks for (or fetches) one."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"{', '.join(missing)} not found: run `apt-get install chromium chromium-driver`")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    # A format the browser saves instead of showing must not land in ~/Downloads.
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    return webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)


def take(browser: WebDriver, site: str, out: Path) -> list[Path]:
    """A PNG of each page of `PAGES` in `out`, once the page (and the editor's script) has drawn."""
    out.mkdir(parents=True, exist_ok=True)
    taken = []
    for name, path in PAGES.items():
        browser.get(site + path)
        WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")
        if name == "query-editor":
            WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".CodeMirror"))
        file = out / f"{name}.png"
        if not browser.save_screenshot(str(file)):
            raise RuntimeError(f"Chromium saved no screenshot of {path}")
        taken.append(file)
    return taken


def main() -> None:
    from server import create_app
    from server.wsgi import WaitressServer
    from store import KabarStore
    from store.ingest import ingest

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as tmp:
        store = KabarStore(Path(tmp) / "store")
        ingest(store, [ROOT / "seeds" / "articles"], with_kb=True)
        browser = chromium(Path(tmp) / "profile", Path(tmp) / "downloads")
        try:
            with WaitressServer(create_app(store), port=0) as server:
                for file in take(browser, server.url, out):
                    print(file.relative_to(ROOT) if file.is_relative_to(ROOT) else file)
        finally:
            browser.quit()
            store.close()


if __name__ == "__main__":
    main()
