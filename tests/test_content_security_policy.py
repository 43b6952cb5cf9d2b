"""Every page carries a strict Content-Security-Policy (macros/integration/security_policy.py), and the site works under it.

No inline script runs unless the page's policy lists its hash, no `style="..."`
attribute or inline handler applies, and nothing comes from another origin. The
build tier reads the policies of every written page; the browser tier opens
every page kind under them and sees no violation, with search working.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from helpers import PROJECT, SCHEMAS, Site, search_for
from playwright.sync_api import Page, expect
from test_guide_pages import CHAPTERS

from macros.integration.security_policy import POLICY_META, policy, with_policy
from macros.model.guide import Guide
from macros.model.urls import competency_url, family_url, role_url, role_worksheet_url, template_url, worksheet_url
from macros.pages.redirects import Redirect, redirect_page, redirects

# ---------- the policy of one page (unit) ----------

PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>A page</title>
<script>alert('Hello, world.');</script>
<script src="assets/guide.js"></script>
<script id="__config" type="application/json">{"base": ".."}</script>
<style>@page { margin: 1cm; }</style>
</head><body><p>Text</p><script type="module">run()</script></body></html>
"""
HELLO = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
"""The hash of `alert('Hello, world.');`, as published with the CSP examples."""


def _directives(text: str) -> dict[str, list[str]]:
    """A policy's directives by name, each with its sources."""
    directives = {}
    for directive in text.split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


def _sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode('ascii')}'"


def _meta_content(page_html: str) -> str:
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page_html)
    assert len(found) == 1, f"{len(found)} policies"
    return str(found[0])


@pytest.mark.unit
def test_the_policy_goes_first_in_the_head_after_the_character_set() -> None:
    secured = with_policy(PAGE)
    meta = re.search(re.escape(POLICY_META) + "[^>]*>", secured)
    assert meta and secured[: meta.start()].endswith('<head>\n<meta charset="utf-8">')
    assert secured.replace(meta.group(0), "", 1) == PAGE, "nothing else changes"


@pytest.mark.unit
def test_inline_scripts_that_run_are_allowed_by_their_hash_and_nothing_else_inline() -> None:
    directives = _directives(_meta_content(with_policy(PAGE)))
    assert directives["script-src"] == ["'self'", HELLO, _sha256("run()")], "the JSON settings and the file need no hash"
    assert directives["style-src"] == ["'self'", _sha256("@page { margin: 1cm; }")]
    for sources in directives.values():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"} & set(sources)


@pytest.mark.unit
def test_the_policy_names_no_other_origin() -> None:
    directives = _directives(policy(PAGE))
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["img-src"] == ["'self'", "data:"], "Material's stylesheet draws its icons from data: URLs"
    for name in ("font-src", "connect-src", "worker-src", "base-uri", "form-action"):
        assert directives[name] == ["'self'"], name
    assert "frame-ancestors" not in directives, "browsers ignore it in a <meta>, with a warning"


@pytest.mark.unit
def test_the_same_script_twice_is_listed_once_and_a_page_without_inline_code_gets_self_only() -> None:
    twice = "<html><head><script>a()</script></head><body><script>a()</script></body></html>"
    assert _directives(policy(twice))["script-src"] == ["'self'", _sha256("a()")]
    assert _directives(policy("<html><head></head><body></body></html>"))["script-src"] == ["'self'"]
    assert _directives(policy('<script type="text/javascript">b()</script>'))["script-src"] == ["'self'", _sha256("b()")]


@pytest.mark.unit
def test_a_page_without_a_head_tag_gets_the_policy_where_the_head_begins() -> None:
    secured = with_policy("<!doctype html><html lang=en><title>T</title><script>c()</script>")
    assert secured.startswith("<!doctype html><html lang=en>" + POLICY_META)
    assert _sha256("c()") in secured


@pytest.mark.unit
def test_a_redirect_page_keeps_its_script_under_its_policy() -> None:
    page = with_policy(redirect_page(Redirect("roles/old/", "roles/new/", "New")))
    script = re.search(r"<script>(.*?)</script>", page)
    assert script and "location.replace" in script.group(1)
    assert _sha256(script.group(1)) in _directives(_meta_content(page))["script-src"]


@pytest.mark.unit
def test_every_writing_space_the_data_allows_has_its_height_in_the_stylesheet() -> None:
    """A writing space's lines are a class (no style attribute): one for each `space` the schema accepts."""
    schema = json.loads((SCHEMAS / "worksheet.json").read_text(encoding="utf-8"))
    space = schema["properties"]["sections"]["items"]["properties"]["space"]
    css = (PROJECT / "macros" / "rendering" / "assets" / "guide.css").read_text(encoding="utf-8")
    missing = [n for n in range(space["minimum"], space["maximum"] + 1) if f".cg-lines--{n} {{ --cg-lines: {n}; }}" not in css]
    assert not missing, f"guide.css has no .cg-lines--N for {missing}"


# ---------- every page of the built site (build) ----------


