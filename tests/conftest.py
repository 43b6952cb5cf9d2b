"""Session fixtures: one real build of the guide, and a browser to look at it."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

import pytest

from macros.loading import load_guide
from macros.model import Guide
from helpers import PROJECT, Site, run_build

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def guide() -> Guide:
    """The project's own data, loaded as the build loads it."""
    return load_guide(PROJECT / "data")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def _site_and_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    """The project's site, built once per session into a temporary folder, and served on loopback.

    The server is bound first so that the site is built for its exact address:
    Material's instant navigation only follows links that match the sitemap.
    """
    site_dir = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    result = run_build(PROJECT, site_dir, site_url=url + "/")
    assert result.returncode == 0, f"the site does not build:\n{result.stderr}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(site_dir), url
    server.shutdown()


@pytest.fixture(scope="session")
def site(_site_and_server: tuple[Site, str]) -> Site:
    return _site_and_server[0]


@pytest.fixture(scope="session")
def site_url(_site_and_server: tuple[Site, str]) -> str:
    """The address the built site is served at."""
    return _site_and_server[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, driven by Playwright. Never skipped: `make test` installs it."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make test`, which installs it"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser page (own context: no shared storage between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()
