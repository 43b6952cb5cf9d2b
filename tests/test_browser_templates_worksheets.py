"""Templates and worksheets in Debian's Chromium: fill in, copy, send, save, print, download."""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from helpers import normalise
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from macros.model.guide import Guide

pytestmark = pytest.mark.browser

EXPECTED_PAGES = {"self-assessment": 2, "meeting-preparation": 2, "follow-up-plan": 2}
"""Printed length of each general worksheet, the same on A4 and US Letter (two pages at most)."""

NOT_ON_PAPER = [
    "Research career paths",
    "Message templates",
    "Table of contents",
    "Made with",
    "Skip to",
    "Print",
    "Download answers",
    "Clear answers",
    "calendar reminder",
    "Search",
]


@pytest.fixture
def page(browser: object) -> Iterator[Page]:
    """A page allowed to read and write the clipboard, as a person clicking 'Copy' is."""
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    yield context.new_page()
    context.close()


def _clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def _filled(text: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        text = text.replace(f"[{name}]", value)
    return text


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), normalise(" ".join(page.extract_text() for page in reader.pages))


def test_placeholders_fill_the_preview_and_both_copies(page: Page, site_url: str, guide: Guide) -> None:
    template = guide.templates["meeting-request"]
    values = {"Manager's Name": "Dana Reyes", "Your Name": "Sam Lee"}
    page.goto(site_url + "/templates/meeting-request/")
    for name, value in values.items():
        page.get_by_label(name, exact=True).fill(value)
    body = page.locator('[data-cg-part="body"]')
    expect(body).to_contain_text("Hi Dana Reyes,")
    # The guide writes the company's name in: no blank to fill, none missing.
    expect(body).to_contain_text(f"my long-term development here at {guide.company.name}.")
    expect(page.get_by_label("Company Name")).to_have_count(0)

    page.get_by_role("button", name="Copy subject").click()
    expect(page.get_by_role("button", name="Copied ✓")).to_be_visible()
    assert _clipboard(page) == _filled(template.subject or "", values)

    page.get_by_role("button", name="Copy message").click()
    expect(page.get_by_role("status")).to_have_text("Message copied to the clipboard.")
    assert _clipboard(page) == _filled(template.body, values), "plain text, line breaks intact"
    assert f"here at {guide.company.name}." in _clipboard(page)

    href = page.get_by_role("link", name="Open in your e-mail app").get_attribute("href") or ""
    query = parse_qs(urlparse(href).query)
    assert href.startswith("mailto:?")
    assert query["subject"] == [_filled(template.subject or "", values)]
    assert query["body"] == [_filled(template.body, values).replace("\n", "\r\n")]


def test_values_are_remembered_across_pages_and_reloads(page: Page, site_url: str) -> None:
    page.goto(site_url + "/templates/meeting-request/")
    page.get_by_label("Manager's Name", exact=True).fill("Dana Reyes")
    page.goto(site_url + "/templates/thank-you/")
    expect(page.get_by_label("Manager's Name", exact=True)).to_have_value("Dana Reyes")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("Dana Reyes")
    page.reload()
    expect(page.get_by_label("Manager's Name", exact=True)).to_have_value("Dana Reyes")
    page.goto(site_url + "/worksheets/self-assessment/")
    expect(page.get_by_label("Your manager", exact=True)).to_have_value("Dana Reyes")
    assert "career-guide:placeholders" in page.evaluate("Object.keys(localStorage)")


def test_templates_work_after_instant_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url + "/meeting/request/", wait_until="networkidle")  # Material has read the sitemap
    page.evaluate("window.cgSamePage = true")
    page.locator("article").get_by_role("link", name="Fill in, copy or send this message").first.click()
    page.wait_for_url("**/templates/meeting-request/")
    assert page.evaluate("window.cgSamePage === true"), "the page was reached by Material's instant navigation"
    page.get_by_label("Your Name", exact=True).fill("Sam Lee")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("Sam Lee")
    page.get_by_role("button", name="Copy message").click()
    expect(page.get_by_role("status")).to_contain_text("still empty")
    page.get_by_role("button", name="Copy message").click()
    expect(page.get_by_role("status")).to_have_text("Message copied to the clipboard.")
    assert "Sam Lee" in _clipboard(page)


