from __future__ import annotations

from pathlib import Path

import pytest

from missiongate.claims.feeds import FeedConfig, SeenState, load_feed_config, parse_feed, poll
from missiongate.errors import MissionGateError

from .conftest import RSS

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><id>urn:1</id><title>Kenya</title><link href="http://127.0.0.1/k"/>
<summary type="html">&lt;p&gt;Kenya will deploy 600 police officers to Haiti.&lt;/p&gt;</summary>
<updated>2026-01-05T10:00:00Z</updated></entry></feed>"""

RDF = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel>
<item><title>Greece</title><link>http://127.0.0.1/g</link>
<description>Greece has ruled out sending troops to Ukraine.</description></item></rdf:RDF>"""

BOMB = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<rss><channel><item><title>&lol2;</title></item></channel></rss>"""


def test_rss_atom_and_rdf() -> None:
    rss = parse_feed(RSS, "rss")
    assert [i.id for i in rss] == ["a1", "a2"]
    assert rss[0].text.startswith("Envoy claims Baku is in.\n\nThe U.S. ambassador said")
    assert "alert" not in rss[0].text
    (atom,) = parse_feed(ATOM, "atom")
    assert (atom.id, atom.link, atom.published) == ("urn:1", "http://127.0.0.1/k", "2026-01-05T10:00:00Z")
    (rdf,) = parse_feed(RDF, "rdf")
    assert rdf.id == "http://127.0.0.1/g"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<rss><channel>", "malformed feed"),
        (BOMB, "malformed feed"),
        (b"<html></html>", "not an RSS or Atom"),
    ],
)
def test_bad_feeds(data: bytes, message: str) -> None:
    with pytest.raises(MissionGateError, match=message):
        parse_feed(data, "x")


def test_poll_deduplicates_and_goes_on_past_bad_feeds(server: str, tmp_path: Path) -> None:
    feeds = [
        FeedConfig("bad", f"{server}/bad.xml"),
        FeedConfig("slow", f"{server}/slow"),
        FeedConfig("wire", f"{server}/feed.xml"),
    ]
    from missiongate.claims.fetch import Limits, fetch

    def read(url: str) -> bytes:
        return fetch(url, Limits(timeout=0.5, deadline=1.0)).data

    state = SeenState(tmp_path / "state.json")
    first = poll(feeds, state, read)
    assert [name for name, _ in first.problems] == ["bad", "slow"]
    assert [item.id for _, item, _ in first.new] == ["a1", "a2"]
    headline, claim = first.new[0][2]  # the headline's is the per-country reader's: reported, never drafted
    assert (headline.country, str(headline.stance), headline.qualified) == ("AZE", "agreed", True)
    assert (claim.country, str(claim.stance), claim.source) == ("AZE", "agreed", "http://127.0.0.1/a1")
    state.save()
    again = poll(feeds, SeenState(tmp_path / "state.json"), read)
    assert again.new == []


def test_article_fetch_failure_leaves_the_item_unseen(tmp_path: Path) -> None:
    feed = tmp_path / "f.xml"
    feed.write_bytes(ATOM)

    def read(location: str) -> bytes:
        if location.startswith("http"):
            raise MissionGateError("timed out", source=location)
        return Path(location).read_bytes()

    state = SeenState(tmp_path / "s.json")
    result = poll([FeedConfig("a", str(feed), fetch_articles=True)], state, read)
    assert result.new == [] and "timed out" in str(result.problems[0][1])
    assert state.is_new(str(feed), "urn:1")


def test_feed_config_and_state_errors(tmp_path: Path) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_text("feeds:\n- {name: local, url: f.xml}\n- {url: 'http://127.0.0.1/x'}\n")
    loaded = load_feed_config(config)
    assert loaded[0].url == str(tmp_path / "f.xml") and loaded[1].name == "http://127.0.0.1/x"
    config.write_text("feeds:\n- {name: nourl}\n")
    with pytest.raises(MissionGateError, match="needs a `url`"):
        load_feed_config(config)
    bad_state = tmp_path / "s.json"
    bad_state.write_text("{not json")
    with pytest.raises(MissionGateError, match="unreadable state file"):
        SeenState(bad_state)
