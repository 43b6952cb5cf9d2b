"""My plan's ratings on a role's worksheet, in Debian's Chromium: shown where nothing is typed, never over what is."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from helpers import normalise
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from macros.model.guide import Guide

pytestmark = pytest.mark.browser

MINE, TARGET = "software-engineer", "senior-product-manager"
OWN_WORDS = "Level 4: I led the billing rewrite"


def _rate_in_my_plan(page: Page, site_url: str, guide: Guide, ratings: dict[str, str]) -> None:
    """Choose my role and the one I am curious about, and rate the competencies named ("Level 2", "Not sure")."""
    page.goto(site_url + "/plan/")
    expect(page.locator('[data-cg-plan-part="version"]')).to_contain_text("version")  # the data is in
    page.get_by_label("My role").select_option(MINE)
    page.get_by_label("A role I am curious about").select_option(TARGET)
    for competency_id, level in ratings.items():
        choice = page.get_by_role("group", name=guide.competencies[competency_id].name).get_by_label(level)
        choice.check()
        expect(choice).to_be_checked()


def _where_i_am(page: Page, guide: Guide, competency_id: str) -> Locator:
    return page.get_by_label(f"Where I am now: {guide.competencies[competency_id].name}", exact=True)


def _pdf_text(pdf: bytes) -> str:
    return normalise(" ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages))


def test_my_plans_ratings_show_on_the_role_worksheet_and_my_own_words_stay(page: Page, site_url: str, guide: Guide, tmp_path: Path) -> None:
    worksheet = site_url + f"/roles/{MINE}/worksheet/"
    skills = list(guide.roles[MINE].skills)
    typed, *others = skills
    page.goto(worksheet)
    _where_i_am(page, guide, typed).fill(OWN_WORDS)

    ratings = {competency_id: f"Level {index % 3 + 1}" for index, competency_id in enumerate(skills)}
    ratings[others[-1]] = "Not sure"
    _rate_in_my_plan(page, site_url, guide, ratings)
    page.goto(worksheet)
    for competency_id in others:
        expect(_where_i_am(page, guide, competency_id)).to_have_value(f"{ratings[competency_id]} (from My plan)")
    expect(_where_i_am(page, guide, typed)).to_have_value(OWN_WORDS)

    # The employee's own words replace the plan's, and stay.
    _where_i_am(page, guide, others[0]).fill("Level 3, with examples")
    page.get_by_label("Your name").fill("Ada Example")
    page.reload()
    expect(_where_i_am(page, guide, others[0])).to_have_value("Level 3, with examples")
    expect(_where_i_am(page, guide, typed)).to_have_value(OWN_WORDS)

    # What the plan shows is printed and downloaded with the answers ...
    expect(_where_i_am(page, guide, others[1])).to_have_value(f"{ratings[others[1]]} (from My plan)")
    assert f"{ratings[others[1]]} (from My plan)" in _pdf_text(page.pdf(format="A4", prefer_css_page_size=True))
    with page.expect_download() as info:
        page.get_by_role("button", name="Download answers (.md)").click()
    saved = tmp_path / "answers.md"
    info.value.save_as(saved)
    answers = saved.read_text(encoding="utf-8")
    assert f"| {ratings[others[1]]} (from My plan) |" in answers and f"| {OWN_WORDS} |" in answers, answers

    # ... but is not kept as an answer: a later rating in the plan shows on the worksheet.
    kept = page.evaluate(f"() => localStorage.getItem('career-guide:worksheet:role-{MINE}')")
    assert not any("from My plan" in answer for answer in json.loads(kept).values()), kept
    _rate_in_my_plan(page, site_url, guide, {others[1]: "Level 5"})
    page.goto(worksheet)
    expect(_where_i_am(page, guide, others[1])).to_have_value("Level 5 (from My plan)")


def test_a_rating_describes_me_so_it_shows_on_any_roles_worksheet(page: Page, site_url: str, guide: Guide) -> None:
    # The plan's role is Software Engineer; the worksheet of the role of interest shows the same ratings.
    assert "communication" in guide.roles[TARGET].skills
    _rate_in_my_plan(page, site_url, guide, {"communication": "Level 2"})
    page.goto(site_url + f"/roles/{TARGET}/worksheet/")
    expect(_where_i_am(page, guide, "communication")).to_have_value("Level 2 (from My plan)")
    expect(_where_i_am(page, guide, "product-sense")).to_have_value("")


def test_the_preparation_worksheet_says_on_paper_where_its_plan_answers_come_from(page: Page, site_url: str) -> None:
    page.goto(site_url + "/worksheets/meeting-preparation/")
    expect(page.get_by_text('"Add to my agenda" on My plan fills these in')).to_be_visible()
    text = _pdf_text(page.pdf(format="A4", prefer_css_page_size=True))
    assert "The role you are aiming for and your biggest gaps, from My plan or in your own words." in text, text
    assert "Add to my agenda" not in text and "fills these in" not in text, "how the screen works is not printed"