def test_worksheet_answers_survive_reload_and_clear(page: Page, site_url: str, guide: Guide) -> None:
    question = guide.worksheets["self-assessment"].sections[0].questions[0]
    page.goto(site_url + "/worksheets/self-assessment/")
    answer = page.get_by_label(normalise(question.text), exact=True)
    answer.fill("Shipping the billing rewrite.\nOn time, with no incident.")
    page.get_by_label("Your name").fill("Sam Lee")
    page.get_by_role("row").nth(0)  # the page is fully set up before reloading
    page.reload()
    expect(page.get_by_label(normalise(question.text), exact=True)).to_have_value(
        "Shipping the billing rewrite.\nOn time, with no incident."
    )
    expect(page.get_by_label("Your name")).to_have_value("Sam Lee")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear answers").click()
    expect(page.get_by_label(normalise(question.text), exact=True)).to_have_value("")
    page.reload()
    expect(page.get_by_label(normalise(question.text), exact=True)).to_have_value("")


def test_worksheet_answers_download_as_markdown_and_text(page: Page, site_url: str, guide: Guide, tmp_path: Path) -> None:
    sheet = guide.worksheets["follow-up-plan"]
    question = sheet.sections[0].questions[0]
    page.goto(site_url + "/worksheets/follow-up-plan/")
    page.get_by_label(normalise(question.text), exact=True).fill("Grow into a tech lead.\nWithin a year.")
    page.get_by_label("Action, row 1").fill("Lead the Q3 migration")
    page.get_by_label("Owner, row 1").fill("Me")
    for button, name in (("Download answers (.md)", "follow-up-plan.md"), ("Download answers (.txt)", "follow-up-plan.txt")):
        with page.expect_download() as info:
            page.get_by_role("button", name=button).click()
        download = info.value
        assert download.suggested_filename == name
        target = tmp_path / name
        download.save_as(target)
        content = target.read_text(encoding="utf-8")
        assert sheet.title in content and normalise(question.text) in content
        assert "Grow into a tech lead." in content
        for section in sheet.sections:
            assert section.title in content
        if name.endswith(".md"):
            assert "| Lead the Q3 migration | Me |  |  |" in content
            # Label, answer and each line of the answer stay apart when the Markdown is read.
            assert f"**{normalise(question.text)}**\n\nGrow into a tech lead.  \nWithin a year.\n" in content
        else:
            assert "Action: Lead the Q3 migration; Owner: Me" in content


def test_follow_up_reminder_is_a_calendar_file(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "/worksheets/follow-up-plan/")
    page.get_by_label("Conversation date").fill("2026-12-03")
    page.get_by_label("Weeks after the conversation").fill("6")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download calendar reminder (.ics)").click()
    target = tmp_path / "reminder.ics"
    info.value.save_as(target)
    calendar = target.read_bytes().decode("utf-8")
    assert info.value.suggested_filename.endswith(".ics")
    assert calendar.startswith("BEGIN:VCALENDAR\r\n") and calendar.endswith("END:VCALENDAR\r\n")
    day = (datetime.date(2026, 12, 3) + datetime.timedelta(weeks=6)).strftime("%Y%m%d")
    assert f"DTSTART;VALUE=DATE:{day}\r\n" in calendar
    assert "SUMMARY:Check in with my manager on my development plan\r\n" in calendar
    assert all(len(line.encode()) <= 75 for line in calendar.split("\r\n"))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("worksheet_id", sorted(EXPECTED_PAGES))
def test_worksheets_print_on_paper(page: Page, site_url: str, guide: Guide, worksheet_id: str, paper: str) -> None:
    sheet = guide.worksheets[worksheet_id]
    page.goto(site_url + f"/worksheets/{worksheet_id}/")
    pages, text = _pdf_text(page.pdf(format=paper, prefer_css_page_size=True))
    assert pages == EXPECTED_PAGES[worksheet_id]
    assert sheet.title in text
    for section in sheet.sections:
        assert section.title in text
        for question in section.questions:
            assert normalise(question.text) in text
    for words in NOT_ON_PAPER:
        assert words not in text, f"{words!r} is printed"


