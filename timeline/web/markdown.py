"""Event descriptions as HTML a web page can show safely.

Markdown is rendered by markdown-it-py with raw HTML off (HTML written in a description stays
text), then sanitised by nh3 with a short list of tags: whatever gets through the renderer,
no script, style, image, frame or form survives, and a link keeps its address only when it is
http, https or mailto. Pictures come from the timeline's own images, never from a description.
"""

from __future__ import annotations

import functools
import html as html_text
import re
from collections.abc import Sequence
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "em", "strong", "del", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_HEADING = re.compile(r"<(/?)h([1-6])>")


@functools.cache
def _renderer() -> MarkdownIt:
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    renderer.enable("table").enable("strikethrough")
    renderer.add_render_rule("image", _image_as_text)
    return renderer


def _image_as_text(self: Any, tokens: Sequence[Token], index: int, options: Any, env: Any) -> str:
    """An image a description names is shown as its alternative text: nothing is fetched."""
    return html_text.escape(self.renderInlineAsText(tokens[index].children or [], options, env))


def description_html(markdown: str) -> str:
    """A description's Markdown as sanitised HTML (empty for an empty description)."""
    if not markdown.strip():
        return ""
    html = _renderer().render(markdown)
    # The event's title is the heading of its details: a description's headings go below it.
    html = _HEADING.sub(lambda match: f"<{match[1]}h{min(int(match[2]) + 2, 6)}>", html)
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={"a": {"href", "title"}, "ol": {"start"}},
        url_schemes=set(LINK_SCHEMES),
        url_relative="deny",
        link_rel="noopener noreferrer nofollow",
        set_tag_attribute_values={"a": {"target": "_blank"}},
        strip_comments=True,
    ).strip()
