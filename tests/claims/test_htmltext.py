from __future__ import annotations

from missiongate.claims.htmltext import html_to_text


def test_scripts_styles_and_navigation_are_dropped() -> None:
    html = (
        "<html><head><title>T &amp; C</title><script>alert('x')</script></head><body><nav>Menu</nav>"
        "<p>First <b>para</b>.</p><script>document.write('evil')</script><style>p{}</style>"
        "<p>Second&nbsp;one.</p>"
        "<noscript>enable js</noscript></body></html>"
    )
    text, title = html_to_text(html)
    assert text == "First para.\n\nSecond one."
    assert title == "T & C"


def test_unclosed_and_broken_markup_does_not_raise() -> None:
    text, title = html_to_text("<p>Open <script>never closed")
    assert text == "Open" and title is None
