"""One app per user: a second ``timeline FILE`` hands the file to the app already running.

The first instance listens on a local socket (``QLocalServer``) named after the user and the
data folder; a later start connects, sends the file's absolute path as one line of JSON and
waits for the answer that it was taken, then exits. The running app opens the file in a window
of its own, or raises the window that has it. This is only about our own windows: another
program that opens the file for writing still meets the file's lock and is told it is in use.

Messages (one JSON object a line): ``{"open": "/abs/path"}`` → ``{"ok": true}``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from timeline.workspace import data_dir

CONNECT_TIMEOUT_MS = 1000
ANSWER_TIMEOUT_MS = 10_000
"""The running app answers once the file is open; opening a large file can take a few seconds."""


def server_name() -> str:
    """The socket's name: one per user and data folder, so that test runs and portable installs
    with a folder of their own never meet the user's everyday app."""
    folder = str(data_dir().resolve()).encode("utf-8")
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return f"timeline-{user}-{hashlib.sha256(folder).hexdigest()[:12]}"


def hand_over(path: Path, name: str | None = None) -> bool:
    """Give the file to a running app; False when none answers (then this process is the app)."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    try:
        socket.write(json.dumps({"open": str(path.absolute())}).encode("utf-8") + b"\n")
        if not socket.waitForBytesWritten(CONNECT_TIMEOUT_MS):
            return False
        answer = b""
        while not answer.endswith(b"\n"):
            if not socket.waitForReadyRead(ANSWER_TIMEOUT_MS):
                return False
            answer += bytes(socket.readAll().data())
        with contextlib.suppress(ValueError):
            return bool(json.loads(answer).get("ok"))
        return False
    finally:
        socket.disconnectFromServer()


class InstanceServer(QObject):
    """Listens for later starts of the app and asks for the files they bring to be opened.

    Signals:
        open_requested(Path): a later start asked for this file; the handler opens or raises it.
    """

    open_requested = Signal(Path)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        """Start listening; a socket left behind by an app that crashed is cleared first.

        Returns False when another app is listening already (it started at the same moment).
        """
        if self.server.listen(self.name):
            return True
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(200):
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._forget)

    def _forget(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._buffers.pop(socket, None)
            socket.deleteLater()

    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket) or socket not in self._buffers:
            return
        buffer = self._buffers[socket]
        buffer.extend(bytes(socket.readAll().data()))
        if b"\n" not in buffer:
            if len(buffer) > 65_536:
                socket.abort()
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        buffer.clear()
        # answer first, then open: a message box about the file must not keep the other start waiting
        answer = self._handle(line, lambda path: QTimer.singleShot(0, lambda: self.open_requested.emit(path)))
        socket.write(json.dumps(answer).encode("utf-8") + b"\n")
        socket.flush()

    @staticmethod
    def _handle(line: bytes, open_file: Callable[[Path], None]) -> dict[str, object]:
        try:
            message = json.loads(line)
            path = Path(message["open"])
        except (ValueError, KeyError, TypeError):
            return {"ok": False, "error": "not a request this app understands"}
        open_file(path)
        return {"ok": True}
