"""A large CSV file read in parts by worker processes, in order, while the caller uses each part.

Reading a row costs CPython several microseconds; a million of them are the larger half of an
import. Worker processes read the parts side by side, and a caller that writes each part as it
comes (``timeline import``) overlaps reading with writing. Parts end at line ends outside quoted
cells (an even number of ``"`` before the cut), so each part is whole rows; line numbers in
problems and errors count from the start of the file.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from timeline.io.columns import ColumnMapping
from timeline.io.csv_format import CsvLayout, csv_layout, read_csv, read_csv_rows, refuse_long_lines
from timeline.io.processes import is_running
from timeline.io.report import FormatError, ImportReport

PART_BYTES = 1_000_000
"""About 20,000 rows of a typical file: writing starts soon and the last part is quickly read
(measured at a million rows: 102,000 rows/s with 1 MB parts, 93,000 with 4 MB)."""
WORKERS = max(1, min(4, os.cpu_count() or 1))
PARALLEL_FROM = 16_000_000
"""Smaller files are read at once, in this process: starting workers would cost more."""


class CsvParts:
    """A CSV file as parts to read; iterate to get each part's :class:`ImportReport` in order."""

    def __init__(self, path: Path, mapping: ColumnMapping | None = None) -> None:
        self.path = path
        self.mapping = mapping
        self.expected_rows = 0
        """Lines after the header of a file read in parts; 0 for a file read at once."""
        self._cuts: list[tuple[int, int, int]] = []
        self._layout: CsvLayout | None = None
        if path.stat().st_size >= PARALLEL_FROM:
            refuse_long_lines(path)
            self._plan(path.read_bytes())

    def _plan(self, data: bytes) -> None:
        """Where each part starts and ends, and how many lines come before it."""
        if b"\x00" in data[:4096]:
            raise FormatError(f"{self.path}: a binary file, not text")
        first_end = data.find(b"\n") + 1
        if first_end == 0:
            return  # one line: read whole, the usual way
        try:
            header = data[:first_end].decode("utf-8-sig")
        except UnicodeDecodeError:
            return  # the usual reading names the byte and the line
        sample = data[first_end : first_end + 65_536].decode("utf-8", "replace")
        self._layout = csv_layout(self.path, header.rstrip("\n"), self.mapping, sample)
        start, lines_before = first_end, 1
        while start < len(data):
            end = _line_end(data, min(len(data), start + PART_BYTES))
            while data.count(b'"', start, end) % 2 and end < len(data):
                end = _line_end(data, end)  # the cut fell inside a quoted cell: move on
            self._cuts.append((start, end, lines_before))
            lines_before += data.count(b"\n", start, end)
            start = end
        self.expected_rows = lines_before - 1

    def __iter__(self) -> Iterator[ImportReport]:
        if self._layout is None:
            report = read_csv(self.path, self.mapping)
            yield report
            return
        layout, done = self._layout, 0
        try:
            if not _main_can_be_imported():
                raise BrokenProcessPool("a worker could not import the main program")
            with ProcessPoolExecutor(WORKERS, _context(), _start_worker, (os.getpid(),)) as pool:
                futures: list[Future[ImportReport]] = [
                    pool.submit(read_part, self.path, start, end, lines_before, layout)
                    for start, end, lines_before in self._cuts
                ]
                try:
                    for future in futures:
                        yield future.result()
                        done += 1
                finally:
                    for future in futures:
                        future.cancel()
        except (BrokenProcessPool, OSError):
            pass  # workers could not start here (no process limit left, a main module that
            # cannot be imported again): what is left is read in this process instead
        for start, end, lines_before in self._cuts[done:]:
            yield read_part(self.path, start, end, lines_before, layout)


def read_part(path: Path, start: int, end: int, lines_before: int, layout: CsvLayout) -> ImportReport:
    """One part of a file (run in a worker process)."""
    import gc

    gc.disable()  # rows hold no cycles; see formats.cycle_collection_paused
    with path.open("rb") as file:
        file.seek(start)
        data = file.read(end - start)
    try:
        body = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = lines_before + data[: error.start].count(b"\n") + 1
        raise FormatError(
            f"{path}: not UTF-8 text (byte {start + error.start}, line {line});"
            " save it as UTF-8 and try again"
        ) from None
    report = read_csv_rows(path, body, layout, lines_before)
    report.name_categories()
    return report


def _context() -> multiprocessing.context.BaseContext:
    """A fresh process for each worker, never a fork of this one (which may hold threads)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _start_worker(parent: int) -> None:
    """Set up a worker: it yields to the writer and dies with the process that started it."""
    _die_with(parent)
    _yield_to_the_writer()


def _die_with(parent: int) -> None:
    """End this worker as soon as ``parent`` is gone, however it went (even ``kill -9``).

    Each worker holds the fork server open (and the pipes of its queues), so neither closes
    when the importing process dies: a watchdog thread checks twice a second that the
    importing process still runs (a killed process not yet reaped counts as gone) and that
    the worker's parent is still the one it had. On Linux, a worker whose parent process
    ends is also killed by the kernel (``PR_SET_PDEATHSIG``).
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.name == "posix":  # os.kill(pid, 0) asks on POSIX; on Windows it would terminate
        watched = (parent, os.getppid())
        threading.Thread(target=_watch, args=watched, name="parent watchdog", daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _watch(parent: int, server: int) -> None:
    """Exit once the importing process is gone or the fork server was (this worker reparented)."""
    while is_running(parent) and os.getppid() == server:
        time.sleep(0.5)
    os._exit(1)


def _yield_to_the_writer() -> None:
    """Workers run ahead of the process writing what they read; when both want the processor,
    the writer goes first (measured at a million rows: 107,000 rows/s against 101,000)."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(5)


def _main_can_be_imported() -> bool:
    """A new worker process imports the main program again; one typed at a prompt or piped in
    has no file to import."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or Path(path).exists()


def _line_end(data: bytes, position: int) -> int:
    found = data.find(b"\n", position)
    return len(data) if found < 0 else found + 1