class _Inline(HTMLParser):
    """A page's inline code as a browser reads it: scripts that run, style elements, style attributes and handlers."""

    RUN = frozenset({None, "", "module", "text/javascript", "application/javascript"})

    def __init__(self) -> None:
        super().__init__()
        self.policies: list[tuple[str, int]] = []  # content, and how many scripts came before it
        self.in_head = False
        self.scripts = 0
        self.element: str | None = None
        self.text = ""
        self.running: list[str] = []
        self.styles: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.in_head = self.in_head or tag == "head"
        self.attributes += [f"<{tag} {name}=...>" for name, _ in attrs if name == "style" or name.startswith("on")]
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append((values.get("content") or "", self.scripts if self.in_head else -1))
        if tag == "script":
            self.scripts += 1
            runs = "src" not in values and (values.get("type") or "").lower() in self.RUN
            self.element = "script" if runs else None
        if tag == "style":
            self.element = "style"
        self.text = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag in ("script", "style") and self.element == tag:
            (self.running if tag == "script" else self.styles).append(self.text)
        if tag in ("script", "style"):
            self.element = None

    def handle_data(self, data: str) -> None:
        if self.element:
            self.text += data


def _pages(site: Site) -> Iterator[tuple[str, _Inline]]:
    for path in sorted(site.root.rglob("*.html")):
        found = _Inline()
        found.feed(path.read_text(encoding="utf-8"))
        yield path.relative_to(site.root).as_posix(), found


@pytest.mark.unit
def test_the_checks_here_read_what_a_browser_runs() -> None:
    """The build check's reader runs the same scripts as the module: Material's settings are data."""
    found = _Inline()
    found.feed(with_policy(PAGE))
    assert found.running == ["alert('Hello, world.');", "run()"]
    assert found.styles == ["@page { margin: 1cm; }"]
    assert found.policies[0][1] == 0
    found = _Inline()
    found.feed('<p style="color: red" onclick="go()">x</p>')
    assert found.attributes == ["<p style=...>", "<p onclick=...>"]


@pytest.mark.build
def test_every_page_has_one_policy_first_that_allows_only_its_own_inline_scripts(site: Site) -> None:
    wrong = []
    pages = 0
    for name, found in _pages(site):
        pages += 1
        if len(found.policies) != 1:
            wrong.append(f"{name}: {len(found.policies)} policies, not one")
            continue
        content, scripts_before = found.policies[0]
        if scripts_before != 0:
            wrong.append(f"{name}: the policy is not in <head> before every script")
        directives = _directives(content)
        for directive in ("script-src", "style-src"):
            if not directives.get(directive) or directives[directive][0] != "'self'":
                wrong.append(f"{name}: {directive} does not start with 'self'")
        for directive, sources in directives.items():
            foreign = [s for s in sources if s not in ("'self'", "'none'") and not s.startswith("'sha256-") and s != "data:"]
            if foreign or (directive != "img-src" and "data:" in sources):
                wrong.append(f"{name}: {directive} allows {foreign or 'data:'}")
        unlisted = [text[:60] for text in found.running if _sha256(text) not in directives.get("script-src", [])]
        unlisted += [text[:60] for text in found.styles if _sha256(text) not in directives.get("style-src", [])]
        if unlisted:
            wrong.append(f"{name}: inline code without its hash in the policy: {unlisted}")
        if found.attributes:
            wrong.append(f"{name}: inline style attributes or handlers, which the policy blocks: {sorted(set(found.attributes))}")
    assert pages > 50, "the whole site, the theme's 404.html and renamed records' old addresses included"
    assert not wrong, "\n".join(wrong)


@pytest.mark.build
def test_the_missing_page_and_old_addresses_carry_the_policy_too(site: Site, guide: Guide) -> None:
    moved = redirects(guide)
    assert moved, "the test data renames a record (previous_ids)"
    for url in ["404.html", *(redirect.old for redirect in moved)]:
        assert POLICY_META in site.html(url), url


# ---------- in a browser (browser) ----------

RECORD_VIOLATIONS = """
window.cgPolicyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cgPolicyViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}: ${event.sample}`);
});
"""
"""Collects, in every document the page opens, what its policy blocked (kept across Material's instant navigation)."""


@pytest.fixture
def watched(page: Page) -> Iterator[tuple[Page, list[str]]]:
    """A page recording policy violations, and the browser's console messages about its policy."""
    console: list[str] = []
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None)
    yield page, console


def _violations(page: Page, console: list[str]) -> list[str]:
    return [*page.evaluate("() => window.cgPolicyViolations"), *console]


def _page_kinds(guide: Guide) -> dict[str, list[str]]:
    family = guide.families[0]
    return {
        "home": ["/"],
        "chapters": [url for url in CHAPTERS if url != "/"] + ["/editing/", "/editing/health/"],
        "plan": ["/plan/"],
        "all paths": ["/paths/"],
        "family": ["/" + family_url(family.id)],
        "role pages": ["/" + role_url(role) for role in guide.roles],
        "role worksheets": ["/" + role_worksheet_url(role) for role in guide.roles],
        "competencies": ["/competencies/", "/" + competency_url(next(iter(guide.competencies)))],
        "templates": ["/templates/", "/" + template_url(next(iter(guide.templates)))],
        "worksheets": ["/worksheets/", "/" + worksheet_url(next(iter(guide.worksheets)))],
        "missing page": ["/404.html"],
    }


