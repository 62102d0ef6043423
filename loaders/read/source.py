"""Where article bytes come from: files, folders, `.gz`/`.bz2`, standard input, and URLs (only when online).

A `Source` is one input's bytes and the format it is in (a reader's
suffix), named as the user gave it so that errors point at it. Nothing
here knows a format beyond its suffix: the registry in `loaders.read`
hands each source to its reader. The network is used only for a URL
given with `--online` (or a feed entry's page, see `loaders.read.feed`);
offline a URL is one clear error.
"""

from __future__ import annotations

import bz2
import gzip
import io
import logging
import os
import stat
import sys
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from loaders.read.fields import ArticleError

log = logging.getLogger("kabar.read")

STDIN = "-"
FETCH_TIMEOUT = 30
"""Seconds to wait for a web server when reading a URL online."""
USER_AGENT = "kabar (news to knowledge graph; https://w3id.org/kabar)"
MAX_INPUT_BYTES = 1 << 30
"""Largest input kabar reads, before or after decompression: a 1 GiB batch is split by its user, and a
compressed file that grows past it (a decompression bomb) is refused instead of filling memory."""
MAX_TEXT_CHARS = 1_000_000
"""Longest article text kabar takes by default: a news article is a few thousand characters, and a megabyte of
text is a book or a dump read as one article (`--max-text` raises it)."""
_COMPRESSED: Mapping[str, Callable[[io.BytesIO], io.BufferedIOBase]] = {
    ".gz": lambda raw: gzip.GzipFile(fileobj=raw), ".bz2": lambda raw: bz2.BZ2File(raw)}
_MEDIA_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/rss+xml": ".xml",
                "application/atom+xml": ".xml", "application/xml": ".xml", "text/xml": ".xml",
                "application/json": ".json", "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl",
                "text/csv": ".csv", "text/plain": ".txt", "application/warc": ".warc"}


@dataclass(frozen=True)
class Source:
    """One input: its bytes, the suffix of the format they are in, and how the user named it."""

    name: str  # the path, URL or "-", as errors name it
    suffix: str  # the format: ".html", ".jsonl", ... (compression already undone)
    data: bytes
    url: str | None = None  # the page's address when it came from the web
    local: Path | None = None  # the file on disk, for formats with sidecar files

    def text(self) -> str:
        """The bytes as UTF-8 text: a byte-order mark dropped, CRLF and CR line ends made LF."""
        try:
            text = self.data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise ArticleError(self.name, None, f"not UTF-8 text ({e.reason} at byte {e.start})") from e
        return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class ReadOptions:
    """How to read: whether the network may be used, and CSV columns named otherwise than kabar's fields."""

    online: bool = False
    columns: Mapping[str, str] = field(default_factory=dict)  # kabar field -> the column holding it
    max_text_chars: int = MAX_TEXT_CHARS


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def format_of(name: str) -> tuple[str, str | None]:
    """(format suffix, compression suffix or None) of a file name: 'a.jsonl.gz' -> ('.jsonl', '.gz')."""
    path = PurePosixPath(name)
    if path.suffix.lower() in _COMPRESSED:
        return PurePosixPath(path.stem).suffix.lower(), path.suffix.lower()
    return path.suffix.lower(), None


def expand(names: list[str], readable: Callable[[str], bool],
           owned: Callable[[Path], bool] = lambda path: False) -> list[str]:
    """The inputs to read: files, URLs and `-` as given; folders walked (in name order) for the files kabar reads.

    A folder's files that no reader takes are skipped with one warning
    line naming them; a folder with nothing to read is an error, never
    "0 articles". Hidden files and folders are left out, as `ls` does.
    """
    out: list[str] = []
    for name in names:
        path = Path(name)
        if name == STDIN or is_url(name):
            out.append(name)
        elif path.is_dir():
            found, skipped = [], []
            for p in sorted(path.rglob("*")):
                if not p.is_file() or any(part.startswith(".") for part in p.relative_to(path).parts) or owned(p):
                    continue
                (found if readable(format_of(p.name)[0]) else skipped).append(p)
            if skipped:
                shown = ", ".join(p.name for p in skipped[:5]) + (", …" if len(skipped) > 5 else "")
                log.warning("%s: skipped %d file(s) kabar cannot read: %s", name, len(skipped), shown)
            if not found:
                raise ArticleError(name, None, "no article files in this folder")
            out.extend(str(p) for p in found)
        elif path.exists():
            out.append(name)
        else:
            raise ArticleError(name, None, "no such file or directory")
    return out


def open_source(name: str, options: ReadOptions, sniff: Callable[[bytes], str]) -> Source:
    """The bytes of one input, decompressed; `sniff` names the format of bytes whose name does not tell."""
    if is_url(name):
        return fetch(name, options, sniff)
    if name == STDIN:
        return read_stdin(sniff)
    suffix, compression = format_of(name)
    data = _file_bytes(name)
    if compression:
        data = _decompressed(name, data, compression)
    return Source(name, suffix, data, local=Path(name))


def fetch(url: str, options: ReadOptions, sniff: Callable[[bytes], str]) -> Source:
    """A web page or file, read only when `options.online`; offline this is the one-line error saying so."""
    if not options.online:
        raise ArticleError(url, None, "reading a URL needs --online (kabar does not use the network unless asked)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data, media_type, final = response.read(), response.headers.get_content_type(), response.url
            encoding = response.headers.get("Content-Encoding", "")
    except urllib.error.HTTPError as e:
        raise ArticleError(url, None, f"the server answered {e.code} {e.reason}") from e
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        raise ArticleError(url, None, f"cannot fetch: {getattr(e, 'reason', e)}") from e
    if encoding in ("gzip", "x-gzip"):
        data = _decompressed(url, data, ".gz")
    suffix, compression = format_of(urllib.request.urlparse(final).path)
    if compression:
        data = _decompressed(url, data, compression)
    suffix = _MEDIA_TYPES.get(media_type) or suffix or sniff(data)
    return Source(url, suffix, data, url=final)


def read_stdin(sniff: Callable[[bytes], str]) -> Source:
    """Standard input, its format told by its first bytes (gzip and bzip2 undone first)."""
    data = sys.stdin.buffer.read()
    compression = _magic(data)
    if compression:
        data = _decompressed(STDIN, data, compression)
    return Source("<stdin>", sniff(data), data)


def _magic(data: bytes) -> str | None:
    return ".gz" if data.startswith(b"\x1f\x8b") else ".bz2" if data.startswith(b"BZh") else None


def _file_bytes(name: str) -> bytes:
    """The bytes of a regular file; a FIFO, device or socket is refused before it is opened (it could block)."""
    try:
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(name, None, "not a regular file (a FIFO, device or socket): kabar reads files")
        if info.st_size > MAX_INPUT_BYTES:
            raise ArticleError(name, None, f"{info.st_size:,} bytes, over the limit of {MAX_INPUT_BYTES:,}; split it")
        return Path(name).read_bytes()
    except OSError as e:
        raise ArticleError(name, None, e.strerror or str(e)) from e


def _decompressed(name: str, data: bytes, compression: str) -> bytes:
    try:
        with _COMPRESSED[compression](io.BytesIO(data)) as f:
            out = f.read(MAX_INPUT_BYTES + 1)
    except (OSError, EOFError, ValueError, zlib.error) as e:
        raise ArticleError(name, None, f"not a valid {compression[1:]} file ({e})") from e
    if len(out) > MAX_INPUT_BYTES:
        raise ArticleError(name, None, f"decompresses to more than {MAX_INPUT_BYTES:,} bytes; split it")
    return out

