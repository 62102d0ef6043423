"""What the command modules share: opening the store as a command needs it."""

from __future__ import annotations

import argparse

from store import QuadStore
from store import open_store as open_location


class CommandError(Exception):
    """A command that cannot run as asked; `str()` is the one line to print."""


def open_store(args: argparse.Namespace, *, read_only: bool = False, existing: bool = False) -> QuadStore:
    """The store of `--store`. Read-only commands work while `kabar serve` runs: they read through its endpoint
    (`store.serving`); `existing` commands (reading or correcting what is there) never create an empty store by
    mistake."""
    return open_location(args.store, read_only=read_only, existing=existing)
