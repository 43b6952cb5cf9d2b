"""Session fixtures: one real build of the guide, and a browser to look at it."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from macros.loading import load_guide
from macros.model import Guide
from helpers import PROJECT, Site, run_build, serving

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


@pytest.fixture(scope="session")
def _site_and_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    """The project's site, built once per session into a temporary folder, and served on loopback.

    The server is started first so that the site is built for its exact address:
    Material's instant navigation only follows links that match the sitemap.
    """
    site_dir = tmp_path_factory.mktemp("site")
    with serving(site_dir) as (_, url):
        result = run_build(PROJECT, site_dir, site_url=url + "/")
        assert result.returncode == 0, f"the site does not build:\n{result.stderr}"
        yield Site(site_dir), url


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
