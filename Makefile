# kabar: two commands do everything (see README): `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
KABAR_STORE ?= var/store
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
KB_SOURCES ?= ../kb-sources
LEADERS_SOURCE ?= ../world-leaders-current

.PHONY: run test install load serve lint virtuoso ontology seeds clean browser model kb yasgui vis-network basemap screenshots demonyms leaders

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "kabar needs Python 3.11 ($(PYTHON) not found); set PYTHON=..."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Load the seed articles and the Wikidata seed KB into the store, then serve the endpoint.
run: load serve

load: $(STAMP)
	$(BIN)/kabar --store $(KABAR_STORE) ingest --with-kb seeds/articles

serve: $(STAMP)
	$(BIN)/kabar --store $(KABAR_STORE) serve --host $(HOST) --port $(PORT)

test: $(STAMP) browser virtuoso
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

## tests/test_browser.py drives Debian's Chromium and ChromeDriver; install them when missing (as root).
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	    else echo "the browser test needs Chromium: apt-get install chromium chromium-driver"; fi; fi

## tests/test_remote_store.py starts Debian's Virtuoso 7.2 on loopback; install it when missing (as root).
virtuoso:
	@if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource; \
	    else echo "the remote-store test needs Virtuoso: apt-get install virtuoso-opensource"; fi; fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

## Regenerate ontology/kabar.ttl (owlready2), shapes.ttl (SHACL) and kabar.html (its page) from ontology/vocabulary.py.
ontology: $(STAMP)
	$(BIN)/python -m ontology.build
	$(BIN)/python -m kabar.ontology_page

## Retrain the Indonesian NER (loaders/ner/models/ner-id.crfsuite) and rebuild its common-word list from $(SHARED)/data/ner-id/; about 40 s on one core.
model: $(STAMP)
	@test -d $(SHARED)/data/ner-id || { echo "$(SHARED)/data/ner-id not found; set SHARED=..."; exit 1; }
	$(BIN)/python -m loaders.ner.train --data $(SHARED)/data/ner-id
	$(BIN)/python -m loaders.ner.common_words --data $(SHARED)/data/ner-id

## Rebuild seeds/wikidata/ from the shared, verified Wikidata subset.
seeds:
	@test -d $(SHARED)/data/wikidata || { echo "$(SHARED)/data/wikidata not found; set SHARED=..."; exit 1; }
	mkdir -p seeds/wikidata
	for f in countries.csv country_aliases.csv places.csv organizations.csv people.csv events.csv \
	         provenance.csv SOURCES.md unverified.txt; do \
	    install -m 644 $(SHARED)/data/wikidata/$$f seeds/wikidata/$$f; done

## Rebuild seeds/wikidata/kb/ (the large offline KB) from clones of its sources in $(KB_SOURCES); see loaders/kb/build/README.md.
kb: $(STAMP)
	@test -d $(KB_SOURCES) || { echo "$(KB_SOURCES) not found; set KB_SOURCES=... (see loaders/kb/build/README.md)"; exit 1; }
	$(BIN)/python -m loaders.kb.build --sources $(KB_SOURCES) --out seeds/wikidata/kb

## Rebuild seeds/demonyms.csv (every state's English demonym) from the world-countries npm package (ODbL 1.0).
WORLD_COUNTRIES_VERSION ?= 5.1.0
demonyms: $(STAMP)
	rm -rf build/world-countries && mkdir -p build/world-countries
	cd build/world-countries && npm pack --silent world-countries@$(WORLD_COUNTRIES_VERSION) && tar xzf world-countries-$(WORLD_COUNTRIES_VERSION).tgz
	$(BIN)/python -m loaders.kb.build.demonyms build/world-countries/package/countries.json

## Leaders who took office after the large KB's sources (seeds/wikidata/kb/leaders.csv) from a checkout of
## open-data-archive/world-leaders-current in $(LEADERS_SOURCE); see loaders/kb/build/leaders.py.
leaders: $(STAMP)
	@test -d $(LEADERS_SOURCE) || { echo "$(LEADERS_SOURCE) not found; set LEADERS_SOURCE=... (a checkout of open-data-archive/world-leaders-current)"; exit 1; }
	$(BIN)/python -m loaders.kb.build.leaders $(LEADERS_SOURCE)

## Screenshots of each kind of page (docs/screenshots/*.png, shown in the README), from the seed in headless Chromium.
screenshots: $(STAMP) browser
	$(BIN)/python tests/screenshots.py

## Refresh the vendored query editor (server/static/yasgui/) from npm; needs npm, nothing else uses it.
YASGUI_VERSION ?= 4.6.2
yasgui:
	rm -rf build/yasgui && mkdir -p build/yasgui
	cd build/yasgui && npm pack --silent @zazuko/yasgui@$(YASGUI_VERSION) && tar xzf zazuko-yasgui-$(YASGUI_VERSION).tgz
	install -m 644 build/yasgui/package/build/yasgui.min.js build/yasgui/package/build/yasgui.min.css server/static/yasgui/

VIS_NETWORK_VERSION ?= 9.1.13
vis-network:
	rm -rf build/vis-network && mkdir -p build/vis-network
	cd build/vis-network && npm pack --silent vis-network@$(VIS_NETWORK_VERSION) && tar xzf vis-network-$(VIS_NETWORK_VERSION).tgz
	install -m 644 build/vis-network/package/standalone/umd/vis-network.min.js server/static/vis-network/

## Refresh the map's country outlines (server/static/map/) from world-atlas on npm (Natural Earth 1:110m).
WORLD_ATLAS_VERSION ?= 2.0.2
basemap: $(STAMP)
	rm -rf build/world-atlas && mkdir -p build/world-atlas
	cd build/world-atlas && npm pack --silent world-atlas@$(WORLD_ATLAS_VERSION) && tar xzf world-atlas-$(WORLD_ATLAS_VERSION).tgz
	$(BIN)/python -c "from server.basemap import main; main()" build/world-atlas/package/countries-110m.json $(WORLD_ATLAS_VERSION)

clean:
	rm -rf var build *.egg-info
