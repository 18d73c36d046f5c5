"""The layering rules of ARCHITECTURE.md, checked on the source: arrows point one way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_in(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py")) if folder else sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("folder", ["core", "store", "io", "web"])
def test_core_store_and_io_import_no_qt(folder: str) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in modules_in(folder)
        for name in imported_modules(path)
        if name.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert offenders == []


def test_only_the_store_imports_sqlite() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in modules_in("")
        if "store" not in path.relative_to(PACKAGE).parts
        for name in imported_modules(path)
        if name.split(".")[0] in {"sqlite3", "sqlite_utils"}
    ]
    assert offenders == []


def test_core_imports_nothing_of_ours_but_core() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in modules_in("core")
        for name in imported_modules(path)
        if name.startswith("timeline") and not name.startswith("timeline.core")
    ]
    assert offenders == []


def test_the_checker_sees_imports() -> None:
    """Guard against a checker that silently finds nothing."""
    assert "PySide6.QtWidgets" in imported_modules(PACKAGE / "ui" / "app.py")
    assert "sqlite_utils" in imported_modules(PACKAGE / "store" / "database.py")
