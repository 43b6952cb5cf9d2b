"""The guide in a real browser: the palette toggle (requests and accessibility: test_accessibility.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_palette_toggle_switches_to_dark_and_back(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.locator("label[title='Switch to light mode']").click()
    assert body.get_attribute("data-md-color-scheme") == "default"