ROLE_WORKSHEET_PAGES = 3
"""A role's own worksheet, with its competencies to rate, prints on three pages at most, on A4 and US Letter."""


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_role_worksheet_prints_on_its_page_budget(page: Page, site_url: str, guide: Guide, paper: str) -> None:
    for role in guide.roles.values():
        page.goto(site_url + f"/roles/{role.id}/worksheet/")
        pages, text = _pdf_text(page.pdf(format=paper, prefer_css_page_size=True))
        assert pages <= ROLE_WORKSHEET_PAGES, f"{role.id} prints on {pages} pages"
        for competency_id in role.skills:
            assert normalise(guide.competencies[competency_id].name) in text, (role.id, competency_id)
        for words in NOT_ON_PAPER:
            assert words not in text, f"{words!r} is printed"


def test_questions_are_not_split_from_their_writing_space(page: Page, site_url: str) -> None:
    page.goto(site_url + "/worksheets/self-assessment/")
    page.emulate_media(media="print")
    rules = page.evaluate("[...document.querySelectorAll('.cg-answer')].map(answer => getComputedStyle(answer).breakInside)")
    assert rules and set(rules) == {"avoid"}


def test_a_worksheet_prints_with_its_answers(page: Page, site_url: str, guide: Guide) -> None:
    question = guide.worksheets["self-assessment"].sections[1].questions[0]
    long_answer = " ".join(f"Answer sentence number {n}." for n in range(1, 30))
    page.goto(site_url + "/worksheets/self-assessment/")
    page.get_by_label(normalise(question.text), exact=True).fill(long_answer)
    page.reload()  # printed from the saved answers, as after coming back to the page
    _, text = _pdf_text(page.pdf(format="A4", prefer_css_page_size=True))
    assert "Answer sentence number 1." in text and "Answer sentence number 29." in text, "long answers print whole"


def test_role_worksheet_prints_without_navigation(page: Page, site_url: str, guide: Guide) -> None:
    role = guide.roles["senior-engineer"]
    page.goto(site_url + "/roles/senior-engineer/worksheet/")
    pages, text = _pdf_text(page.pdf(format="A4", prefer_css_page_size=True))
    assert 1 <= pages <= 4
    for question in guide.questions_for(role):
        assert normalise(question.text) in text
    for words in NOT_ON_PAPER:
        assert words not in text, f"{words!r} is printed"


def test_print_button_opens_the_print_dialog(page: Page, site_url: str) -> None:
    page.goto(site_url + "/worksheets/self-assessment/")
    page.evaluate("window.print = () => { window.cgPrinted = true; }")
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.cgPrinted === true")


def test_without_javascript_templates_and_worksheets_read_correctly(browser: object, site_url: str, guide: Guide) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(site_url + "/templates/meeting-request/")
        body = page.locator('[data-cg-part="body"]')
        expect(body).to_contain_text("[Manager's Name]")
        assert body.inner_text().strip() == guide.templates["meeting-request"].body.strip()
        expect(page.get_by_role("button", name="Copy message")).to_be_hidden()
        expect(page.get_by_role("link", name="Open in your e-mail app")).to_be_visible()
        page.goto(site_url + "/worksheets/self-assessment/")
        expect(page.get_by_role("button", name="Clear answers")).to_be_hidden()
        first = guide.worksheets["self-assessment"].sections[0].questions[0]
        expect(page.get_by_label(normalise(first.text), exact=True)).to_be_visible()
        # It looks fillable, so it says that nothing typed is kept.
        expect(page.get_by_text("Without JavaScript, what you type on this page is not kept")).to_be_visible()
        page.goto(site_url + "/roles/senior-engineer/worksheet/")
        expect(page.get_by_text("Without JavaScript, what you type on this page is not kept")).to_be_visible()
    finally:
        context.close()


def test_a_role_worksheets_agenda_shows_the_name_typed_at_its_top_on_screen_and_paper(page: Page, site_url: str) -> None:
    page.goto(site_url + "/roles/senior-engineer/worksheet/")
    page.get_by_label("Your name").fill("Sam Lee")
    agenda = page.locator('[data-cg-part="body"]')
    expect(agenda).to_contain_text("Career development conversation: Sam Lee and [Manager's Name]")
    _, text = _pdf_text(page.pdf(format="A4", prefer_css_page_size=True))
    assert "Career development conversation: Sam Lee" in text and "[Your Name]" not in text


