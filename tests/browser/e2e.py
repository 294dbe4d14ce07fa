#!/usr/bin/env python3
"""End-to-end test of `dossier serve` in a real headless Chromium.

Usage: tests/browser/e2e.py DOSSIER_BINARY [--screenshot docs/screenshot.png]

Builds nothing: it ingests the bundled corpus plus `injection.md` (a report
quoting markup) into a temporary index with the given binary, starts
`dossier serve --port 0` on it and chromedriver, and drives the page over
the W3C WebDriver protocol with the standard library only (urllib + json).
Each check prints one line; the first failure stops the run with exit 1.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
WAIT_S = 10


class Failure(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    """A WebDriver session: the few commands the checks need."""

    def __init__(self, port, width, height):
        self.base = f"http://127.0.0.1:{port}"
        caps = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": CHROMIUM,
                        "args": [
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            f"--window-size={width},{height}",
                        ],
                    },
                }
            }
        }
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        url = self.base + path
        data = json.dumps(body if body is not None else {}).encode() if method == "POST" else None
        req = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.loads(r.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            value = json.loads(e.read() or b"{}").get("value", {})
            raise WebDriverError(value.get("error", str(e.code)), value.get("message", ""))

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def get(self, url):
        self.s("POST", "/url", {"url": url})

    def url(self):
        return self.s("GET", "/url")

    def find_all(self, css):
        return [e[ELEMENT] for e in self.s("POST", "/elements", {"using": "css selector", "value": css})]

    def js(self, script, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def click(self, element):
        self.s("POST", f"/element/{element}/click")

    def type(self, element, text):
        self.s("POST", f"/element/{element}/value", {"text": text})

    def text(self, element):
        return self.s("GET", f"/element/{element}/text")

    def keys(self, *keys):
        actions = []
        for k in keys:
            actions += [{"type": "keyDown", "value": k}, {"type": "keyUp", "value": k}]
        self.s("POST", "/actions", {"actions": [{"type": "key", "id": "kb", "actions": actions}]})

    def back(self):
        self.s("POST", "/back")

    def alert_text(self):
        try:
            return self.s("GET", "/alert/text")
        except WebDriverError as e:
            if e.error == "no such alert":
                return None
            raise

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.s("GET", "/screenshot")))

    def wait(self, what, probe):
        """Polls `probe` until it returns something true; returns that."""
        end = time.time() + WAIT_S
        while time.time() < end:
            try:
                got = probe()
            except WebDriverError:
                got = None
            if got:
                return got
            time.sleep(0.05)
        raise Failure(f"timed out waiting for {what}")

    def click_css(self, css, what=None):
        """Clicks the first match of `css`, finding it again if a render
        replaced it between the find and the click."""
        def attempt():
            found = self.find_all(css)
            if found:
                self.click(found[0])
                return found[0]
            return None
        return self.wait(what or css, attempt)

    def wait_css(self, css, what=None):
        return self.wait(what or css, lambda: self.find_all(css))

    def quit(self):
        try:
            self.s("DELETE", "")
        except Exception:  # the browser may already be gone
            pass


class WebDriverError(Exception):
    def __init__(self, error, message):
        super().__init__(f"{error}: {message[:300]}")
        self.error = error


def check(name, ok, detail=""):
    if not ok:
        raise Failure(f"{name}: {detail}")
    print(f"ok  {name}")


def hit_ids(d):
    return d.js("return Array.from(document.querySelectorAll('#results .hit')).map(h => h.dataset.id)")


def start_server(binary, index):
    server = subprocess.Popen([binary, "--index", index, "serve", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        server.kill()
        raise Failure(f"serve printed no URL: {url!r} {server.stderr.read()}")
    return server, url


def run_checks(d, url, screenshot):
    # Type a query: hits appear, the URL holds it.
    d.get(url)
    search = d.wait_css("#q")[0]
    d.wait("the page to list passages", lambda: hit_ids(d))
    browsing = hit_ids(d)
    d.type(search, "returnees")
    d.wait("the query in the URL", lambda: "q=returnees" in d.url())
    d.wait("hits for a typed query", lambda: len(hit_ids(d)) >= 3 and hit_ids(d) != browsing)
    check("typing a query shows its hits (debounced, URL updated)", True)
    marks = d.js("return document.querySelectorAll('#results .hit mark').length")
    check("matched words are marked", marks > 0, marks)
    before = hit_ids(d)
    total_before = d.text(d.find_all("#status")[0])

    # Click a facet: a chip, fewer hits, the URL changed.
    d.click_css("#facets button[data-facet='country'][data-value='TR']", "the Türkiye facet")
    d.wait_css(".chip[data-filter='country'][data-value='TR']", "the country chip")
    d.wait("the filtered page", lambda: d.text(d.find_all("#status")[0]) != total_before)
    check("a facet adds a chip and a filter to the URL", "country=TR" in d.url(), d.url())
    n_before = int(total_before.split(" of ")[1].split()[0])
    n_after = int(d.text(d.find_all("#status")[0]).split(" of ")[1].split()[0])
    check("a facet narrows the hits", n_after < n_before, f"{n_before} → {n_after}")

    # Back restores the previous state.
    d.back()
    d.wait("the chip to go", lambda: not d.find_all(".chip"))
    d.wait("the unfiltered hits", lambda: hit_ids(d) == before)
    check("back restores the previous search", "country" not in d.url(), d.url())
    # Typing the query letter by letter made one history step, not one per letter.
    d.back()
    d.wait("the page before the query", lambda: "q=" not in d.url() and hit_ids(d) != before)
    d.s("POST", "/forward")
    d.wait("the query again", lambda: "q=returnees" in d.url() and hit_ids(d) == before)
    check("a typed query is one step of history", True)
    d.js("document.activeElement.blur(); window.scrollTo(0, 0)")
    # The pointer off the sidebar, so that no facet shows as hovered.
    d.s("POST", "/actions", {"actions": [{"type": "pointer", "id": "mouse", "actions": [
        {"type": "pointerMove", "x": 700, "y": 2, "origin": "viewport"}]}]})
    d.screenshot(screenshot)
    print(f"ok  screenshot saved to {os.path.relpath(screenshot, ROOT)}")

    # A footnote pop-over: its text and cited sources.
    d.click_css("#results .fn", "a footnote number")
    d.wait("the pop-over", lambda: d.js("return !document.getElementById('popover').hidden"))
    d.wait("the footnote text", lambda: d.find_all("#popover .fn-text"))
    fid = d.js("return document.getElementById('popover').dataset.for")
    api = json.load(urllib.request.urlopen(f"{url}api/show?id={urllib.parse.quote(fid)}&context=0"))
    pop = d.text(d.find_all("#popover")[0])
    check("a footnote opens with its text", api["text"][:40] in pop, pop[:200])
    if api.get("sources"):
        check("the pop-over names the cited sources", api["sources"][0] in pop, pop[:200])
    d.keys("\ue00c")  # Escape
    d.wait("the pop-over to close", lambda: d.js("return document.getElementById('popover').hidden"))
    check("Esc closes the pop-over", True)

    # Open a passage: its neighbours; cite it.
    d.click_css("#results .hit", "the first hit")
    d.wait_css("#passage:not([hidden]) .focus-passage", "the passage view")
    check("a passage opens with neighbours", len(d.find_all("#passage .neighbour")) > 0)
    check("the URL names the open passage", "passage=" in d.url(), d.url())
    d.click_css("#cite-button")
    cited = d.wait("the citation", lambda: d.js("return document.getElementById('cite-text').value"))
    title = d.js("return document.getElementById('passage-title').textContent")
    check("cite gives the formatted citation", title.split(" · ")[0] in cited, cited[:200])
    status = d.text(d.find_all("#cite-status")[0])
    check("cite says it copied or how to copy", "opied" in status or "copy" in status, status)
    d.keys("\ue00c")
    d.wait("the passage to close", lambda: d.js("return document.getElementById('passage').hidden"))
    check("Esc closes the passage", "passage=" not in d.url(), d.url())

    # Keyboard: / focuses the search box, arrows move through hits, Enter opens.
    d.js("document.activeElement.blur()")
    d.keys("/")
    check("/ focuses the search box", d.js("return document.activeElement.id") == "q")
    d.keys("\ue015", "\ue015")  # ArrowDown twice
    focused = d.js("return document.activeElement.dataset.id")
    check("arrow keys move through the hits", focused == hit_ids(d)[1], focused)
    d.keys("\ue007")  # Enter
    d.wait("the passage from Enter", lambda: f"passage={urllib.parse.quote(focused, safe='')}" in d.url()
           or f"passage={focused}" in d.url())
    check("Enter opens the focused hit", True)

    # Timeline view of the query.
    d.get(url + "?q=prison&view=timeline")
    d.wait_css("#timeline .entry", "timeline entries")
    check("the timeline lists dated entries", len(d.find_all("#timeline .entry")) > 1)

    # A shared URL renders its search.
    d.get(url + "?q=returnees&country=TR")
    d.wait("hits of a shared URL", lambda: hit_ids(d))
    check("a shared URL opens its search", d.js("return document.getElementById('q').value") == "returnees"
          and d.find_all(".chip[data-value='TR']"))

    # A report quoting markup shows it as text; nothing runs.
    d.get(url + "?q=forum+verbatim")
    d.wait("the injection report", lambda: "injection/p1" in hit_ids(d))
    shown = d.text(d.find_all("#results .hit[data-id='injection/p1']")[0])
    check("<script> is shown as text", "<script>" in shown and "onerror" in shown, shown[:200])
    check("no script or image element came from the report",
          d.js("return document.querySelectorAll('#results script, #results img').length") == 0)
    check("no alert opened", d.alert_text() is None)
    check("no handler ran", d.js("return window.__injected === undefined"))

    # Phone width: the page still lays out in one column.
    d.s("POST", "/window/rect", {"width": 390, "height": 844})
    d.get(url + "?q=returnees")
    d.wait("hits at phone width", lambda: hit_ids(d))
    overflow = d.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    check("no sideways scrolling at phone width", overflow <= 0, overflow)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--screenshot", default=os.path.join(ROOT, "docs", "screenshot.png"))
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="dossier-e2e-")
    server = driver = chromedriver = None
    try:
        index = os.path.join(work, "index")
        subprocess.run([binary, "--index", index, "ingest", os.path.join(ROOT, "corpus"),
                        os.path.join(HERE, "injection.md")], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        server, url = start_server(binary, index)
        port = free_port()
        chromedriver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        end = time.time() + WAIT_S
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=1)
                break
            except OSError:
                if time.time() > end:
                    raise Failure("chromedriver did not start")
                time.sleep(0.1)
        driver = Driver(port, 1280, 860)
        run_checks(driver, url, args.screenshot)
        print("e2e: every check passed")
        return 0
    except Failure as e:
        print(f"FAIL {e}", file=sys.stderr)
        return 1
    except WebDriverError:
        traceback.print_exc()
        return 1
    finally:
        if driver:
            driver.quit()
        for p in (chromedriver, server):
            if p:
                p.terminate()
                p.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
