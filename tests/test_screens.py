"""Every kind of page reads on a phone, a tablet and a laptop: nothing wider than the screen, form rows stacked on a phone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PAGE_KINDS = {
    "home": "/",
    "chapter": "/prepare/goals/",
    "plan": "/plan/",
    "role": "/roles/senior-engineer/",
    "family": "/paths/engineering/",
    "all paths": "/paths/",
    "competency": "/competencies/communication/",
    "competencies index": "/competencies/",
    "template": "/templates/thank-you/",
    "agenda": "/templates/agenda/",
    "templates index": "/templates/",
    "worksheet": "/worksheets/follow-up-plan/",
    "worksheets index": "/worksheets/",
    "role worksheet": "/roles/senior-engineer/worksheet/",
}
WIDTHS = (360, 768, 1280)

# Elements wider than the screen, other than those that scroll sideways on purpose (a wide map or table in its own scroller).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const scrollsItself = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (["auto", "scroll"].includes(style.overflowX) && node.scrollWidth > node.clientWidth - 1) return true;
    }
    return false;
  };
  return [...document.querySelectorAll("article *")]
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 1 || box.left < -1) && !scrollsItself(element);
    })
    .slice(0, 5)
    .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`);
}"""


@pytest.fixture(params=WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_page_is_wider_than_the_screen(screen: Page, site_url: str, kind: str) -> None:
    screen.goto(site_url + PAGE_KINDS[kind])
    assert screen.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), (
        f"{kind} scrolls sideways at {screen.viewport_size}"
    )
    assert screen.evaluate(OVERFLOWING) == [], f"{kind}: cut off at {screen.viewport_size}"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    yield context.new_page()
    context.close()


def _positions(page: Page, selector: str, side: str) -> list[int]:
    """The `side` (left or top) of each visible element matching `selector`, in pixels."""
    return page.evaluate(
        """([selector, side]) => [...document.querySelectorAll(selector)]
             .filter((element) => element.offsetParent !== null)
             .map((element) => Math.round(element.getBoundingClientRect()[side]))""",
        [selector, side],
    )


@pytest.mark.parametrize("url", ["/worksheets/follow-up-plan/", "/templates/thank-you/", "/plan/"])
def test_form_rows_are_stacked_on_a_phone(phone: Page, site_url: str, url: str) -> None:
    phone.goto(site_url + url)
    lefts = _positions(phone, ".cg-person__field, .cg-fill__fields > .cg-fill__field", "left")
    assert lefts and len(set(lefts)) == 1, f"fields side by side on a phone: {lefts}"


@pytest.mark.parametrize("url", ["/worksheets/follow-up-plan/", "/templates/meeting-request/"])
def test_a_toolbar_is_one_row_on_a_phone(phone: Page, site_url: str, url: str) -> None:
    phone.goto(site_url + url)
    tops = _positions(phone, ".cg-buttons .md-button", "top")
    assert len(tops) >= 3 and len(set(tops)) == 1, f"{url}: buttons on {len(set(tops))} rows"
    assert not phone.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