PRINTABLE = [
    "/worksheets/self-assessment/",
    "/worksheets/meeting-preparation/",
    "/worksheets/follow-up-plan/",
    "/roles/senior-engineer/worksheet/",
    "/templates/agenda/",
    "/templates/thank-you/",
    "/templates/meeting-request/",
    "/templates/meeting-request-chat/",
    "/templates/informational-interview-request/",
    "/plan/",
]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("url", PRINTABLE)
def test_no_printable_page_ends_with_a_blank_page(page: Page, site_url: str, url: str, paper: str) -> None:
    page.goto(site_url + url)
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, prefer_css_page_size=True)))
    last = re.sub(r"Career data of \d{4}-\d{2}-\d{2}", "", reader.pages[-1].extract_text()).strip()
    assert last, f"{url} on {paper}: its last page ({len(reader.pages)}) is blank"


def test_keyboard_reaches_and_uses_the_copy_button(page: Page, site_url: str, guide: Guide) -> None:
    page.goto(site_url + "/templates/meeting-request-chat/")
    button = page.get_by_role("button", name="Copy message")
    for _ in range(60):
        page.keyboard.press("Tab")
        if button.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the copy button")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("still empty")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Message copied to the clipboard.")
    assert _clipboard(page) == guide.templates["meeting-request-chat"].body


def test_mailto_in_the_page_matches_the_rendered_text(page: Page, site_url: str) -> None:
    page.goto(site_url + "/templates/thank-you/")
    href = page.get_by_role("link", name="Open in your e-mail app").get_attribute("href") or ""
    subject = page.locator('[data-cg-part="subject"]').inner_text()
    assert parse_qs(urlparse(href).query)["subject"] == [subject]
    assert re.match(r"^mailto:\?subject=[^&]+&body=", href)


def test_worksheets_work_after_instant_navigation(page: Page, site_url: str, guide: Guide) -> None:
    question = guide.worksheets["self-assessment"].sections[0].questions[0]
    page.goto(site_url + "/prepare/self-assessment/", wait_until="networkidle")
    page.evaluate("window.cgSamePage = true")
    page.locator("article").get_by_role("link", name="Open the worksheet to print or fill in").first.click()
    page.wait_for_url("**/worksheets/self-assessment/")
    page.get_by_label(normalise(question.text), exact=True).fill("The onboarding guide.")
    page.go_back()
    page.wait_for_url("**/prepare/self-assessment/")
    page.go_forward()
    page.wait_for_url("**/worksheets/self-assessment/")
    expect(page.get_by_label(normalise(question.text), exact=True)).to_have_value("The onboarding guide.")
    assert page.evaluate("window.cgSamePage === true"), "every step stayed within Material's instant navigation"


def test_the_e_mail_app_opens_only_once_the_empty_blanks_are_named(page: Page, site_url: str) -> None:
    page.goto(site_url + "/templates/thank-you/")
    link = page.get_by_role("link", name="Open in your e-mail app")
    link.evaluate("element => element.addEventListener('click', event => event.preventDefault())")  # no mail app here
    link.click()
    expect(page.get_by_role("status")).to_contain_text("blanks still empty: [Manager's Name]")
    expect(page.get_by_role("status")).to_contain_text("or open the e-mail app again to keep the brackets")