KINDS = [
    "home",
    "chapters",
    "plan",
    "all paths",
    "family",
    "role pages",
    "role worksheets",
    "competencies",
    "templates",
    "worksheets",
    "missing page",
]


@pytest.mark.browser
@pytest.mark.parametrize("kind", KINDS)
def test_no_page_breaks_its_policy(watched: tuple[Page, list[str]], site_url: str, guide: Guide, kind: str) -> None:
    page, console = watched
    urls = _page_kinds(guide)[kind]
    assert urls
    broken = {}
    for url in urls:
        console.clear()
        # Idle network: Material, the guide's scripts and the plan's data have all run.
        page.goto(site_url + url, wait_until="networkidle")
        expect(page.locator('head > meta[http-equiv="Content-Security-Policy"]')).to_have_count(1)
        expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))  # the inline script ran, allowed by its hash
        if found := _violations(page, console):
            broken[url] = found
    assert not broken, "\n".join(f"{url}: {found}" for url, found in broken.items())


@pytest.mark.browser
def test_search_works_under_the_policy(watched: tuple[Page, list[str]], site_url: str) -> None:
    page, console = watched
    page.goto(site_url + "/roles/senior-engineer/worksheet/")
    search_for(page, "manager")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching document"))
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert not _violations(page, console)


FOLLOW = """address => {
    const link = [...document.querySelectorAll("a[href]")].find(a => a.href === address && a.checkVisibility());
    if (link) link.dataset.testFollow = address;
    return Boolean(link);
}"""


def _click_link_to(page: Page, address: str) -> None:
    """Click the first visible link on the page to `address` (Material makes links absolute as it goes)."""
    page.wait_for_function(FOLLOW, arg=address)  # once the page with the link has been swapped in
    page.locator(f'[data-test-follow="{address}"]').click()


@pytest.mark.browser
def test_instant_navigation_stays_within_the_first_pages_policy(watched: tuple[Page, list[str]], site_url: str) -> None:
    """The policy of the page first opened stays in force while Material swaps other pages in."""
    page, console = watched
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(site_url + "/")
    page.evaluate("() => { window.cgSamePage = true }")  # a full page load would lose it
    for target in ("/paths/", "/roles/senior-engineer/", "/roles/senior-engineer/worksheet/"):
        _click_link_to(page, site_url + target)
        expect(page).to_have_url(site_url + target)
    expect(page.locator("textarea.cg-lines").first).to_be_visible()
    assert page.evaluate("() => window.cgSamePage === true"), "every step was Material's instant navigation"
    page.wait_for_load_state("networkidle")
    assert not _violations(page, console)


@pytest.mark.browser
def test_an_old_address_moves_on_with_its_anchor_by_its_allowed_script(
    watched: tuple[Page, list[str]], site_url: str, guide: Guide
) -> None:
    page, console = watched
    moved = next(redirect for redirect in redirects(guide) if redirect.old.startswith("roles/"))
    page.goto(site_url + "/" + moved.old + "#skills")
    # The refresh alone would drop "#skills": only the page's script keeps it.
    expect(page).to_have_url(site_url + "/" + moved.new + "#skills")
    page.wait_for_load_state("networkidle")
    assert not console, "the old address's policy allowed its script"


@pytest.mark.browser
def test_a_style_attribute_would_be_reported(watched: tuple[Page, list[str]], site_url: str, site: Site) -> None:
    """The check above sees what it looks for: the same page with a style attribute put back is reported."""
    page, console = watched
    spoiled = site.html("/templates/").replace("<article ", '<article style="outline: 1px solid red" ', 1)
    assert 'style="' in spoiled
    page.route(site_url + "/templates/", lambda route: route.fulfill(body=spoiled, content_type="text/html"))
    page.goto(site_url + "/templates/", wait_until="networkidle")
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    found = _violations(page, console)
    assert any(violation.startswith("style-src-attr blocked inline") for violation in found), found
    assert any("Content Security Policy" in message for message in console), console


HEIGHTS = """() => [...document.querySelectorAll("textarea.cg-lines")].map(field => {
    const style = getComputedStyle(field);
    return [field.rows, parseFloat(style.minHeight), parseFloat(style.lineHeight), parseFloat(style.fontSize)];
})"""


@pytest.mark.browser
def test_a_writing_space_is_as_tall_as_its_lines_without_a_style_attribute(page: Page, site_url: str, guide: Guide) -> None:
    """Its lines are a class now (cg-lines--N), no longer a style attribute: as many ruled lines as the data asks for."""
    seen = set()
    for sheet in guide.worksheets:
        page.goto(site_url + "/" + worksheet_url(sheet))
        for rows, min_height, line, font in page.evaluate(HEIGHTS):
            seen.add(rows)
            assert min_height == pytest.approx(rows * line + 0.2 * font, abs=1), f"{sheet}: a space of {rows} lines"
    assert len(seen) > 1, "the test data asks for spaces of several heights"
