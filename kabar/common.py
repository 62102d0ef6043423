"""What the command modules share: opening the store as a command needs it."""

from __future__ import annotations

import argparse
from pathlib import Path

from store import KabarStore, StoreError


class CommandError(Exception):
    """A command that cannot run as asked; `str()` is the one line to print."""


def open_store(args: argparse.Namespace, *, read_only: bool = False, existing: bool = False) -> KabarStore:
    """The store of `--store`. Read-only commands read a snapshot and so work while `kabar serve` runs;
    `existing` commands (reading or correcting what is there) never create an empty store by mistake."""
    if (read_only or existing) and not (Path(args.store) / "CURRENT").exists():
        raise StoreError(f"there is no store at {args.store}: create it with `kabar ingest` (or `make load`)")
    return KabarStore(args.store, read_only=read_only)