def test_the_conversation_date_is_typed_once_and_seen_wherever_it_is_asked(page: Page, site_url: str) -> None:
    page.goto(site_url + "/worksheets/meeting-preparation/")
    page.get_by_label("Conversation date").fill("2026-12-10")

    # The agenda says it in words, in its blank, its text, the copy and the e-mail.
    page.goto(site_url + "/templates/agenda/")
    expect(page.get_by_label("Meeting Date", exact=True)).to_have_value("Thursday 10 December 2026")
    body = page.locator('[data-cg-part="body"]')
    expect(body).to_contain_text("Date: Thursday 10 December 2026")
    page.get_by_role("button", name="Copy message").click()
    page.get_by_role("button", name="Copy message").click()
    expect(page.get_by_role("status")).to_have_text("Message copied to the clipboard.")
    assert "\nDate: Thursday 10 December 2026\n" in _clipboard(page)
    href = page.get_by_role("link", name="E-mail this agenda").get_attribute("href") or ""
    assert "\r\nDate: Thursday 10 December 2026\r\n" in parse_qs(urlparse(href).query)["body"][0]

    # Every worksheet's date field, and a role worksheet's agenda.
    page.goto(site_url + "/roles/senior-engineer/worksheet/")
    expect(page.get_by_label("Conversation date")).to_have_value("2026-12-10")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("Date: Thursday 10 December 2026")
    page.goto(site_url + "/worksheets/follow-up-plan/")
    expect(page.get_by_label("Conversation date")).to_have_value("2026-12-10")

    # The check-in counts from it, and the meeting pack prints it.
    page.get_by_label("Weeks after the conversation").fill("6")
    with page.expect_download():
        page.get_by_role("button", name="Download calendar reminder (.ics)").click()
    expect(page.locator("[data-cg-reminder] [role=status]")).to_contain_text(
        "Your check-in is on Thursday 21 January 2027, 6 weeks after your conversation on 10 December 2026."
    )
    page.goto(site_url + "/plan/")
    expect(page.locator('[data-cg-plan-part="own"] [data-cg-part="body"]')).to_contain_text("Date: Thursday 10 December 2026")

    # Changed on one sheet, it changes everywhere.
    page.goto(site_url + "/worksheets/follow-up-plan/")
    page.get_by_label("Conversation date").fill("2026-12-11")
    page.goto(site_url + "/worksheets/meeting-preparation/")
    expect(page.get_by_label("Conversation date")).to_have_value("2026-12-11")


def test_a_meeting_date_typed_in_words_fills_the_date_fields_only_when_it_is_a_date(page: Page, site_url: str) -> None:
    page.goto(site_url + "/templates/agenda/")
    page.get_by_label("Meeting Date", exact=True).fill("11 December 2026")
    page.goto(site_url + "/worksheets/meeting-preparation/")
    expect(page.get_by_label("Conversation date")).to_have_value("2026-12-11")

    page.goto(site_url + "/templates/agenda/")
    page.get_by_label("Meeting Date", exact=True).fill("next Tuesday, after lunch")
    page.goto(site_url + "/worksheets/meeting-preparation/")
    expect(page.get_by_label("Conversation date")).to_have_value("")
    page.get_by_label("Your name").fill("Sam Lee")  # the sheet works as ever
    page.goto(site_url + "/templates/agenda/")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("Date: next Tuesday, after lunch")


OLD_BROWSER = """([dates, shared]) => {
    localStorage.clear();
    localStorage.setItem("career-guide:format", JSON.stringify({version: 1}));
    for (const [sheet, date] of Object.entries(dates))
        localStorage.setItem(`career-guide:worksheet:${sheet}`, JSON.stringify({date, name: "Sam Lee"}));
    localStorage.setItem("career-guide:placeholders", JSON.stringify(shared));
}"""
"""A browser as the guide left it when each worksheet kept its own date."""


