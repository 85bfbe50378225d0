"""Open a page in headless Chromium over the DevTools protocol: console errors, requests, a screenshot.

Debian's ``chromium`` (scripts/setup.sh) driven with websocket-client: no
browser download, no Node. ``open_page`` loads a file, waits until the page's
plots stop changing, and returns what a test needs to judge it.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
    "--remote-debugging-port=0", "--remote-allow-origins=*",
]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageReport:
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    screenshot: bytes = b""


class _Cdp:
    def __init__(self, ws_url: str) -> None:
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, method: str, timeout: float) -> None:
        end = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            if time.monotonic() > end:
                raise TimeoutError(method)
            self.ws.settimeout(max(0.1, end - time.monotonic()))
            self.events.append(json.loads(self.ws.recv()))

    def evaluate(self, expression: str):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")


def _devtools_port(profile: Path, proc: subprocess.Popen, timeout: float) -> int:
    marker = profile / "DevToolsActivePort"
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if marker.exists() and marker.read_text().strip():
            return int(marker.read_text().split()[0])
        if proc.poll() is not None:
            raise RuntimeError(f"chromium exited with {proc.returncode}: {proc.stderr.read()[-2000:]!r}")
        time.sleep(0.1)
    raise TimeoutError("chromium did not open its DevTools port")


COUNTS_JS = """({
  plots: document.querySelectorAll('.js-plotly-plot').length,
  drawn: [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelector('svg.main-svg')).length,
  svg: document.querySelectorAll('svg').length,
  canvas: document.querySelectorAll('canvas').length,
  marks: document.querySelectorAll('.js-plotly-plot .point, .js-plotly-plot .bars path, .js-plotly-plot .boxlayer path, .js-plotly-plot .scatterlayer path').length,
  tables: document.querySelectorAll('table').length,
  rows: document.querySelectorAll('tr').length,
  height: document.documentElement.scrollHeight,
  text: document.body.innerText
})"""


def _stop_session(proc: subprocess.Popen) -> None:
    """Stop Chromium and every process it started (its own session)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            continue
        time.sleep(0.2)  # helpers leave after the main process


def open_page(page: Path, width: int = 1280, timeout: float = 90.0) -> PageReport:
    """Load ``page`` (a local file) and report console errors, requests, element counts, a full-page PNG."""
    exe = chromium()
    if exe is None:
        raise FileNotFoundError("chromium is not installed (scripts/setup.sh installs it)")
    # Chromium's helper processes (renderer, crash handler) outlive the main
    # one and still write to the profile: the whole session is stopped, and a
    # file they write after that does not fail the test.
    with tempfile.TemporaryDirectory(prefix="ita-chromium-", ignore_cleanup_errors=True) as tmp:
        profile = Path(tmp)
        proc = subprocess.Popen([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            port = _devtools_port(profile, proc, timeout)
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
            ws = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
            cdp = _Cdp(ws)
            for domain in ("Runtime", "Log", "Network", "Page"):
                cdp.call(f"{domain}.enable")
            cdp.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False)
            cdp.call("Page.navigate", url=page.resolve().as_uri())
            cdp.wait_for("Page.loadEventFired", timeout)
            counts, stable, end = None, 0, time.monotonic() + timeout
            while stable < 3 and time.monotonic() < end:  # plots draw after load: wait until nothing changes
                time.sleep(0.3)
                now = cdp.evaluate(COUNTS_JS)
                stable = stable + 1 if now == counts else 0
                counts = now
            cdp.call("Emulation.setDeviceMetricsOverride", width=width, height=min(counts["height"], 16000),
                     deviceScaleFactor=1, mobile=False)
            time.sleep(0.5)
            import base64

            shot = base64.b64decode(cdp.call("Page.captureScreenshot", format="png")["data"])
            report = PageReport(counts=counts, screenshot=shot)
            for e in cdp.events:
                m, p = e.get("method"), e.get("params", {})
                if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                    report.console_errors.append(" ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
                elif m == "Runtime.exceptionThrown":
                    report.console_errors.append(json.dumps(p["exceptionDetails"])[:500])
                elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                    report.console_errors.append(p["entry"]["text"])
                elif m == "Network.requestWillBeSent":
                    report.requests.append(p["request"]["url"])
            cdp.ws.close()
            return report
        finally:
            _stop_session(proc)
