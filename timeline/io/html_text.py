"""HTML from other programs (TimelineJS slides) → our Markdown text, keeping words and web links.

The parser only extracts text: nothing from the HTML is ever rendered, so no markup, script or
style can come through. Links that are not http/https/mailto keep their words and lose their target.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._href: str | None = None
        self._link_text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self._href = href if href.lower().startswith(_SAFE_SCHEMES) else None
            self._link_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(self._skip - 1, 0)
        elif tag == "a":
            text = "".join(self._link_text).strip()
            self._link_text = []
            if self._href and text:
                self.parts.append(f"[{text}]({self._href})")
            else:
                self.parts.append(text)
            self._href = None
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._href is not None or self._link_text:
            self._link_text.append(data)
        else:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML fragment, paragraphs kept, links as Markdown links."""
    if "<" not in markup:
        return html.unescape(markup).strip()
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    text = "".join(collector.parts)
    paragraphs = [" ".join(block.split()) for block in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def text_to_html(text: str) -> str:
    """Our text as simple HTML paragraphs for formats that want HTML."""
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
