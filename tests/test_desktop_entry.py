"""timeline install-desktop: launcher, metainfo, icon and file type in the user's XDG folders."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.desktop_entry import APP_ID, MIME_TYPE, desktop_entry

ROOT = Path(__file__).resolve().parent.parent


def read_entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser["Desktop Entry"]


def test_the_bundled_launcher_names_the_icon_the_type_and_the_command() -> None:
    entry = read_entry((ROOT / "resources" / f"{APP_ID}.desktop").read_text(encoding="utf-8"))
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Exec"] == "timeline %f"
    assert read_entry(desktop_entry('"/opt/my apps/timeline"'))["Exec"] == '"/opt/my apps/timeline" %f'


def test_the_metainfo_is_valid_appstream() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed")
    metainfo = ROOT / "resources" / f"{APP_ID}.metainfo.xml"
    result = subprocess.run([tool, "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_install_desktop_writes_into_xdg_data_home_and_uninstall_takes_it_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    assert main(["install-desktop"]) == 0
    assert "desktop's menu" in capsys.readouterr().out
    entry = read_entry((data_home / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8"))
    command = entry["Exec"].removesuffix(" %f").strip('"')
    assert Path(command.split(" -m ")[0]).is_absolute()
    assert (data_home / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    icon = data_home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg"
    assert icon.read_bytes() == (ROOT / "resources" / "timeline.svg").read_bytes()
    mime = (data_home / "mime/packages" / f"{APP_ID}.xml").read_text(encoding="utf-8")
    assert 'pattern="*.timeline.db"' in mime and "0x546C696E" in mime
    if shutil.which("update-mime-database"):
        globs = (data_home / "mime" / "globs2").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}:*.timeline.db" in globs
    assert main(["install-desktop", "--uninstall"]) == 0
    assert not (data_home / "applications" / f"{APP_ID}.desktop").exists()
    assert not icon.exists()
    assert "Removed" in capsys.readouterr().out


def test_an_unwritable_data_folder_is_named_and_nothing_is_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        blocked = tmp_path / "share"
        blocked.write_text("a file where a folder should be")
    else:
        blocked = tmp_path / "share"
        blocked.mkdir()
        blocked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    assert main(["install-desktop"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("timeline: ") and str(blocked) in error and "cannot write" in error
