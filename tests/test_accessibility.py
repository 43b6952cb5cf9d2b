"""Every page kind, in a real browser: accessible (axe-core), keyboard-usable, self-contained,
readable without JavaScript, and free of broken links and anchors."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers import Site, axe_violations, normalise, search_for, serving, settled
from playwright.sync_api import Page, expect
from test_guide_pages import CHAPTERS

from macros.model.guide import Guide

SEARCH_RESULTS = "search results"
PAGE_KINDS = {
    "home": "/",
    **{f"chapter {url}": url for url in CHAPTERS if url != "/"},
    "role": "/roles/senior-engineer/",
    "family": "/paths/engineering/",
    "all paths": "/paths/",
    "template": "/templates/meeting-request/",
    "templates index": "/templates/",
    "worksheet": "/worksheets/follow-up-plan/",
    "worksheets index": "/worksheets/",
    "role worksheet": "/roles/senior-engineer/worksheet/",
    "competencies index": "/competencies/",
    "competency": "/competencies/communication/",
    "opportunities": "/opportunities/",
    "editors' guide": "/editing/",
    SEARCH_RESULTS: "/",
}
PALETTES = {"light": "default", "dark": "slate"}


def _open(page: Page, site_url: str, kind: str, palette: str = "light") -> None:
    page.goto(site_url + PAGE_KINDS[kind])
    if palette == "dark":
        page.locator("label[title='Switch to dark mode']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", PALETTES[palette])
    if kind == SEARCH_RESULTS:
        search_for(page, "manager")
        expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching document"))
    settled(page)  # colour transitions and the search panel's opening are measured once finished


def _report(kind: str, palette: str, violations: list[dict]) -> str:
    lines = [f"{PAGE_KINDS[kind]} ({kind}, {palette} palette):"]
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_axe_violations(page: Page, site_url: str, kind: str) -> None:
    """In the light palette, then in the dark one the reader switches to on the same page."""
    _open(page, site_url, kind)
    reports = []
    for palette in PALETTES:
        if palette == "dark" and kind == SEARCH_RESULTS:
            _open(page, site_url, kind, palette)  # the open search covers the switch: open it again, dark
        elif palette == "dark":
            page.locator("label[title='Switch to dark mode']").click()
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", PALETTES[palette])
            settled(page)
        if violations := axe_violations(page):
            reports.append(_report(kind, palette, violations))
    assert not reports, "\n".join(reports)


@pytest.mark.browser
@pytest.mark.parametrize("kind", [k for k in PAGE_KINDS if k != SEARCH_RESULTS])
def test_no_request_leaves_the_site(page: Page, site_url: str, kind: str) -> None:
    own = urlparse(site_url).netloc
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + PAGE_KINDS[kind], wait_until="networkidle")
    foreign = [url for url in requested if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != own]
    assert requested and not foreign, f"{PAGE_KINDS[kind]} requests {foreign}"


NO_JS_CONTENT = {
    "home": lambda guide: [guide.company.name],
    "role": lambda guide: [guide.roles["senior-engineer"].title, "Step up: Staff Engineer", "Roles that lead here"],
    "family": lambda guide: ["The same moves as a list", "Senior Software Engineer"],
    "all paths": lambda guide: [role.title for role in guide.roles.values()],
    "template": lambda guide: guide.templates["meeting-request"].body.splitlines()[:3],
    "worksheet": lambda guide: [normalise(q.text) for s in guide.worksheets["follow-up-plan"].sections for q in s.questions],
    "role worksheet": lambda guide: [
        "Where you could go",
        *(normalise(q.text) for q in guide.questions_for(guide.roles["senior-engineer"])),
    ],
    "opportunities": lambda guide: ["Open roles", guide.opportunities["payments-opening"].title],
    "editors' guide": lambda guide: ["The five most common mistakes"],
}


@pytest.fixture
def no_js_page(browser: object) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind", [k for k in PAGE_KINDS if k != SEARCH_RESULTS])
def test_content_is_readable_without_javascript(no_js_page: Page, site_url: str, guide: Guide, kind: str) -> None:
    no_js_page.goto(site_url + PAGE_KINDS[kind])
    article = no_js_page.locator("article")
    expect(article).to_be_visible()
    text = normalise(article.inner_text())
    assert len(text) > 200, f"{PAGE_KINDS[kind]} shows almost nothing without JavaScript"
    expected = NO_JS_CONTENT.get(kind, lambda guide: [])(guide)
    missing = [words for words in expected if normalise(words) not in text]
    assert not missing, f"{PAGE_KINDS[kind]} without JavaScript lacks {missing}"


# Every kind of control, on the page where it lives: reachable by Tab, with a visible focus ring.
CONTROLS = {
    "/templates/meeting-request/": ["#cg-slot-1", '[data-cg-action="copy-subject"]', '[data-cg-action="copy-body"]', "[data-cg-mailto]"],
    "/worksheets/follow-up-plan/": [
        '[data-cg-action="print"]',
        '[data-cg-action="download-txt"]',
        '[data-cg-action="download-md"]',
        '[data-cg-action="clear"]',
        "#cg-name",
        "#cg-date",
        "textarea[data-cg-field]",
        ".cg-table input",
        "#cg-reminder-weeks-follow-up-plan",
        '[data-cg-action="add-row"]',
        '[data-cg-action="ics"]',
    ],
    "/templates/thank-you/": ["#cg-entry-1-my-action-1", '[data-cg-action="add-entry"]'],
    "/templates/agenda/": ["textarea[data-cg-slot-input]"],
    "/paths/engineering/": ['a[data-role="senior-engineer"]'],
}


def _focus_ring(page: Page) -> str:
    return page.evaluate(
        """() => {
            const element = document.activeElement, style = getComputedStyle(element);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            return outline ? '' : `${element.outerHTML.slice(0, 80)}: outline ${style.outlineStyle} ${style.outlineWidth}`;
        }"""
    )


@pytest.mark.browser
@pytest.mark.parametrize("url", sorted(CONTROLS))
def test_every_control_is_reached_by_tab_with_a_visible_focus_ring(page: Page, site_url: str, url: str) -> None:
    page.goto(site_url + url)
    wanted = {selector: page.locator(selector).first for selector in CONTROLS[url]}
    reached: set[str] = set()
    rings: list[str] = []
    for _ in range(400):
        page.keyboard.press("Tab")
        for selector, locator in wanted.items():
            if selector not in reached and locator.evaluate("element => element === document.activeElement"):
                reached.add(selector)
                rings.append(_focus_ring(page))
        if len(reached) == len(wanted):
            break
    assert reached == set(wanted), f"never reached by Tab on {url}: {set(wanted) - reached}"
    assert not [ring for ring in rings if ring], f"no visible focus ring on {url}: {[r for r in rings if r]}"


@pytest.mark.browser
def test_controls_work_with_enter_and_space(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "/worksheets/follow-up-plan/")
    page.locator('[data-cg-action="download-txt"]').focus()
    with page.expect_download() as info:
        page.keyboard.press("Space")
    assert info.value.suggested_filename == "follow-up-plan.txt"
    page.locator('[data-cg-action="ics"]').focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".ics")
    page.goto(site_url + "/paths/engineering/")
    page.locator('a[data-role="senior-engineer"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/roles/senior-engineer/")


def _linkchecker(url: str) -> subprocess.CompletedProcess[str]:
    """LinkChecker over HTTP, internal links and anchors, no other host."""
    # Full speed needs both this setting and the server opting in (see helpers.serving).
    config = "[checking]\nmaxrequestspersecond=1000\n[filtering]\ncheckextern=0\n[AnchorCheck]\n[output]\nstatus=0\n"
    # Readable by the unprivileged user LinkChecker switches to when started as root.
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as handle:
        handle.write(config)
    settings = Path(handle.name)
    settings.chmod(0o644)
    try:
        return subprocess.run(
            [sys.executable, "-m", "linkcheck", "--config", handle.name, "--no-status", "--threads", "4", url],
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        settings.unlink()


@pytest.mark.build
def test_linkchecker_finds_no_broken_link_or_anchor(site: Site, loopback_url: str) -> None:
    result = _linkchecker(loopback_url + "/")
    assert result.returncode == 0 and " 0 errors found" in result.stdout, result.stdout[-4000:]


@pytest.mark.build
def test_linkchecker_would_report_a_broken_link_and_anchor(tmp_path: Path) -> None:
    """The crawl above can fail: a page with a dead link and a dead anchor is reported."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><h1 id="here">Here</h1>'
        '<a href="no-such-page/">dead link</a> <a href="#no-such-anchor">dead anchor</a> <a href="#here">fine</a>',
        encoding="utf-8",
    )
    tmp_path.chmod(0o755)
    with serving(tmp_path) as (_, url):
        result = _linkchecker(url + "/")
    assert result.returncode == 1, result.stdout[-2000:]
    assert "no-such-page" in result.stdout and "no-such-anchor" in result.stdout