def test_dates_kept_on_each_worksheet_before_become_the_shared_one(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.evaluate(OLD_BROWSER, [{"meeting-preparation": "2026-11-02", "follow-up-plan": "2026-11-20"}, {}])
    page.goto(site_url + "/templates/agenda/")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("Date: Friday 20 November 2026")
    page.goto(site_url + "/worksheets/meeting-preparation/")
    expect(page.get_by_label("Conversation date")).to_have_value("2026-11-20")
    expect(page.get_by_label("Your name")).to_have_value("Sam Lee")

    # A date already shared stays: an older sheet's own date never replaces it.
    page.evaluate(OLD_BROWSER, [{"follow-up-plan": "2026-11-20"}, {"meeting date": "2027-01-05"}])
    page.goto(site_url + "/worksheets/follow-up-plan/")
    expect(page.get_by_label("Conversation date")).to_have_value("2027-01-05")


def test_a_blank_in_a_question_shows_what_was_typed_under_its_name_elsewhere(page: Page, site_url: str, guide: Guide) -> None:
    page.goto(site_url + "/")
    page.evaluate("localStorage.setItem('career-guide:placeholders', JSON.stringify({'your goal': 'lead a team'}))")
    page.goto(site_url + "/worksheets/meeting-preparation/")
    expect(page.get_by_label("Based on my goal to lead a team, which skills")).to_be_visible()
    page.goto(site_url + "/roles/senior-engineer/")
    questions = page.locator("article .cg-questions")
    expect(questions.get_by_text("Based on my goal to lead a team,")).to_be_visible()
    # A blank never filled stays in brackets.
    expect(questions.get_by_text("help me practise [skill]?")).to_be_visible()


def test_an_agenda_talking_point_takes_several_lines_under_its_item(page: Page, site_url: str) -> None:
    page.goto(site_url + "/templates/agenda/")
    field = page.get_by_label("Career Interests", exact=True)
    assert field.evaluate("element => element.tagName") == "TEXTAREA"
    field.fill("Product management.\nLater, leading a team.")
    body = page.locator('[data-cg-part="body"]')
    expect(body).to_contain_text("Later, leading a team.")
    assert "My long-term interests: Product management.\n   Later, leading a team." in body.inner_text()
    # Names and dates stay on one line.
    assert page.get_by_label("Meeting Date", exact=True).evaluate("element => element.tagName") == "INPUT"


def test_an_optional_blank_is_not_missing_and_its_empty_line_is_left_out(page: Page, site_url: str, guide: Guide) -> None:
    agenda = guide.templates["agenda"]
    page.goto(site_url + "/templates/agenda/")
    required = {
        "Your Name": "Sam Lee",
        "Manager's Name": "Dana Reyes",
        "Meeting Date": "10 December 2026",
        "Current Role Highlights": "Mentoring",
        "Career Interests": "Product",
        "Development Goals": "A course",
    }
    for name, value in required.items():
        page.get_by_label(name, exact=True).fill(value)
    other = page.get_by_label("Other Topic (optional)", exact=True)
    expect(other).to_be_visible()
    page.get_by_role("button", name="Copy message").click()
    expect(page.get_by_role("status")).to_have_text("Message copied to the clipboard.")  # nothing is missing
    copied = _clipboard(page)
    assert copied == _filled(agenda.body, required).replace("\n- [Other Topic (optional)]", "")
    assert copied.endswith("Also on my mind:")
    href = page.get_by_role("link", name="E-mail this agenda").get_attribute("href") or ""
    assert "Other Topic" not in parse_qs(urlparse(href).query)["body"][0]
    # On the page, the blank still shows where it would go.
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("- [Other Topic (optional)]")

    other.fill("Conference budget")
    page.get_by_role("button", name="Copy message").click()
    expect(page.get_by_role("status")).to_have_text("Message copied to the clipboard.")
    assert _clipboard(page).endswith("Also on my mind:\n- Conference budget")


def test_the_agenda_can_be_e_mailed(page: Page, site_url: str, guide: Guide) -> None:
    agenda = guide.templates["agenda"]
    page.goto(site_url + "/templates/agenda/")
    page.get_by_label("Your Name", exact=True).fill("Sam Lee")
    href = page.get_by_role("link", name="E-mail this agenda").get_attribute("href") or ""
    query = parse_qs(urlparse(href).query)
    assert query["subject"] == [agenda.subject]
    assert query["body"][0].startswith("Career development conversation: Sam Lee and [Manager's Name]\r\n")


def test_a_list_in_a_message_takes_as_many_entries_as_needed(page: Page, site_url: str) -> None:
    page.goto(site_url + "/templates/thank-you/")
    actions = page.get_by_role("group", name="I will [My Action] by [Date].")
    actions.get_by_label("My Action", exact=True).fill("write the design doc")
    actions.get_by_label("Date", exact=True).fill("15 January")
    actions.get_by_role("button", name="Add another").click()
    expect(page.get_by_role("status")).to_have_text("Entry 2 added.")
    expect(actions.get_by_label("My Action, entry 2", exact=True)).to_be_focused()
    actions.get_by_label("My Action, entry 2", exact=True).fill("shadow a product manager")
    body = page.locator('[data-cg-part="body"]')
    expect(body).to_contain_text("- I will shadow a product manager by [Date].")
    assert "- I will write the design doc by 15 January.\n- I will shadow a product manager by [Date].\n- You will" in body.inner_text()

    # An entry's blank still empty is named with its entry.
    page.get_by_role("button", name="Copy message").click()
    expect(page.get_by_role("status")).to_contain_text("[Date] (entry 2)")

    page.reload()
    expect(actions.get_by_label("My Action, entry 2", exact=True)).to_have_value("shadow a product manager")

    # Removing an entry moves the later ones up, in the page, the message and what is kept.
    actions.get_by_role("button", name="Add another").click()
    actions.get_by_label("My Action, entry 3", exact=True).fill("book a mentor")
    actions.get_by_role("button", name="Remove entry 2").click()
    expect(page.get_by_role("status")).to_have_text("Entry 2 removed.")
    expect(actions.get_by_label("My Action, entry 3", exact=True)).to_have_count(0)
    expect(actions.get_by_label("My Action, entry 2", exact=True)).to_have_value("book a mentor")
    expect(body).not_to_contain_text("shadow a product manager")
    page.reload()
    expect(actions.get_by_label("My Action, entry 2", exact=True)).to_have_value("book a mentor")
    expect(actions.get_by_label("My Action, entry 3", exact=True)).to_have_count(0)
    expect(body).to_contain_text("- I will write the design doc by 15 January.\n- I will book a mentor by [Date].")


def test_a_table_of_answers_takes_as_many_rows_as_needed(page: Page, site_url: str, guide: Guide) -> None:
    table = next(section.table for section in guide.worksheets["follow-up-plan"].sections if section.table)
    extra = table.rows + 1
    page.goto(site_url + "/worksheets/follow-up-plan/")
    page.get_by_role("button", name="Add a row").click()
    page.get_by_label(f"Action, row {extra}").fill("Ask for the budget")
    page.reload()
    expect(page.get_by_label(f"Action, row {extra}")).to_have_value("Ask for the budget")


def test_the_check_in_reminder_is_offered_where_the_follow_up_is_planned(page: Page, site_url: str) -> None:
    page.goto(site_url + "/worksheets/follow-up-plan/")
    page.get_by_label("Conversation date").fill("2026-12-03")
    page.goto(site_url + "/follow-up/")
    page.get_by_label("Weeks after the conversation").fill("2")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download calendar reminder (.ics)").click()
    assert info.value.suggested_filename == "career-check-in.ics"
    status = page.locator("[data-cg-reminder] [role=status]")
    # It says what it created, counted from the conversation's date.
    expect(status).to_have_text(
        "Your check-in is on Thursday 17 December 2026, 2 weeks after your conversation on 3 December. "
        "It is in the calendar file you downloaded, career-check-in.ics: "
        'open it to add "Check in with my manager on my development plan" to your calendar.'
    )
    page.goto(site_url + "/worksheets/follow-up-plan/")
    expect(page.locator("[data-cg-reminder] [role=status]")).to_have_text(
        "Your check-in is on Thursday 17 December 2026. It is in the calendar file you downloaded, career-check-in.ics."
    )


def test_a_check_in_that_would_fall_on_a_weekend_moves_to_the_monday_after(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "/worksheets/follow-up-plan/")
    page.get_by_label("Conversation date").fill("2027-01-31")  # a Sunday: six weeks on is a Sunday too
    page.get_by_label("Weeks after the conversation").fill("6")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download calendar reminder (.ics)").click()
    target = tmp_path / "reminder.ics"
    info.value.save_as(target)
    assert "DTSTART;VALUE=DATE:20270315\r\n" in target.read_bytes().decode("utf-8")
    expect(page.locator("[data-cg-reminder] [role=status]")).to_contain_text(
        "Your check-in is on Monday 15 March 2027, 6 weeks after your conversation on 31 January "
        "(moved from Sunday to the next working day)."
    )


def test_answers_of_fields_a_page_no_longer_has_are_kept(page: Page, site_url: str) -> None:
    page.goto(site_url + "/worksheets/self-assessment/")
    key = "career-guide:worksheet:self-assessment"
    page.evaluate(f"localStorage.setItem('{key}', JSON.stringify({{'a-removed-section-notes': 'kept'}}))")
    page.reload()
    page.get_by_label("Your name").fill("Sam Lee")
    saved = page.evaluate(f"JSON.parse(localStorage.getItem('{key}'))")
    assert saved["a-removed-section-notes"] == "kept" and saved["name"] == "Sam Lee"


@pytest.mark.parametrize("url", ["/worksheets/follow-up-plan/", "/roles/senior-engineer/", "/templates/agenda/", "/plan/"])
def test_every_printed_page_names_the_date_of_its_data(page: Page, site_url: str, url: str) -> None:
    page.goto(site_url + url)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    for sheet in reader.pages:
        assert re.search(r"Career data of \d{4}-\d{2}-\d{2}", sheet.extract_text()), f"a page of {url} lacks the data's date"
