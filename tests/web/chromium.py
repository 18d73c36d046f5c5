"""A headless Chromium driven over the DevTools protocol on a pipe: no driver, no port, no download.

Chromium started with ``--remote-debugging-pipe`` reads commands from its file descriptor 3 and
writes answers and events to 4, each a JSON message ended by a NUL byte. That is all the tests
and the benchmark need: open a page, run script in it, send input, list its network requests,
take a screenshot.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def chromium_path() -> str | None:
    """The browser itself: Debian's ``chromium`` is a shell script that starts this binary."""
    if Path("/usr/lib/chromium/chromium").is_file():
        return "/usr/lib/chromium/chromium"
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _high(fd: int) -> int:
    import fcntl

    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class BrowserError(RuntimeError):
    pass


class Chromium:
    """One browser process; :meth:`page` opens tabs in it."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.mkdtemp(prefix="timeline-chromium-")
        # Numbered above 4, so that putting them at 3 and 4 in the child overwrites neither.
        to_browser_read, self._to_browser = (_high(fd) for fd in os.pipe())
        self._from_browser, from_browser_write = (_high(fd) for fd in os.pipe())

        def as_fds_3_and_4() -> None:
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        stderr = open(os.path.join(self._profile, "stderr.log"), "wb")  # noqa: SIM115
        self._process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--remote-debugging-pipe",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-features=Translate,MediaRouter,OptimizationHints",
                "--hide-scrollbars",
                "--mute-audio",
                f"--user-data-dir={self._profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            preexec_fn=as_fds_3_and_4,
            close_fds=False,
        )
        stderr.close()
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        with suppress(BrowserError, OSError):
            self.send("Browser.close", timeout=5)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            with suppress(OSError):
                os.close(fd)
        shutil.rmtree(self._profile, ignore_errors=True)

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
             timeout: float = 30) -> dict[str, Any]:  # fmt: skip
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event["method"] == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return event
            reply = self._read(deadline)
            if "method" in reply:
                self.events.append(reply)

    def _read(self, deadline: float) -> dict[str, Any]:
        import select

        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("the browser did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise BrowserError("the browser closed its pipe")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        result: dict[str, Any] = json.loads(message)
        return result

    @contextmanager
    def page(
        self, width: int = 1280, height: int = 800, dark: bool = False, mobile: bool = False
    ) -> Iterator[Page]:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        try:
            page.send("Page.enable")
            page.send("Network.enable")
            page.send("Runtime.enable")
            page.send("Log.enable")
            page.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
            )
            if mobile:
                page.send("Emulation.setTouchEmulationEnabled", {"enabled": True})
            page.send(
                "Emulation.setEmulatedMedia",
                {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]},
            )
            yield page
        finally:
            self.send("Target.closeTarget", {"targetId": target})


class Page:
    """One tab: navigation, script, input, requests and pictures."""

    def __init__(self, browser: Chromium, session: str) -> None:
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, self.session)

    def open(self, path: Path) -> None:
        self.send("Page.navigate", {"url": path.resolve().as_uri()})
        self.browser.wait_for("Page.loadEventFired", self.session)

    def evaluate(self, expression: str) -> Any:
        """The value of a script expression (awaited when it is a promise); page errors raise."""
        result = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(details.get("exception", {}).get("description") or details.get("text"))
        return result["result"].get("value")

    def settle(self) -> None:
        """Wait until the page has painted and no flight is under way."""
        self.evaluate(
            "new Promise(done => { const check = () => timelineViewer.snapshot().flying"
            " ? requestAnimationFrame(check) : requestAnimationFrame(() => done(true)); check(); })"
        )

    def requests(self) -> list[str]:
        """Every address the page asked for since it was opened (events seen so far)."""
        self.evaluate("1")
        return [
            event["params"]["request"]["url"]
            for event in self.browser.events
            if event.get("sessionId") == self.session and event["method"] == "Network.requestWillBeSent"
        ]

    def console_errors(self) -> list[str]:
        self.evaluate("1")
        errors = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            if event["method"] == "Runtime.exceptionThrown":
                errors.append(str(event["params"]["exceptionDetails"]))
            elif event["method"] == "Runtime.consoleAPICalled" and event["params"]["type"] == "error":
                errors.append(str(event["params"]["args"]))
            elif event["method"] == "Log.entryAdded" and event["params"]["entry"]["level"] == "error":
                errors.append(event["params"]["entry"]["text"])
        return errors

    def key(self, key: str, code: str = "", text: str = "") -> None:
        for kind in ("keyDown", "keyUp"):
            params: dict[str, Any] = {"type": kind, "key": key, "code": code or key}
            if text and kind == "keyDown":
                params["text"] = text
            self.send("Input.dispatchKeyEvent", params)

    def type(self, text: str) -> None:
        self.send("Input.insertText", {"text": text})

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}
            )

    def wheel(self, x: float, y: float, delta_y: float, delta_x: float = 0) -> None:
        self.send(
            "Input.dispatchMouseEvent",
            {"type": "mouseWheel", "x": x, "y": y, "deltaX": delta_x, "deltaY": delta_y},
        )

    def drag(self, x0: float, y: float, x1: float, steps: int = 8) -> None:
        self.send(
            "Input.dispatchMouseEvent",
            {"type": "mousePressed", "x": x0, "y": y, "button": "left", "clickCount": 1},
        )
        for step in range(1, steps + 1):
            x = x0 + (x1 - x0) * step / steps
            self.send(
                "Input.dispatchMouseEvent",
                {"type": "mouseMoved", "x": x, "y": y, "button": "left", "buttons": 1},
            )
        self.send(
            "Input.dispatchMouseEvent",
            {"type": "mouseReleased", "x": x1, "y": y, "button": "left", "clickCount": 1},
        )

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))

    def pixel(self, x: float, y: float) -> tuple[int, int, int]:
        """The colour the canvas drew at a point (canvas pixels, one per CSS pixel here)."""
        values = self.evaluate(
            f"Array.from(document.getElementById('canvas').getContext('2d')"
            f".getImageData({round(x)}, {round(y)}, 1, 1).data.slice(0, 3))"
        )
        return (values[0], values[1], values[2])
