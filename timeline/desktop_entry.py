"""Putting Timeline in the desktop's menu: the launcher, its icon, AppStream data and a file type.

``timeline install-desktop`` copies the files kept in ``resources/`` into the user's XDG data
folder (``$XDG_DATA_HOME``, else ``~/.local/share``), so that the app appears among the desktop's
applications and ``.timeline.db`` files open with it. The launcher's command is rewritten to the
program that ran the install, so it works from a virtual environment too. Nothing outside the
user's own folder is touched, and ``--uninstall`` takes it all out again.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from timeline.workspace import resource_path

APP_ID = "io.github.timeline.Timeline"
"""The application's reverse-DNS name: of its launcher, metainfo, icon and window class."""

MIME_TYPE = "application/x-timeline"


@dataclass(frozen=True)
class InstalledFile:
    """One file the install writes: from ``resources/`` to a place under the data folder."""

    resource: str
    target: str


FILES = (
    InstalledFile(f"{APP_ID}.desktop", f"applications/{APP_ID}.desktop"),
    InstalledFile(f"{APP_ID}.metainfo.xml", f"metainfo/{APP_ID}.metainfo.xml"),
    InstalledFile("timeline.svg", f"icons/hicolor/scalable/apps/{APP_ID}.svg"),
    InstalledFile(f"{APP_ID}.mime.xml", f"mime/packages/{APP_ID}.xml"),
)


class DesktopInstallError(Exception):
    """The files could not be put in place; the message says which folder and why."""


def xdg_data_home() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "")
    # the specification ignores a relative value
    return Path(configured) if configured and os.path.isabs(configured) else Path.home() / ".local/share"


def launch_command() -> str:
    """How the launcher starts this Timeline: the ``timeline`` script beside this Python, if any."""
    script = Path(sys.executable).with_name("timeline")
    if script.is_file() and os.access(script, os.X_OK):
        return _desktop_quote(str(script))
    found = shutil.which("timeline")
    if found:
        return _desktop_quote(found)
    return f"{_desktop_quote(sys.executable)} -m timeline"


def _desktop_quote(argument: str) -> str:
    """Quote an argument of a launcher's ``Exec`` line (the desktop entry rules, not the shell's)."""
    if not any(char in argument for char in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = "".join("\\" + char if char in '"`$\\' else char for char in argument)
    return f'"{escaped}"'


def desktop_entry(command: str) -> str:
    """The bundled launcher with its ``Exec`` line pointing at ``command``."""
    text = resource_path(f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = [f"Exec={command} %f" if line.startswith("Exec=") else line for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def install(data_home: Path | None = None, command: str | None = None) -> list[Path]:
    """Write the launcher, metainfo, icon and file type; refresh the desktop's caches if it can."""
    data_home = data_home or xdg_data_home()
    written = []
    for file in FILES:
        target = data_home / file.target
        if file.resource.endswith(".desktop"):
            content = desktop_entry(command or launch_command()).encode("utf-8")
        else:
            content = resource_path(file.resource).read_bytes()
        _write(target, content)
        written.append(target)
    _refresh_caches(data_home)
    return written


def uninstall(data_home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; returns the files that were there."""
    data_home = data_home or xdg_data_home()
    removed = []
    for file in FILES:
        target = data_home / file.target
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DesktopInstallError(f"{target}: cannot remove it ({error.strerror})") from None
        removed.append(target)
    _refresh_caches(data_home)
    return removed


def _write(target: Path, content: bytes) -> None:
    temporary = target.with_name(f".{target.name}.new")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(content)
        temporary.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        place = error.filename or target
        raise DesktopInstallError(f"{place}: cannot write {target.name} ({error.strerror})") from None


def _refresh_caches(data_home: Path) -> None:
    """Tell the desktop about the new type and launcher, with the tools it has (none is required)."""
    for tool, folder in (
        ("update-mime-database", data_home / "mime"),
        ("update-desktop-database", data_home / "applications"),
        ("gtk-update-icon-cache", data_home / "icons" / "hicolor"),
    ):
        program = shutil.which(tool)
        if program and folder.is_dir():
            subprocess.run(
                [program, *(["-f", "-t"] if tool.startswith("gtk") else []), str(folder)],
                check=False,
                capture_output=True,
                timeout=60,
            )


def describe(paths: list[Path]) -> str:
    return "\n".join(f"  {shlex.quote(str(path))}" for path in paths)
