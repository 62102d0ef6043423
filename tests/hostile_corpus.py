"""Broken and hostile article files, generated, for tests/test_hostile_input.py and bench/hostile_ingest.py.

Each case is a class (what kind of damage), a name, and the files it writes
into an empty folder; the path returned is what `kabar ingest` is given.
The classes follow what a newsroom's or an attacker's files do: bad
encodings, broken or odd JSON and JSON Lines, one bad article at every
position of a batch, hostile YAML front matter (alias bombs, tags, deep
nesting, huge numbers), impossible dates, broken CSV, HTML, feeds, WARC and
compressed files, special files, and sizes that make a careless parser
quadratic. A case never touches the network: URLs in it are examples only.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from store import KabarStore

GOOD = {"title": "Retno bertemu Wang Yi", "text": "Menlu Retno Marsudi bertemu Menlu China Wang Yi di Jakarta.",
        "lang": "id", "url": "https://example.org/kabar-hostile/{n}", "published": "2024-05-20"}


@dataclass(frozen=True)
class Case:
    group: str
    name: str
    write: Callable[[Path], Path]  # writes the case's files into a folder, returns the path to ingest
    slow: bool = False  # sizes that take seconds even when handled well: bench only


def good(n: int, **fields: object) -> dict[str, object]:
    return {**GOOD, "url": f"https://example.org/kabar-hostile/{n}", **fields}


def _file(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        return path
    return write


def _jsonl(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


def _txt(front: str, body: str = "Menlu Retno Marsudi bertemu Menlu China Wang Yi di Jakarta.") -> bytes:
    return f"---\n{front}\n---\n{body}\n".encode("utf-8", "surrogatepass")


def encodings() -> Iterator[Case]:
    text = GOOD["text"]
    yield Case("encoding", "latin-1 .txt", _file("a.txt", "Pertemuan di Jakarta, caf\xe9.".encode("latin-1")))
    yield Case("encoding", "utf-16 .txt", _file("a.txt", text.encode("utf-16")))
    yield Case("encoding", "invalid utf-8 in .json", _file("a.json", b'{"title": "x\xff", "text": "y"}'))
    yield Case("encoding", "invalid utf-8 in .jsonl line 3",
               _file("a.jsonl", _jsonl([json.dumps(good(1)), json.dumps(good(2))]) + b'{"title": "\xc3\x28"}\n'))
    yield Case("encoding", "NUL bytes in .txt", _file("a.txt", b"Menlu\x00Retno\x00bertemu"))
    yield Case("encoding", "BOM .txt with front matter", _file("a.txt", b"\xef\xbb\xbf" + _txt("title: x")))
    yield Case("encoding", "BOM .json", _file("a.json", b"\xef\xbb\xbf" + json.dumps(good(1)).encode()))
    yield Case("encoding", "binary garbage .txt", _file("a.txt", bytes(range(256)) * 8))
    yield Case("encoding", "binary garbage .jsonl", _file("a.jsonl", bytes(range(256)) * 8))
    yield Case("encoding", "empty .txt", _file("a.txt", b""))
    yield Case("encoding", "whitespace-only .txt", _file("a.txt", b" \n\t\n "))
    yield Case("encoding", "empty .jsonl", _file("a.jsonl", b""))


def json_documents() -> Iterator[Case]:
    bad = {
        "truncated": '{"title": "x", "text": "y"', "trailing comma": '{"title": "x", "text": "y",}',
        "top-level array": json.dumps([good(1)]), "top-level string": '"just text"', "top-level null": "null",
        "empty object": "{}", "single quotes": "{'title': 'x', 'text': 'y'}", "NaN": '{"title": NaN, "text": "y"}',
        "comment": '{"title": "x", // c\n "text": "y"}', "duplicate keys": '{"text": "a", "text": "b", "title": "t"}',
        "5000-digit number": '{"title": ' + "9" * 5000 + ', "text": "y"}', "1e999": '{"title": 1e999, "text": "y"}',
    }
    for name, raw in bad.items():
        yield Case("json", name, _file("a.json", raw))
    wrong = {"title number": {"title": 5}, "text list": {"text": ["a", "b"]}, "lang int": {"lang": 7},
             "lang unknown": {"lang": "xx"}, "url not a URL": {"url": "not a url"}, "url javascript": {
                 "url": "javascript:alert(1)"}, "published int": {"published": 20240520},
             "published object": {"published": {"y": 2024}}, "text null": {"text": None}, "text empty": {"text": ""},
             "keywords object": {"keywords": {"a": 1}},
             "title 100k chars": {"title": "x" * 100_000}, "unknown fields": {"summary": "s", "tags": ["a"]}}
    for name, fields in wrong.items():
        yield Case("json", name, _file("a.json", json.dumps(good(1, **fields))))
    for depth in (100, 1_000, 100_000):
        yield Case("json", f"nested {depth} deep", _file("a.json", '{"title": ' + "[" * depth + "]" * depth + "}"))
        yield Case("json", f"nested {depth} deep in .jsonl", _file("a.jsonl", "{\"text\": " + "{\"a\": " * depth
                                                                   + "1" + "}" * depth + "}\n"))


def dates() -> Iterator[Case]:
    for value in ("2024-02-30", "2024-13-45", "2024-05-20T25:00:00", "2024-05-20T10:61:00+07:00", "0000-01-01",
                  "99999-01-01", "-2024-01-01", "2024-05-20T10:00:00+25:00", "yesterday-ish", "", "2024/05/20",
                  "Fri, 14 Jul 2023 10:30:00 +0700", "14 Juli 2023", "2023-07", "1e309", "\u0662\u0660\u0662\u0664"):
        yield Case("date", f"published {value!r}", _file("a.json", json.dumps(good(1, published=value))))
        yield Case("date", f"front matter published {value!r}", _file("a.txt", _txt(f"published: {value}")))


FIELDS = ("title", "text", "url", "lang", "published", "source", "author")
BAD_VALUES = {"a number": 5, "a list": ["a"], "an object": {"a": 1}, "true": True, "null": None,
              "a NUL": "a\u0000b", "a bell": "a\u0007b", "an escape": "a\u001b[31mb",
              "a lone high surrogate": "a\ud800", "a lone low surrogate": "a\udfffb"}


def fields() -> Iterator[Case]:
    """Every field of a .json article and of front matter with every kind of wrong value."""
    for field in FIELDS:
        for what, value in BAD_VALUES.items():
            raw = json.dumps(good(1, **{field: value}))
            yield Case("field", f"{field} is {what} (.json)", _file("a.json", raw))
            if field != "text":  # a .txt article's text is its body
                front = _txt(f"{field}: {json.dumps(value)}")
                yield Case("field", f"{field} is {what} (front matter)", _file("a.txt", front))


def batches() -> Iterator[Case]:
    """One bad article at each position of a 12-article batch: nothing of the batch may be written."""
    poisons = {"lone surrogate in title": '"\\ud800"', "control character in text": '"a\\u0007b"',
               "missing text": None, "invalid JSON": "{", "number as title": "5"}
    for name, poison in poisons.items():
        for position in range(12):
            lines = []
            for n in range(12):
                if n != position:
                    lines.append(json.dumps(good(n)))
                elif poison is None:
                    lines.append(json.dumps({k: v for k, v in good(n).items() if k != "text"}))
                elif poison == "{":
                    lines.append("{")
                else:
                    line = json.dumps(good(n, title="@@"))
                    lines.append(line.replace('"@@"', poison))
            yield Case("batch", f"{name} at article {position + 1} of 12", _file("a.jsonl", _jsonl(lines)))


def front_matter() -> Iterator[Case]:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join(['*' + chr(97 + k)] * 9)}]\n" for k in range(8))
    yield Case("yaml", "billion laughs aliases", _file("a.txt", _txt(bomb + "title: x")))
    yield Case("yaml", "alias in title", _file("a.txt", _txt("x: &t Judul\ntitle: *t")))
    yield Case("yaml", "python tag", _file("a.txt", _txt("title: !!python/object/apply:os.system ['true']")))
    yield Case("yaml", "custom tag", _file("a.txt", _txt("title: !judul x")))
    yield Case("yaml", "binary tag", _file("a.txt", _txt("title: !!binary aGVsbG8=")))
    yield Case("yaml", "set tag", _file("a.txt", _txt("keywords: !!set {a, b}")))
    for depth in (50, 1_000, 50_000):
        yield Case("yaml", f"nested {depth} deep", _file("a.txt", _txt("title: " + "[" * depth + "]" * depth)))
    yield Case("yaml", "5000-digit integer", _file("a.txt", _txt("title: " + "9" * 5000)))
    yield Case("yaml", "integer keys", _file("a.txt", _txt("1: x\n2: y")))
    yield Case("yaml", "null key", _file("a.txt", _txt("~: x")))
    yield Case("yaml", "list front matter", _file("a.txt", _txt("- a\n- b")))
    yield Case("yaml", "scalar front matter", _file("a.txt", _txt("just words")))
    yield Case("yaml", "never closed", _file("a.txt", b"---\ntitle: x\nMenlu bertemu.\n"))
    yield Case("yaml", "tab indentation", _file("a.txt", _txt("title:\n\tx")))
    yield Case("yaml", "unknown field", _file("a.txt", _txt("title: x\nsumary: y")))
    yield Case("yaml", "text field", _file("a.txt", _txt("text: y")))
    yield Case("yaml", "merge key", _file("a.txt", _txt("base: &b {title: x}\n<<: *b")))
    yield Case("yaml", "1 MB of front matter", _file("a.txt", _txt("title: " + "x" * (1 << 20))))
    yield Case("yaml", "many documents", _file("a.txt", _txt("title: x\n---\ntitle: y")))


def tables() -> Iterator[Case]:
    yield Case("csv", "no text column", _file("a.csv", "title,url\nx,https://example.org/1\n"))
    yield Case("csv", "ragged rows", _file("a.csv", "title,text\nx,y,z,w\nq\n"))
    yield Case("csv", "unbalanced quote", _file("a.csv", 'title,text\n"x,y\n'))
    yield Case("csv", "NUL in a cell", _file("a.csv", b"title,text\nx,a\x00b\n"))
    yield Case("csv", "1 MB cell", _file("a.csv", "title,text\nx," + "y " * (1 << 19) + "\n"), slow=True)
    yield Case("csv", "header only", _file("a.csv", "title,text\n"))
    yield Case("csv", "duplicate header", _file("a.csv", "text,text\na,b\n"))
    yield Case("csv", "formula cell", _file("a.csv", "title,text\n=HYPERLINK(\"x\"),Menlu bertemu.\n"))
    yield Case("csv", "tsv with bad date", _file("a.tsv", "title\ttext\tpublished\nx\ty\t2024-99-99\n"))


def markup() -> Iterator[Case]:
    yield Case("html", "empty page", _file("a.html", "<html></html>"))
    yield Case("html", "script only", _file("a.html", "<html><script>alert(1)</script></html>"))
    yield Case("html", "unclosed tags", _file("a.html", "<html><body><p><b><i>" * 2000))
    yield Case("html", "deep nesting", _file("a.html", "<div>" * 100_000 + "x" + "</div>" * 100_000))
    yield Case("html", "binary", _file("a.html", bytes(range(256)) * 16))
    yield Case("html", "entity bomb", _file("a.html", "<p>" + "&amp;" * 200_000 + "</p>"))
    yield Case("feed", "empty feed", _file("a.rss", "<rss></rss>"))
    yield Case("feed", "not XML", _file("a.rss", "hello"))
    yield Case("feed", "XML entity bomb", _file("a.xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                                               + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">'
                                                         for k in range(8))
                                               + ']><rss><channel><item><title>&i;</title></item></channel></rss>'))
    yield Case("feed", "external entity", _file("a.atom", '<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM '
                                                '"file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom">'
                                                "<entry><title>&x;</title></entry></feed>"))
    yield Case("feed", "item without text",
               _file("a.rss", "<rss><channel><item><title>x</title></item></channel></rss>"))
    yield Case("warc", "not a WARC", _file("a.warc", b"WARC/1.0\r\nnonsense\r\n\r\n"))
    yield Case("warc", "truncated gzip WARC", _file("a.warc.gz", gzip.compress(b"WARC/1.0\r\n" * 100)[:40]))
    yield Case("warc", "empty WARC", _file("a.warc", b""))


def compressed() -> Iterator[Case]:
    yield Case("compressed", "truncated .gz", _file("a.jsonl.gz", gzip.compress(_jsonl([json.dumps(good(1))]))[:20]))
    yield Case("compressed", "not gzip", _file("a.jsonl.gz", b"plain text"))
    yield Case("compressed", "not bz2", _file("a.json.bz2", b"BZh9 nonsense"))
    yield Case("compressed", "gzip of garbage", _file("a.txt.gz", gzip.compress(bytes(range(256)) * 64)))
    yield Case("compressed", "double gzip", _file("a.jsonl.gz", gzip.compress(gzip.compress(b"{}"))))
    yield Case("compressed", "bz2 of an empty file", _file("a.txt.bz2", bz2.compress(b"")))
    yield Case("compressed", "gzip bomb (2 GiB of zeros)", _gzip_bomb, slow=True)


def _gzip_bomb(folder: Path) -> Path:
    path = folder / "bomb.txt.gz"
    chunk = bytes(1 << 24)
    with gzip.open(path, "wb", compresslevel=9) as out:
        for _ in range(128):
            out.write(chunk)
    return path


def special_files() -> Iterator[Case]:
    def fifo(folder: Path) -> Path:
        os.mkfifo(folder / "x.jsonl")
        return folder / "x.jsonl"

    def directory_named_like_a_file(folder: Path) -> Path:
        (folder / "x.jsonl").mkdir()
        return folder / "x.jsonl"

    def symlink_loop(folder: Path) -> Path:
        (folder / "a.txt").symlink_to(folder / "b.txt")
        (folder / "b.txt").symlink_to(folder / "a.txt")
        return folder / "a.txt"

    def dangling_symlink(folder: Path) -> Path:
        (folder / "a.txt").symlink_to(folder / "missing.txt")
        return folder / "a.txt"

    def unreadable(folder: Path) -> Path:
        path = folder / "a.txt"
        path.write_text("Menlu bertemu.", encoding="utf-8")
        path.chmod(0)
        return path

    def folder_of_mixed(folder: Path) -> Path:
        (folder / "good.json").write_text(json.dumps(good(1)), encoding="utf-8")
        (folder / "bad.json").write_text("{", encoding="utf-8")
        (folder / "notes.pdf").write_bytes(b"%PDF")
        return folder

    def device(folder: Path) -> Path:
        return Path("/dev/zero")

    for write in (fifo, directory_named_like_a_file, symlink_loop, dangling_symlink, unreadable, folder_of_mixed,
                  device):
        yield Case("special", write.__name__.replace("_", " "), write)


def sizes() -> Iterator[Case]:
    yield Case("size", "1 MB of text without spaces", _file("a.txt", "x" * (1 << 20)), slow=True)
    yield Case("size", "200,000 short sentences", _file("a.txt", "Ia datang. " * 200_000), slow=True)
    yield Case("size", "100,000 names", _file("a.txt", "Presiden Joko Widodo bertemu Retno Marsudi. " * 25_000),
               slow=True)
    yield Case("size", "20,000 articles in one file", _file("a.jsonl", _jsonl([json.dumps(good(n))
                                                                               for n in range(20_000)])), slow=True)
    yield Case("size", "a 5 MB line", _file("a.jsonl", _jsonl([json.dumps(good(1, text="kata " * (1 << 20)))])),
               slow=True)


GROUPS = (encodings, json_documents, dates, fields, batches, front_matter, tables, markup, compressed, special_files,
          sizes)


def cases() -> list[Case]:
    return [case for group in GROUPS for case in group()]


OUTCOMES = ("accepted", "refused in one line", "bug (one line)", "traceback or several lines", "hang",
            "store changed on refusal")


def outcome(returncode: int | None, stderr: str) -> str:
    """What a user saw: the article stored, a one-line refusal, kabar's one-line 'please report it', or worse."""
    if returncode is None:
        return "hang"
    lines = [line for line in stderr.splitlines() if line.strip() and not line.startswith("kabar: warning:")]
    if returncode == 0 and not lines:
        return "accepted"
    if returncode == 1 and len(lines) == 1 and lines[0].startswith("kabar: error: "):
        return "bug (one line)" if "please report it" in lines[0] else "refused in one line"
    return "traceback or several lines"


def digest(store_path: Path) -> str:
    """Every quad of the store at `store_path`, hashed: equal digests, the same store."""
    store = KabarStore(store_path, read_only=True)
    try:
        return hashlib.sha256("\n".join(sorted(str(q) for q in store.quads())).encode()).hexdigest()
    finally:
        store.close()
