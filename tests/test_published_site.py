"""The site as readers meet it at its published address: every page kind reached
by clicking, with Material's instant navigation active, no console error, and a
layout that does not jump on a phone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import pytest
from helpers import PATIENCE_MS, PUBLISHED, Site, normalise
from playwright.sync_api import Browser, Page, Route, expect

from macros.model.guide import Guide

pytestmark = pytest.mark.browser


class Click(NamedTuple):
    """A link to follow: from the page at `source`, the visible link to `target`."""

    kind: str
    source: str
    target: str
    within: str = "body"  # where on the source page the link is


def _clicks(guide: Guide) -> list[Click]:
    family = guide.families[0]
    role = family.roles[0]
    template = next(iter(guide.templates))
    worksheet = next(iter(guide.worksheets))
    competency = next(iter(role.skills))
    return [
        Click("home", "/conversation/", "/"),
        Click("chapter", "/", "/conversation/"),
        Click("section page", "/", "/prepare/"),
        Click("chapter in a section", "/prepare/", "/prepare/research/"),
        Click("all paths", "/conversation/", "/paths/"),
        Click("family", "/paths/", f"/paths/{family.id}/", within="article"),
        Click("role, from a map node", f"/paths/{family.id}/", f"/roles/{role.id}/", within=".cg-map"),
        Click("family, from a role", f"/roles/{role.id}/", f"/paths/{family.id}/", within="article"),
        Click("all paths, from a family", f"/paths/{family.id}/", "/paths/"),
        Click("role worksheet", f"/roles/{role.id}/", f"/roles/{role.id}/worksheet/", within="article"),
        Click("templates index", "/conversation/", "/templates/"),
        Click("template", "/templates/", f"/templates/{template}/", within="article"),
        Click("worksheets index", "/conversation/", "/worksheets/"),
        Click("worksheet", "/worksheets/", f"/worksheets/{worksheet}/", within="article"),
        Click("competencies index", "/conversation/", "/competencies/"),
        Click("competency", "/competencies/", f"/competencies/{competency}/", within="article"),
        Click("competency, from a role", f"/roles/{role.id}/", f"/competencies/{competency}/", within="article"),
    ]


def _heading(site: Site, url: str) -> str:
    """The first heading of a built page, as text."""
    match = re.search(r"<h1[^>]*>(.*?)</h1>", site.html(url), re.S)
    assert match, f"{url} has no heading"
    return normalise(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", match.group(1))).replace("&amp;", "&")


@pytest.fixture
def watched_page(page: Page) -> Iterator[tuple[Page, list[str]]]:
    """A page whose console errors and uncaught exceptions are collected."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"{error.name}: {error.message}"))
    yield page, errors


def _open_ready(page: Page, url: str) -> None:
    """Open `url` and wait until Material has read the sitemap, without which no click is instant."""
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(PUBLISHED + url)
    page.wait_for_load_state("networkidle")


def _follow(page: Page, click: Click) -> bool:
    """Click the first visible link to `click.target` on the current page; False when there is none."""
    found = page.evaluate(
        """([target, within]) => {
            const link = [...document.querySelectorAll(`${within} a[href]`)]
                .find(a => new URL(a.href, location.href).href === target && a.checkVisibility());
            if (link) link.dataset.testFollow = "";
            return Boolean(link);
        }""",
        [PUBLISHED + click.target, click.within],
    )
    if found:
        page.locator("[data-test-follow]").click()
    return bool(found)


