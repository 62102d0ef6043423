"""`kabar entity retype|rename|merge|remove|add`: correct what the extractor made of an entity.

Each correction is kept in the store's corrections graph (with who and
when) and holds at every later ingest, as `kabar link` does for links; the
articles it touches are extracted again at once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from kabar.common import open_store
from kabar.kb_commands import ENTITY_HELP
from loaders.edits import ENTITY_TYPES as TYPES


def register(add: Callable[..., argparse.ArgumentParser]) -> None:
    entity = add("entity", help="correct an entity: retype, rename, merge, remove, or add a missed name")
    commands = entity.add_subparsers(dest="entity_command", required=True, metavar="HOW")
    retype = commands.add_parser("retype", help="give the entity another type",
                                 epilog='example: kabar entity retype "Purna Warta" Organization')
    retype.add_argument("entity", metavar="ENTITY", help=ENTITY_HELP)
    retype.add_argument("type", choices=TYPES, metavar="TYPE", help=", ".join(TYPES))
    retype.set_defaults(run=_retype)
    rename = commands.add_parser("rename", help="give the entity another name",
                                 epilog='example: kabar entity rename "Retno P Marsudi" "Retno Marsudi"')
    rename.add_argument("entity", metavar="ENTITY", help=ENTITY_HELP)
    rename.add_argument("name", metavar="NAME")
    rename.set_defaults(run=_rename)
    merge = commands.add_parser("merge", help="the entity is another one: its mentions become that entity's",
                                epilog='example: kabar entity merge "Sultan Hassnaal" "Hassanal Bolkiah"')
    merge.add_argument("entity", metavar="ENTITY", help=ENTITY_HELP)
    merge.add_argument("into", metavar="INTO", help="the entity it is: " + ENTITY_HELP)
    merge.set_defaults(run=_merge)
    remove = commands.add_parser("remove", help="the entity is no entity (a byline, a credit)",
                                 epilog='example: kabar entity remove "Tim Redaksi"')
    remove.add_argument("entity", metavar="ENTITY", help=ENTITY_HELP)
    remove.set_defaults(run=_remove)
    add_name = commands.add_parser("add", help="a name the extractor missed is an entity wherever it is written",
                                   epilog="example: kabar entity add BPMI Organization")
    add_name.add_argument("name", metavar="NAME", help="the name as articles write it (whole words, as cased)")
    add_name.add_argument("type", choices=TYPES, metavar="TYPE", help=", ".join(TYPES))
    add_name.set_defaults(run=_add)


def _retype(args: argparse.Namespace) -> int:
    from store.entity_review import retype
    return _done(args, f"{args.entity} is now of type {args.type}",
                 lambda store: retype(store, args.entity, args.type))


def _rename(args: argparse.Namespace) -> int:
    from store.entity_review import rename
    return _done(args, f"{args.entity} is now {args.name!r}", lambda store: rename(store, args.entity, args.name))


def _merge(args: argparse.Namespace) -> int:
    from store.entity_review import merge
    return _done(args, f"{args.entity} is now {args.into}", lambda store: merge(store, args.entity, args.into))


def _remove(args: argparse.Namespace) -> int:
    from store.entity_review import remove
    return _done(args, f"{args.entity} is no entity now", lambda store: remove(store, args.entity))


def _add(args: argparse.Namespace) -> int:
    from store.entity_review import add
    return _done(args, f"{args.name!r} is now of type {args.type} wherever it is written",
                 lambda store: add(store, args.name, args.type))


def _done(args: argparse.Namespace, said: str, correct: Callable[..., int]) -> int:
    with open_store(args, existing=True) as store:
        count = correct(store)
    print(f"{said}; {count} article(s) re-extracted")
    return 0
