"""The temporary file an export is written to before it is renamed over its target.

A failed export removes its temporary file, but a killed one cannot: its ``.NAME.PID.….part…``
stays beside the target. The name carries the writer's process id, so the next export to the
same place removes every such file whose writer is no longer running (and never one that is:
two exports may run at once). The leading dot keeps them out of the way meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from timeline.io.processes import is_running

_MARK = ".part"


def temporary_beside(path: Path, suffix: str = "") -> Path:
    """A new, empty file beside ``path`` for writing it; stale ones of killed writers go first.

    The name ends in ``suffix`` (``.png``), for writers that pick the format from it.
    """
    remove_stale(path)
    handle, name = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=f"{_MARK}{suffix}", dir=path.parent
    )
    os.close(handle)
    return Path(name)


def remove_stale(path: Path) -> list[Path]:
    """Remove the temporary files left beside ``path`` by writers that were killed; returns them."""
    removed = []
    prefix = f".{path.name}."
    with contextlib.suppress(OSError):
        for candidate in path.parent.iterdir():
            name = candidate.name
            if not (name.startswith(prefix) and _MARK in name[len(prefix) :]):
                continue
            pid = name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and not is_running(int(pid)):
                with contextlib.suppress(OSError):
                    candidate.unlink()
                    removed.append(candidate)
    return removed
