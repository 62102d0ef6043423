"""Event types as plugins: one module per type, registered by name (`@event_type`), read by the `events` component.

`base` is the contract and the registry, `frames` the ways participants
are read around a trigger; every other module of this package is an event
type and is imported below, so a new built-in type is one new module here
(a type defined elsewhere registers itself when its module is imported).
"""

from __future__ import annotations

import importlib
import pkgutil

from loaders.events.base import (
    Draft,
    EventType,
    World,
    check_event_types,
    event_type,
    event_types,
    trigger_words,
    version,
)

for _module in pkgutil.iter_modules(__path__):
    if _module.name not in ("base", "frames"):
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["Draft", "EventType", "World", "check_event_types", "event_type", "event_types", "trigger_words", "version"]
