from __future__ import annotations

from timeline.core.highlight import mark, search_terms, snippet


def test_words_are_marked_as_the_index_matches_them() -> None:
    terms = search_terms('"Zoë" nato* summit')
    assert terms == [("zoe", False), ("nato", True), ("summit", False)]
    assert mark("ZOE met NATO-Ukraine leaders at the Summits", terms) == (
        "\x02ZOE\x03 met \x02NATO\x03-Ukraine leaders at the Summits"
    )


def test_the_snippet_is_around_the_first_match() -> None:
    text = " ".join(f"w{n}" for n in range(100)) + " treaty " + " ".join(f"x{n}" for n in range(100))
    piece = snippet(text, search_terms("treaty"), words=9)
    assert piece.startswith("…") and piece.endswith("…")
    assert "\x02treaty\x03" in piece
    assert snippet("short text", search_terms("absent")) == "short text"
    assert snippet("", search_terms("x")) == ""
