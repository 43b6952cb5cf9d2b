"""Generated career pages: one per role, one per family, and the company-wide map."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest
from helpers import Site, normalise, search_for, sidebar
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.model.guide import Guide


@pytest.mark.build
def test_every_role_has_its_page(site: Site, guide: Guide) -> None:
    for role in guide.roles.values():
        text = site.text(f"/roles/{role.id}/")
        family = guide.family_of(role)
        assert role.title in text and family.name in text and f"Level {role.level}" in text
        assert normalise(role.summary) in text
        for item in (*role.responsibilities, *role.development):
            assert normalise(item) in text
        for competency_id, level in role.skills.items():
            competency = guide.competencies[competency_id]
            assert normalise(competency.level_text(level)) in text


@pytest.mark.build
def test_skills_table_has_a_row_per_skill(site: Site, guide: Guide) -> None:
    html = site.html("/roles/director-of-engineering/")
    table = re.search(r'<table class="cg-skills">(.*?)</table>', html, re.S)
    assert table and table.group(1).count("<tr>") == len(guide.roles["director-of-engineering"].skills) + 1


@pytest.mark.build
def test_a_step_up_shows_what_changes(site: Site) -> None:
    """Senior Software Engineer -> Staff Engineer, checked by hand against the YAML."""
    html = site.html("/roles/senior-engineer/")
    html = html[html.index("<article") :]
    section = html[html.index("Step up: Staff Engineer") : html.index("Step up: Engineering Manager")]
    groups = dict(re.findall(r'cg-change__label">([^<]+)</p>(.*?)</div>', section, re.S))
    names = {label: re.findall(r"<a [^>]*>([^<]+)</a>", items) for label, items in groups.items()}
    assert names == {
        "New": ["Strategic thinking"],
        "Raised": [
            "Technical craft",
            "Problem solving",
            "Communication",
            "Collaboration",
            "Ownership and delivery",
            "Coaching and mentoring",
        ],
        "No longer needed": ["Customer focus"],
        "Same level": ["Data literacy"],
    }
    assert "(level 3 → 4)" in groups["Raised"]
    assert "(was level 2)" in groups["No longer needed"]
    assert "Shapes the architecture of a whole product area" in groups["Raised"]


@pytest.mark.build
def test_lateral_moves_and_roles_leading_here(site: Site) -> None:
    text = site.text("/roles/senior-product-manager/")
    assert "Lateral move: Senior Software Engineer" in text
    leading = text[text.index("Roles that lead here") : text.index("Questions to ask about this role")]
    assert "Product Manager (Product Management, step up)" in leading
    assert "Senior Software Engineer (Engineering, lateral move)" in leading
    assert "Senior Product Designer (Design and Research, lateral move)" in leading


@pytest.mark.build
def test_a_role_without_moves_says_so(site: Site) -> None:
    assert "No moves out of this role are recorded" in site.text("/roles/principal-engineer/")


@pytest.mark.build
def test_questions_honour_family_and_role_filters(site: Site, guide: Guide) -> None:
    engineering_only = normalise(guide.questions["mgr-eng-tech-lead"].text)
    senior_only = normalise(guide.questions["mgr-eng-manager-path"].text)
    general = normalise(guide.questions["mgr-strongest-skills"].text)
    assert engineering_only in site.text("/roles/software-engineer/")
    assert senior_only in site.text("/roles/senior-engineer/")
    assert senior_only not in site.text("/roles/software-engineer/")
    assert engineering_only not in site.text("/roles/product-manager/")
    assert general in site.text("/roles/product-manager/")


@pytest.mark.build
def test_family_pages_have_a_map_a_text_alternative_and_a_matrix(site: Site, guide: Guide) -> None:
    for family in guide.families:
        html = site.html(f"/paths/{family.id}/")
        for role in family.roles:
            assert f'href="../../roles/{role.id}/"' in html
            assert f'data-role="{role.id}"' in html
        assert "The same moves as a list" in html
        assert html.count('<tr><th scope="row">') == len({c for role in family.roles for c in role.skills})


@pytest.mark.build
def test_company_map_lists_every_role_and_move(site: Site, guide: Guide) -> None:
    html = site.html("/paths/")
    moves = sum(len(role.next) + len(role.lateral) for role in guide.roles.values())
    assert html.count('class="cg-map__edge ') == moves
    for role in guide.roles.values():
        assert f'data-role="{role.id}"' in html


@pytest.mark.build
def test_navigation_lists_families_and_roles_in_level_order(site: Site, guide: Guide) -> None:
    html = site.html("/paths/engineering/")
    navigation = sidebar(html)
    family = next(f for f in guide.families if f.id == "engineering")
    positions = [navigation.index(f'href="../../roles/{role.id}/"') for role in family.roles]
    assert positions == sorted(positions)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


@pytest.mark.build
def test_no_internal_link_is_broken(site: Site) -> None:
    broken = []
    for page in site.root.rglob("*.html"):
        url = "/" + page.relative_to(site.root).as_posix()
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            target = urlparse(urljoin(url, link))
            if target.scheme or target.netloc:
                continue
            path = site.root / target.path.lstrip("/")
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{url} -> {link}")
    assert not broken, broken[:20]


@pytest.mark.browser
def test_a_map_node_opens_its_role_page(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "/paths/engineering/")
    page.locator('a[data-role="staff-engineer"]').click()
    page.wait_for_url("**/roles/staff-engineer/")
    # Instant navigation changes the address first, then swaps the page in.
    expect(page).to_have_title(re.compile(r"^Staff Engineer - "))


@pytest.mark.browser
def test_map_nodes_read_as_their_titles(page, site_url: str, guide: Guide) -> None:  # type: ignore[no-untyped-def]
    """Visible text, copied text and the link's name agree: wrapped titles keep the spaces between words."""
    family = guide.families[0]
    page.goto(f"{site_url}/paths/{family.id}/")
    for role in family.roles:
        node = page.locator(f'.cg-map a[data-role="{role.id}"]')
        assert normalise(node.locator(".cg-map__title").inner_text()) == normalise(role.title)
        # The name starts with the visible title (WCAG 2.5.3); family and level follow.
        name = re.compile(rf"^{re.escape(role.title)}\s*, {re.escape(family.name)}, level {role.level}$")
        expect(page.get_by_role("link", name=name)).to_have_count(1)


