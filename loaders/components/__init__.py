"""The built-in pipeline components, one module each; importing this package registers them all.

A new component is a new module here with one `@component(...)` class or
function (`loaders.pipeline`); `loaders.pipeline.DEFAULT_COMPONENTS` says
which run by default, in which order.
"""

from __future__ import annotations

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
