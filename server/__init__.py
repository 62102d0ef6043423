"""The read-only SPARQL endpoint over a KabarStore, as a Flask application factory.

`create_app(store)` gives a WSGI app; `server.wsgi.serve(app)` runs it
under waitress. Blueprints: `pages` (/), `sparql` (/sparql), `export`
(/export), `update` (/update), `graph_store` (/store), `description`
(/.well-known/void), `validation` (/validate). Settings: `server.config`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask

from server import (
    browse,
    description,
    export,
    graph_store,
    graph_view,
    health,
    map_view,
    pages,
    resources,
    sparql,
    timeline,
    update,
    validation,
)
from server.config import load_config
from server.cors import init_cors
from server.egress import init_egress
from server.errors import register_error_handlers
from server.extension import kabar_store
from store import KabarStore


class KabarFlask(Flask):
    """Flask, without its per-request check of every view and hook for being a coroutine."""

    def __init__(self, import_name: str) -> None:
        super().__init__(import_name)
        self._checked: dict[Callable[..., Any], Callable[..., Any]] = {}

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Flask's answer, remembered: it inspects the function's code each time, ~4 times a request."""
        try:
            return self._checked[func]
        except KeyError:
            checked = self._checked[func] = super().ensure_sync(func)
            return checked


def create_app(store: KabarStore | str | os.PathLike[str], config: Mapping[str, Any] | None = None) -> Flask:
    """An app serving `store`: an open KabarStore, or the path of one to open read-write.

    `config` holds settings (see `server.config`) and Flask configuration keys.
    """
    app = KabarFlask(__name__)
    app.config.from_mapping(load_config(config))
    kabar_store.init_app(app, store)
    register_error_handlers(app)
    init_egress(app)
    init_cors(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(export.bp)
    app.register_blueprint(update.bp)
    app.register_blueprint(graph_store.bp)
    app.register_blueprint(description.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(resources.bp)
    app.register_blueprint(browse.bp)
    app.register_blueprint(timeline.bp)
    app.register_blueprint(graph_view.bp)
    app.register_blueprint(map_view.bp)
    app.register_blueprint(validation.bp)
    return app


__all__ = ["create_app"]
