"""Session fixtures: one real build of the guide, and a browser to look at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import PATIENCE_MS, PUBLISHED, SAMPLE_DATA, Site, copy_project, run_build, serving
from playwright.sync_api import Browser, Page, expect

from macros.loading import load_guide
from macros.model.guide import Guide

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    # The published guide is served over HTTPS, a secure context (the clipboard
    # needs one); its stand-in here is plain HTTP, so it is declared secure.
    f"--unsafely-treat-insecure-origin-as-secure={PUBLISHED}",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def guide() -> Guide:
    """The engine's test data (helpers.SAMPLE_DATA), loaded as the build loads it."""
    return load_guide(SAMPLE_DATA)


expect.set_options(timeout=PATIENCE_MS)


@pytest.fixture(scope="session")
def _site_and_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    """The guide built from the engine's test data, once per session into a temporary folder for PUBLISHED, and served on loopback."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(project, site_dir, site_url=PUBLISHED + "/")
    assert result.returncode == 0, f"the site does not build:\n{result.stderr}"
    with serving(site_dir) as (_, url):
        yield Site(site_dir), url


@pytest.fixture(scope="session")
def site(_site_and_server: tuple[Site, str]) -> Site:
    return _site_and_server[0]


@pytest.fixture(scope="session")
def site_url() -> str:
    """The address browsers read the built site at (through the loopback server, acting as their proxy)."""
    return PUBLISHED


@pytest.fixture(scope="session")
def loopback_url(_site_and_server: tuple[Site, str]) -> str:
    """The loopback address the built site is served at, for clients other than the browser."""
    return _site_and_server[1]


@pytest.fixture(scope="session")
def browser(loopback_url: str) -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright. Never skipped: `make test` installs it.

    The session's server is its proxy, so PUBLISHED reaches the built site;
    loopback addresses are never proxied, so tests that serve other folders
    reach them directly.
    """
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make test`, which installs it"
    with sync_playwright() as playwright:
        # Playwright sends loopback addresses through the proxy too, unless told otherwise.
        proxy = {"server": loopback_url, "bypass": "127.0.0.1,localhost"}
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, proxy=proxy)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser page (own context: no shared storage between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(PATIENCE_MS)
    yield context.new_page()
    context.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current templates")


TIERS = ("unit", "build", "browser")
"""Every test belongs to exactly one tier; `make test-fast` runs the first."""
NEEDS = {"browser": {"browser", "page"}, "build": {"site", "loopback_url", "site_url"}}
"""The fixtures that put a test in a tier at least as slow as the one named."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a test without exactly one tier, or one marked faster than what it uses."""
    wrong = []
    for item in items:
        tiers = [tier for tier in TIERS if item.get_closest_marker(tier)]
        used = set(getattr(item, "fixturenames", ()))
        needed = next((tier for tier in ("browser", "build") if used & NEEDS[tier]), "unit")
        if len(tiers) != 1:
            wrong.append(f"{item.nodeid}: marked {' and '.join(tiers) or 'with no tier'}")
        elif TIERS.index(tiers[0]) < TIERS.index(needed):
            wrong.append(f"{item.nodeid}: marked {tiers[0]} but uses {needed} fixtures")
    if wrong:
        raise pytest.UsageError("every test needs exactly one tier marker (unit, build or browser):\n" + "\n".join(wrong))