@pytest.mark.browser
def test_search_finds_a_role_by_its_title(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "/")
    search_for(page, "Customer Success Manager")
    # Results refresh while the query is typed: wait for the ranking of the full query.
    expect(page.locator(".md-search-result__item > a").first).to_have_attribute(
        "href", re.compile(r"/roles/customer-success-manager/\?h=customer\+success\+manager$")
    )


@pytest.mark.browser
def test_maps_print_legibly(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """A family map prints at full size; the wide company map gets a landscape page of its own."""
    for url, landscape_pages in (("/paths/engineering/", 0), ("/paths/", 1)):
        page.goto(site_url + url)
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True, prefer_css_page_size=True)))
        orientations = [float(p.mediabox.width) > float(p.mediabox.height) for p in pdf.pages]
        assert sum(orientations) == landscape_pages, (url, orientations)
        page.emulate_media(media="print")
        scales = page.evaluate(
            "() => [...document.querySelectorAll('.cg-map__svg')].map(svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width)"
        )
        page.emulate_media(media="screen")
        assert scales and min(scales) > 0.5, (url, scales)


@pytest.mark.build
def test_no_role_page_repeats_a_heading(site: Site, guide: Guide) -> None:
    """Two headings of one name ("Opportunities" twice, say) leave a reader unsure which is which, in the page and its contents."""
    for role in guide.roles.values():
        headings = [
            normalise(re.sub(r"<[^>]+>", "", text))
            for text in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", site.html(f"/roles/{role.id}/"), re.S)
        ]
        headings = [heading.removesuffix("¶").strip().lower() for heading in headings]
        repeated = {heading for heading in headings if headings.count(heading) > 1}
        assert not repeated, f"/roles/{role.id}/ repeats {repeated}"
