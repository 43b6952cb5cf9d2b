"""Helpers shared by the tests: building a project, reading built pages."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import yaml
from playwright.sync_api import Page, expect

PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = PROJECT / "data" / "schema"
FIXTURES = Path(__file__).parent / "fixtures"

# The address browser tests read the site at: like the published guide, it has
# no port. Material's instant navigation matches a clicked link against the
# sitemap after giving the sitemap's URLs the page's protocol and host but not
# its port, so on an address with a port every click is an ordinary page load
# and instant navigation is never exercised.
PUBLISHED = "http://careers.test"

PATIENCE_MS = 60_000
"""Limit on waits for events (milliseconds), generous enough for a busy 2-core machine."""

SAMPLE_DATA = FIXTURES / "brightwell" / "data"
"""The engine's test data: a frozen copy of the guide's first data set. Tests that
expect particular roles, questions or texts read this, never the shipped data/,
so that HR's edits to data/ cannot turn the suite red."""
SITE_SOURCES = ("mkdocs.yml", "docs", "overrides", "macros")
"""What a build reads besides the data."""


def copy_project(destination: Path, data: Path = SAMPLE_DATA) -> Path:
    """A copy of the project to build or break without touching the original, with HR's files from `data`.

    The data's schemas stay the project's own (data/schema/).
    """
    destination.mkdir(parents=True, exist_ok=True)
    for part in SITE_SOURCES:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    shutil.copytree(data, destination / "data", ignore=shutil.ignore_patterns("schema"))
    shutil.copytree(SCHEMAS, destination / "data" / "schema")
    return destination


def run_build(project: Path, site_dir: Path, *, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """A real, strict `mkdocs build` of `project` into `site_dir`, optionally for another address."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    """`make check`'s command on the data of `project` (a folder holding data/)."""
    return subprocess.run(
        [sys.executable, "-m", "macros.commands.check", "data"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


def sidebar(html: str) -> str:
    """A page's primary sidebar: the site's navigation, without the page's content."""
    start = html.index("md-sidebar--primary")
    return html[start : html.index("md-sidebar--secondary", start)]


def search_for(page: Page, query: str) -> None:
    """Type `query` into Material's search, as a reader does, once its index is ready.

    Material searches on key presses (and once when the index is ready), not on
    the input event, so the query is typed key by key after the index loaded:
    filling the field at once passes only while the index is still loading.
    """
    page.keyboard.press("/")
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    page.locator("input.md-search__input").press_sequentially(query)


AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
"""The current axe-core release, pinned in package-lock.json and installed by `make test`."""


def axe_violations(page: Page) -> list[dict[str, object]]:
    """What axe-core finds wrong on the page as it is now (every rule axe runs by default)."""
    assert AXE.is_file(), f"{AXE} is missing: run `make test`, which installs it with npm"
    if not page.evaluate("() => 'axe' in window"):
        # Run through the browser's developer protocol, which the page's
        # Content-Security-Policy does not govern: a <script> added to the page
        # (add_script_tag) is inline code the policy rightly blocks.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    violations: list[dict[str, object]] = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return violations


def settled(page: Page) -> None:
    """Wait until every running animation and transition on the page has finished.

    Animations that follow scrolling (a map's scroll hint) run as long as the page is open, as do endless ones.
    """
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter(animation => animation.timeline === document.timeline)
            .filter(animation => animation.effect?.getTiming().iterations !== Infinity)
            .map(animation => animation.finished))"""
    )


def built_site(project: Path, site_dir: Path) -> Site:
    """The site of a project copy that must build: the build's errors are the failure message."""
    result = run_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return Site(site_dir)


class _TextExtractor(HTMLParser):
    """Visible text of the page's main content (Material's <article>)."""

    SKIPPED = frozenset({"script", "style", "template"})
    # Tags that separate words; inline tags (a, em, mark, ...) do not.
    BLOCKS = frozenset(
        {
            "p",
            "li",
            "div",
            "br",
            "td",
            "th",
            "tr",
            "ul",
            "ol",
            "dt",
            "dd",
            "figcaption",
            "section",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "label",
            "input",
            "button",
            "textarea",
        }
    )

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if tag in self.SKIPPED:
            self.skipping += 1
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if tag in self.SKIPPED:
            self.skipping -= 1
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipping:
            self.parts.append(data)


def normalise(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Site:
    """A built site on disk."""

    root: Path

    def html(self, url: str) -> str:
        path = self.root / url.strip("/") / "index.html" if not url.endswith(".html") else self.root / url.strip("/")
        return path.read_text(encoding="utf-8")

    def text(self, url: str) -> str:
        """The visible text of a page's content, whitespace normalised."""
        extractor = _TextExtractor()
        extractor.feed(self.html(url))
        return normalise("".join(extractor.parts))


class _EditorYaml(yaml.SafeLoader):
    """YAML as an editor's YAML language server reads it (YAML 1.2): a date such as 2027-03-31 is text."""


_EditorYaml.add_constructor("tag:yaml.org,2002:timestamp", _EditorYaml.construct_yaml_str)


def editor_yaml(text: str) -> object:
    return yaml.load(text, Loader=_EditorYaml)


def editor_errors(content: object, schema_name: str) -> list[str]:
    """What an editor validating `content` against data/schema/`schema_name` would flag (plain jsonschema)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")))) for path in SCHEMAS.glob("*.json")
    )
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    return [error.message for error in Draft202012Validator(schema, registry=registry).iter_errors(content)]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder, also as an HTTP proxy would: `GET http://any.host/path` serves `/path`.

    A browser told to use this server as its proxy then sees the site at an
    address without a port, as readers see the published guide.
    """

    def log_message(self, format: str, *args: object) -> None:
        pass

    def parse_request(self) -> bool:
        parsed = super().parse_request()
        if parsed and self.path.startswith(("http://", "https://")):
            parts = urlsplit(self.path)
            self.path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        return parsed

    def end_headers(self) -> None:
        # LinkChecker throttles every host to a few requests per second unless
        # the server opts in to full speed with this header.
        self.send_header("LinkChecker", "allow")
        super().end_headers()


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[tuple[http.server.ThreadingHTTPServer, str]]:
    """`directory` served over HTTP on the loopback interface; yields the server and its address."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


PATIENCE = 60.0
"""Seconds: limits on waits for events, generous enough for a busy machine."""


def _interruptible() -> None:
    """In a preview's process before MkDocs starts: SIGINT handled as by default, and not blocked."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class Preview:
    """A running `mkdocs serve` on a copy of the project, with its terminal output collected."""

    def __init__(self, project: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.project = project
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            # Ctrl-C must reach it as it reaches a person's preview, whatever the test runner's
            # process does with the signal (a worker that ignores or blocks it passes that on).
            preexec_fn=_interruptible,
        )
        self.output: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    @property
    def terminal(self) -> str:
        return "".join(self.output)

    def page(self, url: str) -> str:
        # A generous limit: a rebuild on a busy machine can hold a request for seconds.
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{url}", timeout=PATIENCE) as response:
            return response.read().decode("utf-8")

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 3 * PATIENCE) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except OSError:
                pass  # not serving yet
            if self.process.poll() is not None:
                pytest.fail(f"the preview stopped while waiting for {what}:\n{self.terminal}")
            time.sleep(0.3)  # how often to look, not how long to wait
        pytest.fail(f"timed out waiting for {what}:\n{self.terminal}")

    def stop(self) -> bool:
        """Ctrl-C, as a person stops it: MkDocs then removes the site it built in the system's
        temporary folder (killed, it would leave it behind). False if it had to be killed."""
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return False
        return True
