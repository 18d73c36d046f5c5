"""Whether a process still runs, for the files and workers that must not outlive it."""

from __future__ import annotations

import os
from pathlib import Path


def is_running(pid: int) -> bool:
    """True while ``pid`` runs; a process killed but not yet reaped (a zombie) has ended.

    Where this cannot be asked without harm (Windows, where ``os.kill(pid, 0)`` would end the
    process), every process counts as running.
    """
    if pid == os.getpid():
        return True
    if os.name != "posix":  # pragma: no cover - Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass  # it exists, under another user
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc here: existing is all that can be known
    return stat.rpartition(")")[2].split()[:1] not in (["Z"], ["X"])
