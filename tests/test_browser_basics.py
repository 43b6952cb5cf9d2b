"""The guide in a real browser: it loads, and asks nothing of any other host."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from test_guide_pages import CHAPTERS

pytestmark = pytest.mark.browser


def test_pages_request_nothing_from_other_hosts(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    own_host = urlparse(site_url).netloc
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for url in CHAPTERS:
        page.goto(site_url + url)
        page.wait_for_load_state("networkidle")
    foreign = [url for url in requested if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != own_host]
    assert requested and not foreign, foreign


def test_palette_toggle_switches_to_dark_and_back(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.locator("label[title='Switch to light mode']").click()
    assert body.get_attribute("data-md-color-scheme") == "default"
