"""RSS 2.0, RSS 1.0 and Atom feeds: parsing (defusedxml: no entities, no external references),
feed configuration, and polling with a file of items already seen."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from missiongate.claims.extract import extract_claims
from missiongate.claims.fetch import Limits, fetch, is_url
from missiongate.claims.htmltext import html_to_text
from missiongate.claims.model import Claim
from missiongate.errors import MissionGateError
from missiongate.inputs import read_input
from missiongate.yamlio import read_yaml, write_atomic

MAX_SEEN = 5000  # per feed; older ids are forgotten first


@dataclass(frozen=True, slots=True)
class FeedItem:
    id: str
    title: str
    link: str | None
    published: str | None
    text: str  # title and summary/content as plain text


@dataclass(frozen=True, slots=True)
class FeedConfig:
    name: str
    url: str  # http(s) URL or a file path
    fetch_articles: bool = False


@dataclass
class PollResult:
    new: list[tuple[FeedConfig, FeedItem, list[Claim]]] = field(default_factory=list)
    problems: list[tuple[str, MissionGateError]] = field(default_factory=list)


def looks_like_feed(head: bytes) -> bool:
    sample = head[:2048].lower()
    return b"<rss" in sample or b"<feed" in sample or b"<rdf:rdf" in sample


def parse_feed(data: bytes, source: str) -> list[FeedItem]:
    try:
        root = SafeET.fromstring(data)
    except (ParseError, DefusedXmlException) as exc:
        raise MissionGateError(f"malformed feed: {exc}", source=source) from None
    kind = _local(root.tag)
    if kind == "rss":
        entries = [e for e in root.iter() if _local(e.tag) == "item"]
    elif kind == "feed":
        entries = [e for e in root if _local(e.tag) == "entry"]
    elif kind == "RDF":
        entries = [e for e in root if _local(e.tag) == "item"]
    else:
        raise MissionGateError(f"not an RSS or Atom feed (root element <{kind}>)", source=source)
    return [_item(entry) for entry in entries]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(entry: Element, *names: str) -> Element | None:
    for name in names:
        for child in entry:
            if _local(child.tag) == name:
                return child
    return None


def _text_of(entry: Element, *names: str) -> str:
    child = _child(entry, *names)
    return "".join(child.itertext()).strip() if child is not None else ""


def _item(entry: Element) -> FeedItem:
    title = _text_of(entry, "title")
    link_el = _child(entry, "link")
    link = None
    if link_el is not None:
        link = (link_el.get("href") or "".join(link_el.itertext())).strip() or None
    body = _text_of(entry, "encoded", "content", "description", "summary")
    body_text = html_to_text(body)[0] if "<" in body else " ".join(body.split())
    ident = _text_of(entry, "guid", "id") or link or hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()
    published = _text_of(entry, "pubDate", "published", "updated", "date") or None
    text = f"{title}.\n\n{body_text}" if title and body_text else title or body_text
    return FeedItem(ident, title, link, published, text)


def load_feed_config(path: str | Path) -> list[FeedConfig]:
    """`feeds: [{name, url, fetch_articles}]`; relative file paths are relative to the config file."""
    doc = read_yaml(path)
    entries = doc.data.get("feeds") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise doc.error("a feed configuration needs `feeds:`, a list of {name, url}")
    configs = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("url"):
            raise doc.error("each feed needs a `url`", ["feeds", i])
        url = str(entry["url"])
        if not is_url(url):
            url = str((Path(path).parent / url).resolve())
        configs.append(
            FeedConfig(str(entry.get("name") or url), url, bool(entry.get("fetch_articles", False)))
        )
    return configs


class SeenState:
    """Ids of items already processed, per feed, in a JSON file written atomically."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.seen: dict[str, list[str]] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise MissionGateError(f"unreadable state file: {exc}", source=self.path) from None
            if not isinstance(data, dict) or not isinstance(data.get("seen", {}), dict):
                raise MissionGateError("state file has no `seen` mapping", source=self.path)
            self.seen = {k: list(map(str, v)) for k, v in data.get("seen", {}).items()}

    def is_new(self, feed: str, item_id: str) -> bool:
        return item_id not in self.seen.get(feed, ())

    def mark(self, feed: str, item_id: str) -> None:
        ids = self.seen.setdefault(feed, [])
        ids.append(item_id)
        del ids[:-MAX_SEEN]

    def save(self) -> None:
        write_atomic(self.path, json.dumps({"seen": self.seen}, indent=1) + "\n")


Reader = Callable[[str], bytes]


def read_location(location: str, limits: Limits = Limits()) -> bytes:
    if is_url(location):
        return fetch(location, limits).data
    return read_input(location, limits.max_bytes)


def poll(feeds: list[FeedConfig], state: SeenState, read: Reader = read_location) -> PollResult:
    """Process new items of every feed. A failing feed or article is reported and the rest goes on;
    an item whose article could not be read stays unseen so the next poll tries it again."""
    result = PollResult()
    for feed in feeds:
        try:
            items = parse_feed(read(feed.url), feed.url)
        except MissionGateError as exc:
            result.problems.append((feed.name, exc))
            continue
        for item in items:
            if not state.is_new(feed.url, item.id):
                continue
            try:
                text = _item_text(feed, item, read)
            except MissionGateError as exc:
                result.problems.append((f"{feed.name}: {item.link or item.id}", exc))
                continue
            result.new.append((feed, item, extract_claims(text, source=item.link or feed.url)))
            state.mark(feed.url, item.id)
    return result


def _item_text(feed: FeedConfig, item: FeedItem, read: Reader) -> str:
    if not (feed.fetch_articles and item.link):
        return item.text
    from missiongate.claims.sources import document_from_bytes

    return document_from_bytes(read(item.link), item.link, None).text
