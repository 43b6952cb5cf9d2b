"""My plan (/plan/) in Debian's Chromium: about me, self-rating, comparison, routes, a link for the manager, a portable file, the pack."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from helpers import FIXTURES, PATIENCE, Site, axe_violations, settled
from playwright.sync_api import Page, Route, expect
from pypdf import PdfReader

from macros.loading import load_guide
from macros.model.guide import Guide
from macros.model.routes import shortest_routes
from macros.pages.plan_data import PLAN_DATA_PATH, plan_data

MINE, TARGET = "software-engineer", "senior-product-manager"
PACK_PAGES = 3


def _open(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator('[data-cg-plan-part="version"]')).to_contain_text("version")  # the data is in


def _choose(page: Page, site_url: str, role: str, target: str) -> None:
    _open(page, site_url + "/plan/")
    page.get_by_label("My role").select_option(role)
    page.get_by_label("A role I am curious about").select_option(target)


def _routes(page: Page) -> str:
    return page.locator('[data-cg-plan-part="routes"]').inner_text()


@pytest.mark.build
def test_the_data_file_is_written_once_with_roles_moves_and_competencies(site: Site, guide: Guide) -> None:
    data = json.loads((site.root / PLAN_DATA_PATH).read_text(encoding="utf-8"))
    assert data["format"] == "career-guide-plan-data/1" and len(data["version"]) == 10
    assert set(data["roles"]) == set(guide.roles) and set(data["competencies"]) == set(guide.competencies)
    role = guide.roles[MINE]
    assert data["roles"][MINE]["skills"] == dict(role.skills)
    assert data["roles"][MINE]["moves"] == [list(move) for move in role.moves]
    assert "career-data.json" not in site.html("/roles/software-engineer/"), "not inlined into pages"


@pytest.mark.unit
def test_the_data_file_carries_what_to_ask_for_as_plain_text_and_only_where_written(guide: Guide) -> None:
    data = plan_data(guide)
    assert data["roles"][TARGET]["development"] == list(guide.roles[TARGET].development)
    # The ways to grow into each step, by rank, only for the steps (and competencies) that have some.
    assert data["competencies"]["product-sense"]["development"] == {"3": list(guide.competencies["product-sense"].levels[2].development)}
    assert "development" not in data["competencies"]["technical-craft"]
    framework = plan_data(load_guide(FIXTURES / "framework" / "data"))
    assert not any("development" in role for role in framework["roles"].values()), "a role without requests adds nothing"
    assert not any("development" in competency for competency in framework["competencies"].values())


@pytest.mark.browser
def test_a_route_across_families_is_found_with_every_step(page: Page, site_url: str, guide: Guide) -> None:
    _choose(page, site_url, MINE, TARGET)
    (route,) = shortest_routes(guide, guide.roles[MINE], guide.roles[TARGET])
    routes = page.locator('[data-cg-plan-part="routes"] ol li')
    expect(routes).to_have_count(len(route))
    for item, step in zip(routes.all(), route, strict=True):
        expect(item).to_contain_text(step.role.title)
        expect(item).to_contain_text("Step up" if step.kind == "next" else "Lateral move")


@pytest.mark.browser
def test_a_role_without_a_route_says_so(page: Page, site_url: str) -> None:
    _choose(page, site_url, MINE, "associate-engineer")
    expect(page.locator('[data-cg-plan-part="routes"]')).to_contain_text("No route from Software Engineer to Associate Software Engineer")


@pytest.mark.browser
def test_a_self_rating_survives_reload_and_instant_navigation(page: Page, site_url: str) -> None:
    _choose(page, site_url, MINE, TARGET)
    page.get_by_role("group", name="Customer focus").get_by_label("Level 3").check()
    page.reload()
    expect(page.get_by_role("group", name="Customer focus").get_by_label("Level 3")).to_be_checked()
    page.get_by_role("navigation").get_by_role("link", name="The conversation", exact=True).first.click()
    expect(page).to_have_url(site_url + "/conversation/")
    page.get_by_role("navigation").get_by_role("link", name="My plan", exact=True).first.click()
    expect(page.get_by_role("group", name="Customer focus").get_by_label("Level 3")).to_be_checked()
    expect(page.locator('[data-cg-plan-part="compare"]')).to_contain_text("Level 3 (my rating)")


@pytest.mark.browser
def test_rating_myself_counts_what_is_rated_and_shows_what_my_role_expects(page: Page, site_url: str, guide: Guide) -> None:
    _choose(page, site_url, MINE, TARGET)
    shown = {*guide.roles[MINE].skills, *guide.roles[TARGET].skills}
    progress = page.locator('[data-cg-plan-part="progress"]')
    expect(progress).to_have_text(f"0 of {len(shown)} rated")
    page.get_by_role("group", name="Technical craft").get_by_label("Level 3").check()
    expect(progress).to_have_text(f"1 of {len(shown)} rated")
    page.get_by_role("group", name="Customer focus").get_by_label("Not sure").check()
    expect(progress).to_have_text(f"2 of {len(shown)} rated")
    # Beside each competency, the level the role expects; for one only the role of interest asks for, what it expects.
    expect(page.get_by_role("group", name="Technical craft")).to_contain_text("Software Engineer expects Level 2")
    expect(page.get_by_role("group", name="Product sense")).to_contain_text("Senior Product Manager expects Level 3")

    # Said politely, once the reader pauses: three ratings in a row are one announcement, not three.
    said = page.locator('[data-cg-plan-part="progress-said"]')
    expect(said).to_have_attribute("aria-live", "polite")
    page.evaluate(
        """() => {
            const said = document.querySelector('[data-cg-plan-part="progress-said"]');
            window.cgSaid = [];
            const record = () => window.cgSaid.push(said.textContent);
            new MutationObserver(record).observe(said, { childList: true, characterData: true, subtree: true });
            for (const id of ['ownership', 'communication', 'collaboration']) document.getElementById(`cg-rate-${id}-2`).click();
        }"""
    )
    expect(said).to_have_text(f"5 of {len(shown)} rated")
    assert [text for text in page.evaluate("window.cgSaid") if text] == [f"5 of {len(shown)} rated"]


@pytest.mark.browser
def test_the_comparison_shows_ways_to_grow_beside_each_gap(page: Page, site_url: str, guide: Guide) -> None:
    _choose(page, site_url, MINE, TARGET)
    row = page.locator(".cg-plan__compare tbody tr", has_text="Product sense")
    for way in guide.competencies["product-sense"].levels[2].development:
        expect(row.locator("td").last).to_contain_text(way)
    expect(page.locator(".cg-plan__compare tbody tr", has_text="Technical craft").locator("li")).to_have_count(0)


@pytest.mark.browser
def test_the_comparisons_cells_have_room_on_screen_and_paper(page: Page, site_url: str) -> None:
    _choose(page, site_url, MINE, TARGET)
    row = page.locator(".cg-plan__compare tbody tr").first
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        padding = row.locator("td").first.evaluate("cell => parseFloat(getComputedStyle(cell).paddingLeft)")
        assert padding >= 4, f"{media}: a comparison cell has {padding}px of padding"


@pytest.mark.browser
def test_about_me_fills_the_templates(page: Page, site_url: str) -> None:
    page.goto(site_url + "/plan/")
    page.get_by_label("Your name").fill("Ada Example")
    page.get_by_label("Your manager").fill("Grace Example")
    page.get_by_label("My role").select_option(MINE)
    page.goto(site_url + "/templates/meeting-request/")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("Grace Example")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("Ada Example")


def _held(page: Page, held: dict[str, Route], name: str) -> Route:
    """The request held under `name`, once the page has made it."""
    deadline = time.monotonic() + PATIENCE
    while name not in held and time.monotonic() < deadline:
        page.wait_for_timeout(50)  # how often to look, not how long to wait
    assert name in held, f"the page never asked for its {name}"
    return held[name]


@pytest.mark.browser
def test_what_is_typed_before_the_page_is_ready_is_kept(page: Page, site_url: str) -> None:
    """On a slow network the fields show before the page's script and data arrive: a name typed
    then stays and is kept, and nothing can be typed while the data loads, only to be dropped."""
    held: dict[str, Route] = {}
    # The first request of each is held; later pages load as usual.
    page.route("**/assets/career-guide/plan.js", lambda route: held.setdefault("script", route), times=1)
    page.route(f"**/{PLAN_DATA_PATH}", lambda route: held.setdefault("data", route), times=1)
    page.goto(site_url + "/plan/", wait_until="commit")
    page.get_by_label("Your name").fill("Ada Example")
    _held(page, held, "script").continue_()
    data = _held(page, held, "data")
    expect(page.get_by_label("Your manager")).to_be_disabled()
    expect(page.get_by_label("My role")).to_be_disabled()
    data.continue_()
    expect(page.get_by_label("Your manager")).to_be_enabled()  # the page is ready
    expect(page.get_by_label("Your name")).to_have_value("Ada Example")
    page.get_by_label("Your manager").fill("Grace Example")
    page.goto(site_url + "/templates/meeting-request/")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("Grace Example")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("Ada Example")


@pytest.mark.browser
def test_a_plan_goes_to_a_file_and_back_and_a_foreign_file_changes_nothing(page: Page, site_url: str, tmp_path: Path) -> None:
    _choose(page, site_url, MINE, TARGET)
    page.get_by_role("group", name="Technical craft").get_by_label("Level 4").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my plan (.json)").click()
    saved = tmp_path / "plan.json"
    info.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["plan"]["ratings"] == {"technical-craft": 4}

    page.get_by_role("button", name="Forget me").click()
    page.get_by_role("button", name="Delete everything").click()
    expect(page.get_by_text("Everything this guide kept in this browser is deleted")).to_be_visible()
    expect(page.get_by_label("My role")).to_have_value("")

    foreign = tmp_path / "holiday.json"
    foreign.write_text('{"destination": "the sea"}', encoding="utf-8")
    page.locator('[data-cg-action="import-plan"]').set_input_files(foreign)
    expect(page.get_by_text("holiday.json was not opened, and nothing was changed: it is not a plan saved from this guide")).to_be_visible()
    expect(page.get_by_label("My role")).to_have_value("")

    page.locator('[data-cg-action="import-plan"]').set_input_files(saved)
    expect(page.get_by_label("My role")).to_have_value(MINE)
    expect(page.get_by_role("group", name="Technical craft").get_by_label("Level 4")).to_be_checked()


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_meeting_pack_prints_on_three_pages_with_what_was_chosen(page: Page, site_url: str, paper: str) -> None:
    _choose(page, site_url, MINE, TARGET)
    page.get_by_label("Your name").fill("Ada Example")
    page.get_by_role("group", name="Technical craft").get_by_label("Level 3").check()
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, prefer_css_page_size=True)))
    text = " ".join(sheet.extract_text() for sheet in reader.pages)
    assert len(reader.pages) <= PACK_PAGES
    for words in ("Ada Example", "Senior Product Manager expects", "Lateral move to"):
        assert words in text, words
    assert "version" not in text, "paper has the date of the data at its foot, not its version"
    assert "Level 5: Sets technical direction" not in text, "only the chosen level prints"
    assert "Download my plan" not in text


@pytest.mark.browser
def test_the_plan_passes_axe_and_works_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "/plan/")
    page.get_by_label("My role").focus()
    page.keyboard.press("ArrowDown")  # the first role of the list
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator('[data-cg-plan-part="rating"] fieldset').first).to_be_visible()
    first = page.locator('[data-cg-plan-part="rating"] input[type="radio"]').first
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(page.locator('[data-cg-plan-part="rating"] input[type="radio"]').nth(1)).to_be_checked()
    settled(page)
    assert axe_violations(page) == []


@pytest.mark.build
def test_role_pages_list_the_roles_further_ahead(site: Site, guide: Guide) -> None:
    page = site.html(f"/roles/{MINE}/")
    further = page[page.index('id="further-ahead"') : page.index('id="roles-that-lead-here"')]
    assert "In 2 moves:" in further and guide.roles[TARGET].title in further
    assert 'href="../../plan/"' in further


@pytest.mark.browser
def test_the_agenda_and_the_preparation_worksheet_receive_the_target_and_the_biggest_gaps(page: Page, site_url: str) -> None:
    _choose(page, site_url, MINE, TARGET)
    page.get_by_role("button", name="Add to my agenda").click()
    expect(page.get_by_text("Added to your agenda and preparation worksheet: Senior Product Manager")).to_be_visible()
    gaps = ["- Product sense: from ", "- Strategic thinking: from ", "- Coaching and mentoring: from "]
    page.goto(site_url + "/templates/agenda/")
    body = page.locator('[data-cg-part="body"]')
    expect(body).to_contain_text("Senior Product Manager (Product Management)")
    text = body.inner_text()
    assert "To grow towards Senior Product Manager:\n" in text
    for gap in gaps:
        # Each gap on a line of its own, under the agenda item it belongs to.
        assert "\n   " + gap in text, (gap, text)
    page.goto(site_url + "/worksheets/meeting-preparation/")
    expect(page.get_by_label("The role I am aiming for")).to_have_value("Senior Product Manager (Product Management)")
    goals = page.get_by_label("My biggest gaps, and what I will ask for").input_value()
    assert all(gap in goals for gap in gaps), goals


@pytest.mark.browser
def test_each_gap_becomes_concrete_requests_and_the_roles_own_come_once(page: Page, site_url: str, guide: Guide) -> None:
    _choose(page, site_url, MINE, TARGET)
    page.get_by_role("button", name="Add to my agenda").click()
    expect(page.get_by_text("Added to your agenda and preparation worksheet")).to_be_visible()
    page.goto(site_url + "/worksheets/meeting-preparation/")
    goals = page.get_by_label("My biggest gaps, and what I will ask for").input_value()
    # A gap: the company's offer first, then the ways to grow into the step expected, three requests at most.
    ways = guide.competencies["product-sense"].levels[2].development
    assert (
        "\n".join(
            [
                "- Product sense: from not yet to Level 3",
                '  Request: ask to join "Customer insights project" (project), contact insights@brightwell.example',
                *(f"  Request: {way}" for way in ways),
                "- Strategic thinking: from not yet to Level 3",
            ]
        )
        in goals
    ), goals
    assert f"  Request: {guide.competencies['mentoring'].levels[1].development[0]}\n" in goals, goals
    # The role's development requests, the same whatever the gap, once after the gaps.
    role_wide = "\n".join(
        ["- Development requests for Senior Product Manager:", *(f"  Request: {text}" for text in guide.roles[TARGET].development[:3])]
    )
    assert role_wide in goals and goals.index(role_wide) > goals.index("- Coaching and mentoring: "), goals
    requests = [line for line in goals.splitlines() if line.startswith("  Request: ")]
    assert len(requests) == len(set(requests)), "nothing is asked for twice"
    items = goals.split("\n- ")[1:]
    assert all(item.count("\n  Request: ") <= 3 for item in items), goals
    page.goto(site_url + "/templates/agenda/")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text(f"Request: {ways[1]}")


@pytest.mark.browser
def test_the_meeting_pack_carries_the_agenda_and_the_follow_up_plan(page: Page, site_url: str) -> None:
    page.goto(site_url + "/templates/agenda/")
    page.get_by_label("Your Name", exact=True).fill("Ada Example")
    page.get_by_label("Other Topic (optional)", exact=True).fill("Conference budget")
    page.goto(site_url + "/worksheets/follow-up-plan/")
    page.get_by_label("Action, row 1").fill("Shadow the product trio")
    page.get_by_label("Conversation date").fill("2026-12-03")
    with page.expect_download():
        page.get_by_role("button", name="Download calendar reminder (.ics)").click()
    _choose(page, site_url, MINE, TARGET)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    text = " ".join(sheet.extract_text() for sheet in reader.pages)
    assert len(reader.pages) <= PACK_PAGES
    text = " ".join(text.split())
    for words in ("Career development conversation: Ada Example", "Conference budget", "Shadow the product trio"):
        assert words in text, words
    assert "January 14, 2027" in text or "14 January 2027" in text, "the check-in, six weeks after the conversation"
