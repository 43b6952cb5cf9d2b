"""Every page reads on a phone, a tablet and a laptop: nothing wider than the screen, names whole, buttons in sight,
form rows stacked on a phone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers import Site
from playwright.sync_api import Browser, Page, expect

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
WIDTHS = (768, 1280)
"""A tablet and a laptop; a phone's 360 px is tried on every page of the site, below."""

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
    """The `side` (left, right or top) of each visible element matching `selector`, in pixels."""
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


@pytest.mark.parametrize("url", ["/worksheets/follow-up-plan/", "/templates/agenda/", "/templates/meeting-request/"])
def test_every_button_of_a_toolbar_is_in_sight_on_a_phone(phone: Page, site_url: str, url: str) -> None:
    phone.goto(site_url + url)
    lefts = _positions(phone, ".cg-buttons .md-button", "left")
    rights = _positions(phone, ".cg-buttons .md-button", "right")
    assert len(lefts) >= 3, f"{url}: the toolbar has {len(lefts)} buttons"
    assert min(lefts) >= 0 and max(rights) <= 360, f"{url}: buttons from {min(lefts)} to {max(rights)} px on a 360 px screen"
    assert phone.evaluate("[...document.querySelectorAll('.cg-buttons')].every((row) => row.scrollWidth <= row.clientWidth)")


# What is wrong with the page on the screen as it is: wider than the screen, an element cut off at its
# edge or a row scrolling sideways (only tables, maps and code scroll in their own box, and that box
# fits), or a word broken inside itself ("Communicat|ion"; words may break at hyphens and slashes).
PAGE_PROBLEMS = r"""() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const name = (element) => `${element.tagName.toLowerCase()}${[...element.classList].map((c) => "." + c).join("")}`;
  if (document.documentElement.scrollWidth > width) problems.push(`${document.documentElement.scrollWidth} px wide`);
  const article = document.querySelector("article");
  if (!article) return problems;
  const scrolls = (element) =>
    ["auto", "scroll"].includes(getComputedStyle(element).overflowX) && element.scrollWidth > element.clientWidth + 1;
  const ownBox = (element) =>
    element.matches("table, pre, .cg-table-scroll, .md-typeset__scrollwrap, .cg-map__scroll, .highlight, .highlight *");
  const inOwnBox = (element) => {
    for (let node = element.parentElement; node && node !== article; node = node.parentElement) {
      if (scrolls(node) && ownBox(node)) return true;
    }
    return false;
  };
  for (const element of article.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || element.closest(".cg-sr")) continue;
    if (scrolls(element) && !ownBox(element)) problems.push(`${name(element)} scrolls sideways`);
    if ((box.right > width + 1 || box.left < -1) && !inOwnBox(element)) {
      problems.push(`${name(element)} cut off (${Math.round(box.left)} to ${Math.round(box.right)} px)`);
    }
  }
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(".cg-sr, script, style, textarea, code, pre") || !parent.getClientRects().length) continue;
    for (const word of node.data.matchAll(/[^\s\-‐–—/]{2,}/g)) {
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom)));
      if (lines.size > 1) problems.push(`"${word[0]}" broken over ${lines.size} lines in ${name(parent)}`);
    }
  }
  return [...new Set(problems)].slice(0, 6);
}"""


def _every_page(site: Site) -> list[str]:
    """The address of every page of the built site, except the redirects left at renamed records' old addresses."""
    addresses = []
    for path in sorted(site.root.rglob("*.html")):
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:2000]:
            continue
        relative = path.relative_to(site.root).as_posix()
        addresses.append("/" + relative.removesuffix("index.html"))
    return addresses


def test_no_page_of_the_site_is_wider_than_a_phone(phone: Page, site: Site, site_url: str) -> None:
    addresses = _every_page(site)
    assert len(addresses) > 60, "every page of the site, not a sample"
    problems = {}
    for address in addresses:
        phone.goto(site_url + address)
        found = phone.evaluate(PAGE_PROBLEMS)
        if found:
            problems[address] = found
    assert problems == {}, f"{len(problems)} of {len(addresses)} pages do not fit a 360 px screen"


def test_the_plan_fits_a_phone_and_answers_add_to_my_agenda_in_sight(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/plan/")
    expect(phone.locator('[data-cg-plan-part="version"]')).to_contain_text("version")  # the data is in
    phone.get_by_label("My role").select_option("software-engineer")
    phone.get_by_label("A role I am curious about").select_option("senior-product-manager")
    assert phone.evaluate(PAGE_PROBLEMS) == [], "the comparison and the routes fit a phone"
    button = phone.get_by_role("button", name="Add to my agenda")
    # The person scrolled until the button showed at the bottom of the screen, and taps it there.
    button.evaluate("button => button.scrollIntoView({ block: 'end' })")
    button.click()
    message = phone.get_by_text("Added to your agenda")
    expect(message).to_be_visible()
    box = message.bounding_box()
    height = phone.evaluate("window.innerHeight")
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, f"the message is at {box} on a screen {height} px tall"