def test_every_page_kind_is_reached_by_clicking_with_instant_navigation(
    watched_page: tuple[Page, list[str]], site: Site, guide: Guide
) -> None:
    page, errors = watched_page
    assert PUBLISHED.count(":") == 1, "the published address has no port"
    failures = []
    for click in _clicks(guide):
        _open_ready(page, click.source)
        # A full page load would lose this mark: it proves Material swapped the page in place.
        page.evaluate("() => { window.cgSamePage = true }")
        errors.clear()
        if not _follow(page, click):
            failures.append(f"{click.kind}: {click.source} has no visible link to {click.target} in {click.within}")
            continue
        expect(page).to_have_url(PUBLISHED + click.target)
        heading = _heading(site, click.target)
        try:
            expect(page.locator("article h1").first).to_contain_text(heading)
        except AssertionError:
            failures.append(
                f"{click.kind}: {click.target} is not shown after the click (still {page.locator('article h1').first.inner_text()!r})"
            )
            continue
        if not page.evaluate("() => window.cgSamePage === true"):
            failures.append(f"{click.kind}: {click.source} -> {click.target} was a full page load, not instant navigation")
        if errors:
            failures.append(f"{click.kind}: {click.source} -> {click.target} logged {errors}")
    assert not failures, "\n".join(failures)


# Every kind of page, as an employee opens it on a phone.
PHONE_PAGES = {
    "home": "/",
    "chapter": "/prepare/agenda/",
    "role": "/roles/{role}/",
    "family": "/paths/{family}/",
    "all paths": "/paths/",
    "templates index": "/templates/",
    "template": "/templates/{template}/",
    "worksheets index": "/worksheets/",
    "worksheet": "/worksheets/{worksheet}/",
    "role worksheet": "/roles/{role}/worksheet/",
    "competencies index": "/competencies/",
    "competency": "/competencies/{competency}/",
    "editors' guide": "/editing/",
}
LAYOUT_SHIFT_LIMIT = 0.05  # "good" is below 0.1

# Recorded from the first byte: every shift not caused by the reader's input.
RECORD_SHIFTS = """
window.cgShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.cgShifts.push(entry.value);
}).observe({type: "layout-shift", buffered: true});
"""


# Two frames later, every layout caused so far has been painted.
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
MATERIAL_SCRIPT = "**/assets/javascripts/bundle.*.min.js"


class Phone(NamedTuple):
    page: Page
    held: list[Route]  # requests for Material's script, answered only once the page has painted

    def open(self, url: str) -> None:
        """Open `url` as a slow phone network would: the page paints before Material's script arrives.

        Lighthouse's phone audits see exactly this. Holding the script until the
        first paint is an ordering of events, not a delay, so it does not depend
        on the machine's speed.
        """
        self.page.goto(url, wait_until="commit")
        self.page.wait_for_function("() => performance.getEntriesByType('paint').length > 0")
        self.page.evaluate(NEXT_FRAMES)
        while self.held:
            self.held.pop().continue_()
        self.page.wait_for_load_state("networkidle")
        self.page.evaluate(NEXT_FRAMES)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Phone]:
    # A phone's screen; not Playwright's touch emulation, which marks every
    # shift as following the reader's input and so hides it from the measure.
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    context.set_default_timeout(PATIENCE_MS)
    context.add_init_script(RECORD_SHIFTS)
    held: list[Route] = []
    context.route(MATERIAL_SCRIPT, lambda route: held.append(route))
    yield Phone(context.new_page(), held)
    context.close()


def test_no_page_kind_shifts_its_layout_on_a_phone(phone: Phone, guide: Guide) -> None:
    names = {
        "role": guide.families[0].roles[0].id,
        "family": guide.families[0].id,
        "template": next(iter(guide.templates)),
        "worksheet": next(iter(guide.worksheets)),
        "competency": next(iter(guide.competencies)),
    }
    shifts = {}
    for kind, url in PHONE_PAGES.items():
        phone.open(PUBLISHED + url.format(**names))
        shifts[kind] = round(phone.page.evaluate("() => window.cgShifts.reduce((sum, value) => sum + value, 0)"), 3)
    assert max(shifts.values()) < LAYOUT_SHIFT_LIMIT, f"cumulative layout shift above {LAYOUT_SHIFT_LIMIT}: {shifts}"
