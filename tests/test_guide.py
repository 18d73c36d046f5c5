"""The user guide is cut from the README, and an installed wheel carries it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from timeline import __version__
from timeline.guide import find_pages, guide_pages, guide_source

ROOT = Path(__file__).resolve().parent.parent


def test_the_guide_has_a_page_per_usage_section_of_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    titles = [page.title for page in guide_pages(readme)]
    assert titles[0] == "Introduction"
    assert {"The timeline view", "Editing", "Search", "Dates", "Command line"} <= set(titles)
    assert "Layout" not in titles and "Quick start" not in titles
    editing = next(page for page in guide_pages(readme) if page.title == "Editing")
    assert editing.text.startswith("# Editing\n")
    assert "Ctrl+D duplicates" in editing.text


def test_searching_keeps_pages_with_every_word_best_first() -> None:
    readme = "# T\n\nintro\n\n## One\n\nzoom zoom pan\n\n## Two\n\nzoom pan pan pan\n\n## Three\n\npan\n"
    pages = guide_pages(readme)
    assert [page.title for page in find_pages(pages, "ZOOM pan")] == ["Two", "One"]
    assert [page.title for page in find_pages(pages, "  ")] == ["Introduction", "One", "Two", "Three"]
    assert find_pages(pages, "zoom nothing") == []


def test_the_wheel_carries_the_readme_and_the_version_is_written_once() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["README.md"] == "timeline/resources/README.md"
    assert config["project"]["dynamic"] == ["version"]
    assert config["tool"]["hatch"]["version"]["path"] == "timeline/__init__.py"
    assert guide_source().name == "README.md"
    assert __version__[0].isdigit()
