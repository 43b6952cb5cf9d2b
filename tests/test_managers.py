"""The manager's side: the managers' chapter, and a shared plan as the manager reads and prints it."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from helpers import PATIENCE_MS, Site, axe_violations, search_for, settled
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from macros.model.guide import Guide

MINE, TARGET = "software-engineer", "senior-product-manager"
SHEET_PAGES = 2
"""The manager's sheet prints on two pages at most."""


def _manager_bank(guide: Guide) -> list[str]:
    (bank,) = [bank for bank in guide.banks.values() if bank.audience == "manager"]
    return [question.text for question in bank.questions]


@pytest.mark.build
def test_the_managers_chapter_has_every_stage_and_the_managers_questions_from_the_data(site: Site, guide: Guide) -> None:
    text = site.text("/managers/")
    for heading in ("When someone asks for a career conversation", "Preparing", "Holding the conversation", "Following up"):
        assert heading in text, heading
    for words in ("listen", "pay", "promotion", "performance review", "check-in", "My plan", "opportunities"):
        assert words in text, words
    for question in _manager_bank(guide):
        assert question.split("?")[0] in text, question
    assert 'href="../plan/"' in site.html("/managers/")


@pytest.mark.build
def test_a_managers_questions_stay_out_of_the_employees_pages(site: Site, guide: Guide) -> None:
    questions = _manager_bank(guide)
    for url in [f"/roles/{role}/" for role in guide.roles] + [f"/competencies/{competency}/" for competency in guide.competencies]:
        page = site.text(url)
        assert not [question for question in questions if question.split("?")[0] in page], url


@pytest.fixture
def employee(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    context.set_default_timeout(PATIENCE_MS)
    yield context.new_page()
    context.close()


def _shared_plan(employee: Page, site_url: str) -> str:
    employee.goto(site_url + "/plan/")
    expect(employee.locator('[data-cg-plan-part="version"]')).to_contain_text("version")
    employee.get_by_label("Your name").fill("Ada Example")
    employee.get_by_label("My role").select_option(MINE)
    employee.get_by_label("A role I am curious about").select_option(TARGET)
    employee.get_by_role("group", name="Customer focus").get_by_label("Level 3").check()
    employee.get_by_role("button", name="Copy a link for my manager").click()
    expect(employee.get_by_text("Link copied")).to_be_visible()
    link: str = employee.evaluate("navigator.clipboard.readText()")
    return link


@pytest.mark.browser
def test_the_shared_plan_offers_the_manager_questions_and_what_the_company_offers(employee: Page, page: Page, site_url: str) -> None:
    link = _shared_plan(employee, site_url)
    page.goto(link)
    manager = page.locator('[data-cg-plan-part="manager"]')
    expect(manager).to_contain_text("For the conversation with Ada Example")
    # The test company's questions for managers: general ones, and those about the biggest gaps.
    expect(manager).to_contain_text("What is one step you can take in the next month")
    expect(manager).to_contain_text("Which product decision coming up would you like to follow closely")
    offers = page.locator(".cg-plan__offers")
    expect(offers).to_be_visible()
    expect(offers.get_by_role("link").first).to_have_attribute("href", re.compile(r"/opportunities/#"))


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_managers_sheet_prints_on_two_pages(employee: Page, page: Page, site_url: str, paper: str) -> None:
    link = _shared_plan(employee, site_url)
    page.goto(link)
    expect(page.locator('[data-cg-plan-part="manager"]')).to_contain_text("For the conversation")
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, prefer_css_page_size=True)))
    text = " ".join(" ".join(sheet.extract_text() for sheet in reader.pages).split())
    assert len(reader.pages) <= SHEET_PAGES, len(reader.pages)
    for words in (
        "Ada Example's plan",
        "Senior Product Manager expects",
        "For the conversation with Ada Example",
        "What the company offers",
    ):
        assert words in text, words
    for screen_only in ("Make this my plan", "Rate myself", "Share and keep"):
        assert screen_only not in text, screen_only


@pytest.mark.browser
def test_add_to_my_agenda_writes_a_concrete_request(employee: Page, site_url: str) -> None:
    _shared_plan(employee, site_url)
    employee.get_by_role("button", name="Add to my agenda").click()
    expect(employee.get_by_text("Added to your agenda")).to_be_visible()
    employee.goto(site_url + "/templates/agenda/")
    body = employee.locator('[data-cg-part="body"]')
    expect(body).to_contain_text("Request: ask to join")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_managers_chapter_passes_axe_and_is_found_by_search(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    page.goto(site_url + "/managers/")
    expect(page.get_by_role("navigation").get_by_role("link", name="For managers").first).to_be_attached()
    settled(page)
    assert axe_violations(page) == []
    search_for(page, "promise")
    expect(page.locator(".md-search-result__item").first).to_contain_text("For managers")
