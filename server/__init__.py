"""The read-only SPARQL endpoint over a KabarStore, as a Flask application factory.

`create_app(store)` gives a WSGI app; `server.wsgi.serve(app)` runs it
under waitress. Blueprints: `pages` (/), `sparql` (/sparql), `export`
(/export).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from kabar.store import KabarStore
from server import export, pages, sparql
from server.errors import register_error_handlers
from server.extension import kabar_store


def create_app(store: KabarStore | str | os.PathLike[str], config: Mapping[str, Any] | None = None) -> Flask:
    """An app serving `store`: an open KabarStore, or the path of one to open read-write."""
    app = Flask(__name__)
    if config:
        app.config.from_mapping(config)
    kabar_store.init_app(app, store)
    register_error_handlers(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(export.bp)
    return app


__all__ = ["create_app"]
