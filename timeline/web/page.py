"""One self-contained HTML file: the timeline's data, the viewer's script and its styles.

The page asks for nothing from anywhere: its Content-Security-Policy allows no address at all
(images only as ``data:``), and its two inline blocks run because their hashes are listed, so
even text that slipped through as markup could not run a script. The data is JSON inside a
``<script type="application/json">`` with ``<``, ``>``, ``&`` and the two JavaScript line
separators escaped: a title such as ``</script>`` cannot end the block.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from timeline.io.formats import replacing
from timeline.web.data import PageContent, page_data

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_JSON_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def viewer_file(name: str) -> str:
    """One of the viewer's files, shipped as package data beside this module."""
    return (resources.files("timeline.web") / "viewer" / name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON that is safe inside a script element and still parses to the same value."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _JSON_ESCAPES:  # str.replace is ten times faster than str.translate here
        text = text.replace(character, escape)
    return text


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render_page(content: PageContent, now: float | None = None) -> str:
    """The whole page as text."""
    style = viewer_file("viewer.css")
    script = "\n".join(viewer_file(name) for name in ("logic.js", "painter.js", "viewer.js"))
    policy = "; ".join(
        (
            "default-src 'none'",
            "img-src data:",
            f"style-src {_digest(style)}",
            f"script-src {_digest(script)}",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    values = {
        "title": html.escape(content.title or "Timeline"),
        "policy": html.escape(policy),
        "style": style,
        "data": script_json(page_data(content, now)),
        "script": script,
    }
    return _PLACEHOLDER.sub(lambda match: values[match[1]], viewer_file("page.html"))


def write_page(path: Path, content: PageContent, now: float | None = None) -> int:
    """Write the page to ``path`` atomically; the number of events on it."""
    text = render_page(content, now)
    with replacing(path) as out:
        out.write(text.encode("utf-8"))
    return len(content.events)
