"""HTML from other programs (TimelineJS slides) → our Markdown text, keeping words and web links.

The parser only extracts text: nothing from the HTML is ever rendered, so no markup, script or
style can come through. Links that are not http/https/mailto keep their words and lose their target.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from timeline.core.links import is_web_link

_BLOCKS = {"p", "div", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_MARKS = {"strong": "**", "b": "**", "em": "*", "i": "*"}


class _TextCollector(HTMLParser):
    def __init__(self, marks: bool) -> None:
        super().__init__(convert_charrefs=True)
        self._marks = marks
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
        elif tag in _MARKS and self._marks:
            self._append(_MARKS[tag])
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
        elif tag in _MARKS and self._marks:
            self._append(_MARKS[tag])

    def _append(self, text: str) -> None:
        if self._href is not None or self._link_text:
            self._link_text.append(text)
        else:
            self.parts.append(text)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._href is not None or self._link_text:
            self._link_text.append(data)
        else:
            self.parts.append(data)


def html_to_text(markup: str, marks: bool = True) -> str:
    """The readable text of an HTML fragment, paragraphs kept, links as Markdown links, and
    bold and italics as Markdown marks unless ``marks`` is false (plain prose)."""
    if "<" not in markup:
        return html.unescape(markup).strip()
    collector = _TextCollector(marks)
    collector.feed(markup)
    collector.close()
    text = "".join(collector.parts)
    paragraphs = [" ".join(block.split()) for block in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?![\w*])")


def markdown_to_html(text: str, paragraphs: bool = True) -> str:
    """Our Markdown text as the simple HTML that formats such as TimelineJS show: paragraphs,
    line breaks, bold, italics and real ``<a>`` links (only for web addresses; any other target
    keeps its words). Everything else is escaped, never passed through as markup."""
    blocks = [_inline_html(block) for block in text.split("\n\n") if block.strip()]
    if not paragraphs:
        return "<br>".join(blocks)
    return "".join(f"<p>{block}</p>" for block in blocks)


def _inline_html(block: str) -> str:
    links: list[str] = []

    def link(match: re.Match[str]) -> str:
        words, target = match[1], match[2]
        if not is_web_link(target):
            return match[1]
        links.append(f'<a href="{html.escape(target)}">{html.escape(words)}</a>')
        return f"\x00{len(links) - 1}\x00"

    text = html.escape(_LINK.sub(link, block.strip()), quote=False)
    text = _STRONG.sub(r"<strong>\1</strong>", text)
    text = _EMPHASIS.sub(r"<em>\1</em>", text)
    text = re.sub(r"\x00(\d+)\x00", lambda match: links[int(match[1])], text)
    return text.replace("\n", "<br>")
