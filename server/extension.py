"""The Flask extension holding the app's KabarStore.

The store lives in `app.extensions`, Flask's place for per-app extension
state, so one `kabar_store` object serves any number of apps (tests make
several) and views reach the store of the app handling the request.
"""

from __future__ import annotations

import os

from flask import Flask, current_app

from store import KabarStore

EXTENSION_NAME = "kabar_store"


class StoreExtension:
    def __init__(self, app: Flask | None = None, store: KabarStore | str | os.PathLike[str] | None = None) -> None:
        if app is not None and store is not None:
            self.init_app(app, store)

    def init_app(self, app: Flask, store: KabarStore | str | os.PathLike[str]) -> None:
        """Attach `store` to `app`, opening it read-write when given a path.

        Read-write because pyoxigraph does not define what a read-only open
        sees while another process writes: the serving process owns the store.
        """
        app.extensions[EXTENSION_NAME] = store if isinstance(store, KabarStore) else KabarStore(store)

    @property
    def store(self) -> KabarStore:
        """The store of the app handling the current request."""
        return current_app.extensions[EXTENSION_NAME]


kabar_store = StoreExtension()
