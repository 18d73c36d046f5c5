"""What counts as a web link: an absolute ``http``, ``https`` or ``mailto`` address, nothing else.

Files from other programs put HTML (a ``<blockquote>`` embed), relative paths (``img/a.jpg``) or
protocol-relative addresses (``//example.org/a``) where a link goes; none of these can be
followed from a desktop app, so none is stored as an event's link.
"""

from __future__ import annotations

import re

_WEB_LINK = re.compile(r"(?:https?://[^\s<>\"]+|mailto:[^\s<>\"]+)", re.IGNORECASE)


def is_web_link(text: str) -> bool:
    """True for ``https://example.org/a``, ``mailto:a@b.org``; false for HTML, paths, ``//host``."""
    return _WEB_LINK.fullmatch(text.strip()) is not None
