"""What an employee enters is never lost, overwritten without their say, or sent anywhere: in Debian's Chromium, as a person does it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from helpers import PATIENCE_MS
from playwright.sync_api import Browser, BrowserContext, Page, expect

from macros.rendering.browser_contract import STORAGE_PREFIX

pytestmark = pytest.mark.browser

MINE, TARGET, OTHER = "software-engineer", "senior-product-manager", "product-manager"
PLAN_KEY = f"{STORAGE_PREFIX}plan"
NOT_SECURE = "http://intranet.test"
"""A plain-HTTP address that is not a secure context (no Clipboard API): the session's server answers for it too."""


def _context(browser: Browser, **options: object) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)  # type: ignore[arg-type]
    context.set_default_timeout(PATIENCE_MS)
    return context


@pytest.fixture
def employee(browser: Browser, site_url: str) -> Iterator[Page]:
    """The employee who shares their plan: a browser of their own, allowed to use the clipboard."""
    context = _context(browser, permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


@pytest.fixture
def manager(browser: Browser) -> Iterator[Page]:
    """The person a link is sent to, with a plan of their own: another browser."""
    context = _context(browser)
    yield context.new_page()
    context.close()


def _plan_page(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator('[data-cg-plan-part="version"]')).to_contain_text("version")  # the data is in


def _make_plan(page: Page, site_url: str, name: str, role: str, target: str, level: str) -> None:
    _plan_page(page, site_url + "/plan/")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your manager").fill("Grace Example")
    page.get_by_label("My role").select_option(role)
    page.get_by_label("A role I am curious about").select_option(target)
    page.get_by_role("group", name="Customer focus").get_by_label(level).check()


def _stored(page: Page, key: str) -> object:
    return json.loads(page.evaluate("(key) => localStorage.getItem(key) || 'null'", key))


def _status(page: Page, near: str) -> object:
    """The status line beside a control, as the person sees it."""
    return page.locator(near).locator("xpath=ancestor::*[./*[@role='status']][1]/*[@role='status']").first


def _shared_link(page: Page) -> str:
    page.get_by_role("button", name="Copy a link for my manager").click()
    expect(page.get_by_text("Link copied")).to_be_visible()
    link: str = page.evaluate("navigator.clipboard.readText()")
    return link


def test_a_shared_link_opens_read_only_and_never_writes_to_the_readers_plan(employee: Page, manager: Page, site_url: str) -> None:
    _make_plan(employee, site_url, "Ada Example", MINE, TARGET, "Level 2")
    link = _shared_link(employee)
    assert "?" not in link and "#" in link, "the plan travels after #, never in the query"
    comparison = employee.locator('[data-cg-plan-part="compare"] tbody').inner_text()

    _make_plan(manager, site_url, "Grace Example", OTHER, MINE, "Level 4")
    own = _stored(manager, PLAN_KEY)
    requests: list[str] = []
    manager.on("request", lambda request: requests.append(request.url))
    manager.goto(link)
    banner = manager.locator('[data-cg-plan-part="shared"]')
    expect(banner).to_contain_text("Ada Example's plan")
    expect(banner).to_contain_text("read-only")
    shown = manager.locator('[data-cg-plan-part="compare"]')
    expect(shown).to_contain_text("Level 2 (their rating)")
    assert shown.locator("tbody").inner_text().replace("their rating", "my rating") == comparison, "the same comparison"
    expect(manager.get_by_role("group", name="Customer focus").get_by_label("Level 2")).to_be_checked()
    expect(manager.get_by_role("group", name="Customer focus").get_by_label("Level 3")).to_be_disabled()
    expect(manager.get_by_label("My role")).to_be_disabled()
    expect(manager.get_by_role("button", name="Forget me")).to_be_hidden()
    expect(manager.get_by_role("button", name="Add to my agenda")).to_be_hidden()
    manager.get_by_role("group", name="Customer focus").get_by_label("Level 3").click(force=True)
    assert _stored(manager, PLAN_KEY) == own, "the reader's own plan is untouched"
    assert not any("rated=" in url or "Ada" in url for url in requests), "nothing of the plan is requested from the server"

    manager.goto(site_url + "/templates/meeting-request/")
    expect(manager.locator('[data-cg-part="body"]')).to_contain_text("Grace Example")
    assert _stored(manager, PLAN_KEY) == own


def test_making_a_shared_plan_mine_asks_names_what_goes_and_can_be_undone(employee: Page, manager: Page, site_url: str) -> None:
    _make_plan(employee, site_url, "Ada Example", MINE, TARGET, "Level 2")
    link = _shared_link(employee)
    _make_plan(manager, site_url, "Grace Example", OTHER, MINE, "Level 4")
    own = _stored(manager, PLAN_KEY)
    manager.goto(link)
    manager.get_by_role("button", name="Make this my plan").click()
    question = manager.get_by_role("group", name="Replace your own plan with this one?")
    expect(question).to_contain_text("your role: Product Manager → Software Engineer")
    expect(question).to_contain_text("your ratings: 1 rating changed")
    question.get_by_role("button", name="Keep my plan").click()
    assert _stored(manager, PLAN_KEY) == own

    manager.get_by_role("button", name="Make this my plan").click()
    manager.get_by_role("group", name="Replace your own plan with this one?").get_by_role("button", name="Replace my plan").click()
    expect(manager.get_by_text("This is now your plan.")).to_be_visible()
    expect(manager.get_by_label("My role")).to_have_value(MINE)
    expect(manager.get_by_label("Your name")).to_have_value("Grace Example"), "the reader's own name stays"
    assert "#" not in manager.url
    manager.get_by_role("button", name="Undo").click()
    expect(manager.get_by_label("My role")).to_have_value(OTHER)
    assert _stored(manager, PLAN_KEY) == own


def test_a_link_sent_before_plans_moved_after_the_hash_still_opens_and_moves_there(manager: Page, site_url: str) -> None:
    _plan_page(manager, f"{site_url}/plan/?role={MINE}&target={TARGET}&rated=customer-focus:3")
    expect(manager.locator('[data-cg-plan-part="compare"]')).to_contain_text("Level 3 (their rating)")
    assert "?" not in manager.url and "rated=customer-focus:3" in unquote(manager.url.split("#", 1)[1])


def test_what_a_link_names_that_the_guide_does_not_have_is_said_never_undefined(manager: Page, site_url: str) -> None:
    link = f"{site_url}/plan/#shared-plan=1&role=retired-role&target={TARGET}&rated=customer-focus:9,__proto__:2,constructor:1,gone:2"
    _plan_page(manager, link)
    banner = manager.locator('[data-cg-plan-part="shared"]')
    expect(banner).to_contain_text('the role "retired-role" no longer exists in the guide')
    expect(banner).to_contain_text("outside its scale")
    expect(banner).to_contain_text('the competency "gone" no longer exists')
    expect(banner).to_contain_text('"__proto__" is not a competency')
    assert "undefined" not in manager.locator("article").inner_text()
    assert _stored(manager, PLAN_KEY) is None, "opening a link stores nothing"


def _open_file(page: Page, path: Path) -> None:
    """Open a plan file the way a person does: the button, then the system's file chooser."""
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Open a saved plan").click()
    chooser.value.set_files(path)


BROKEN_PLAN_FILES = {
    "null-plan.json": {"format": "career-guide-plan/1", "plan": None},
    "list-plan.json": {"format": "career-guide-plan/1", "plan": [1, 2]},
    "wrong-types.json": {"format": "career-guide-plan/1", "plan": {"name": 5, "role": ["x"], "ratings": "many"}},
    "deep.json": {"format": "career-guide-plan/1", "plan": {"ratings": {"customer-focus": {"a": {"b": {"c": [1, [2, [3]]]}}}}}},
    "holiday.json": {"destination": "the sea"},
}


@pytest.mark.parametrize("name", BROKEN_PLAN_FILES)
def test_a_damaged_plan_file_changes_nothing_and_says_why(employee: Page, site_url: str, tmp_path: Path, name: str) -> None:
    _make_plan(employee, site_url, "Ada Example", MINE, TARGET, "Level 2")
    before = _stored(employee, PLAN_KEY)
    path = tmp_path / name
    path.write_text(json.dumps(BROKEN_PLAN_FILES[name]), encoding="utf-8")
    _open_file(employee, path)
    expect(employee.get_by_text(f"{name} was not opened, and nothing was changed")).to_be_visible()
    assert "Opened" not in employee.locator(".md-content").inner_text()
    assert _stored(employee, PLAN_KEY) == before


def test_a_plan_file_far_too_large_is_refused(employee: Page, site_url: str, tmp_path: Path) -> None:
    _plan_page(employee, site_url + "/plan/")
    path = tmp_path / "huge.json"
    path.write_text(json.dumps({"format": "career-guide-plan/1", "plan": {"name": "x" * 10_000_000}}), encoding="utf-8")
    _open_file(employee, path)
    expect(employee.get_by_text("huge.json was not opened, and nothing was changed: it is far larger")).to_be_visible()


def test_a_plan_file_shows_what_it_replaces_asks_first_and_can_be_undone(employee: Page, site_url: str, tmp_path: Path) -> None:
    _make_plan(employee, site_url, "Ada Example", MINE, TARGET, "Level 2")
    before = _stored(employee, PLAN_KEY)
    path = tmp_path / "laptop.json"
    plan = {
        "name": "Ada Example",
        "manager": "Grace Example",
        "role": OTHER,
        "target": TARGET,
        "ratings": {"customer-focus": 4, "vanished-skill": 2},
    }
    path.write_text(json.dumps({"format": "career-guide-plan/1", "plan": plan}), encoding="utf-8")
    _open_file(employee, path)
    question = employee.get_by_role("group", name="Replace your plan with the one in laptop.json?")
    expect(question).to_contain_text("your role: Software Engineer → Product Manager")
    expect(question).to_contain_text('the competency "vanished-skill" no longer exists')
    question.get_by_role("button", name="Keep my plan").click()
    assert _stored(employee, PLAN_KEY) == before

    _open_file(employee, path)
    employee.get_by_role("button", name="Replace my plan").click()
    expect(employee.get_by_text("Opened the plan saved in laptop.json.")).to_be_visible()
    expect(employee.get_by_label("My role")).to_have_value(OTHER)
    employee.get_by_role("button", name="Undo").click()
    expect(employee.get_by_label("My role")).to_have_value(MINE)
    assert _stored(employee, PLAN_KEY) == before


def test_a_second_add_to_my_agenda_keeps_what_the_employee_wrote(employee: Page, site_url: str) -> None:
    _make_plan(employee, site_url, "Ada Example", MINE, TARGET, "Level 2")
    employee.get_by_role("button", name="Add to my agenda").click()
    expect(employee.get_by_text("Added to your agenda")).to_be_visible()
    employee.goto(site_url + "/worksheets/meeting-preparation/")
    goals = employee.get_by_label("My biggest gaps, and what I will ask for")
    goals.fill("I would like a mentor in product.\n" + goals.input_value() + "\nAnd a budget for one course.")
    employee.goto(site_url + "/templates/agenda/")
    interests = employee.get_by_label("Career Interests", exact=True)
    interests.fill("Product, in a year or two")

    _plan_page(employee, site_url + "/plan/")
    employee.get_by_label("A role I am curious about").select_option(OTHER)
    employee.get_by_role("button", name="Add to my agenda").click()
    expect(employee.get_by_text("What you wrote there yourself stays.")).to_be_visible()
    employee.goto(site_url + "/templates/agenda/")
    body = employee.locator('[data-cg-part="body"]').inner_text()
    for words in (
        "I would like a mentor in product.",
        "And a budget for one course.",
        "To grow towards Product Manager",
        "Product, in a year or two",
    ):
        assert words in body, (words, body)
    assert "To grow towards Senior Product Manager" not in body, "the lines it added before are updated, not repeated"


def test_forget_me_says_what_goes_asks_and_can_be_undone(employee: Page, site_url: str) -> None:
    employee.goto(site_url + "/worksheets/follow-up-plan/")
    employee.get_by_label("Action, row 1").fill("Shadow the product trio")
    _make_plan(employee, site_url, "Ada Example", MINE, TARGET, "Level 2")
    before = employee.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())")
    employee.get_by_role("button", name="Forget me").click()
    question = employee.get_by_role("group", name="Delete everything this guide keeps in this browser?")
    expect(question).to_contain_text("your plan (Software Engineer, Senior Product Manager), with 1 rating")
    expect(question).to_contain_text("your answers on 1 worksheet")
    with employee.expect_download() as download:
        question.get_by_role("button", name="Download my plan first").click()
    assert download.value.suggested_filename == "my-career-plan.json"
    employee.get_by_role("group", name="Delete everything this guide keeps in this browser?").get_by_role(
        "button", name="Keep everything"
    ).click()
    assert employee.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())") == before

    employee.get_by_role("button", name="Forget me").click()
    employee.get_by_role("button", name="Delete everything").click()
    expect(employee.get_by_text("Everything this guide kept in this browser is deleted")).to_be_visible()
    expect(employee.get_by_label("My role")).to_have_value("")
    assert employee.evaluate("() => Object.keys(localStorage).filter((key) => key.startsWith('career-guide:')).length") == 0
    employee.get_by_role("button", name="Undo").click()
    expect(employee.get_by_label("My role")).to_have_value(MINE)
    assert employee.evaluate("() => JSON.stringify(Object.entries(localStorage).sort())") == before


@pytest.fixture
def insecure(browser: Browser) -> Iterator[Page]:
    """A page on a plain-HTTP intranet address: not a secure context, so no Clipboard API."""
    context = _context(browser)
    # What a copy puts on the clipboard, as the page's own copy event carries it.
    context.add_init_script("document.addEventListener('copy', () => { window.cgCopied = String(document.getSelection()); });")
    yield context.new_page()
    context.close()


def test_every_copy_button_works_on_plain_http(insecure: Page) -> None:
    _make_plan(insecure, NOT_SECURE, "Ada Example", MINE, TARGET, "Level 2")
    assert insecure.evaluate("window.isSecureContext") is False
    insecure.get_by_role("button", name="Copy a link for my manager").click()
    expect(insecure.get_by_text("Link copied")).to_be_visible()
    copied = insecure.evaluate("window.cgCopied")
    assert copied.startswith(NOT_SECURE + "/plan/#shared-plan=1"), copied
    insecure.goto(NOT_SECURE + "/templates/meeting-request/")
    insecure.get_by_role("button", name="Copy message").click()
    # Every blank is filled: the names from the plan, the company's name by the guide.
    expect(insecure.get_by_role("status").filter(has_text="Message copied")).to_be_visible()
    assert "Ada Example" in insecure.evaluate("window.cgCopied")


def _fill_storage(page: Page) -> None:
    """Fill the site's storage to the brim, under a key that is not the guide's."""
    page.evaluate(
        """() => {
          let size = 1 << 20;
          let index = 0;
          while (size >= 1) {
            try { localStorage.setItem(`filler-${index}`, "x".repeat(size)); index += 1; }
            catch { size = Math.floor(size / 2); }
          }
        }"""
    )


def test_with_storage_full_nothing_claims_to_be_kept(employee: Page, site_url: str, tmp_path: Path) -> None:
    employee.goto(site_url + "/worksheets/follow-up-plan/")
    _fill_storage(employee)
    employee.get_by_label("Action, row 1").fill("Shadow the product trio")
    expect(employee.get_by_text("Your answers could not be kept: this browser's storage for the guide is full")).to_be_visible()

    employee.goto(site_url + "/templates/agenda/")
    employee.get_by_label("Your Name", exact=True).fill("Ada Example")
    expect(employee.get_by_text("What you type here could not be kept")).to_be_visible()

    _plan_page(employee, site_url + "/plan/")
    employee.get_by_label("My role").select_option(MINE)
    expect(employee.get_by_text("Your plan could not be kept")).to_be_visible()
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"format": "career-guide-plan/1", "plan": {"role": OTHER}}), encoding="utf-8")
    _open_file(employee, path)
    expect(
        employee.get_by_text("plan.json was not opened, and nothing was changed: this browser's storage for the guide is full")
    ).to_be_visible()
    assert "Opened the plan" not in employee.locator(".md-content").inner_text()


CORRUPT = [
    "{not json",
    "null",
    "[1, 2]",
    '"text"',
    '{"__proto__": {"x": 1}, "constructor": 5}',
    '{"my action#99999999": "x", "plan-r99999999-action": "y"}',
]
"""Values a broken extension, an old version or a curious person could leave under each key."""

KEYS = [
    f"{STORAGE_PREFIX}{name}"
    for name in ("plan", "placeholders", "added", "editor", "format", "worksheet:follow-up-plan", "worksheet:meeting-preparation")
]


@pytest.mark.parametrize("value", CORRUPT)
def test_corrupt_storage_is_set_aside_said_once_and_never_stops_a_page(page: Page, site_url: str, value: str) -> None:
    page.goto(site_url + "/")
    page.evaluate("([keys, value]) => keys.forEach((key) => localStorage.setItem(key, value))", [KEYS, value])

    _plan_page(page, site_url + "/plan/")
    page.get_by_label("My role").select_option(MINE)
    page.get_by_label("A role I am curious about").select_option(TARGET)
    expect(page.locator('[data-cg-plan-part="compare"]')).to_contain_text("Senior Product Manager expects")
    page.get_by_role("group", name="Customer focus").get_by_label("Level 3").check()

    page.goto(site_url + "/templates/meeting-request/")
    page.get_by_label("Your Name", exact=True).fill("Ada Example")
    expect(page.locator('[data-cg-part="body"]')).to_contain_text("Ada Example")

    page.goto(site_url + "/worksheets/follow-up-plan/")
    page.get_by_label("Action, row 1").fill("Shadow the product trio")
    page.reload()
    expect(page.get_by_label("Action, row 1")).to_have_value("Shadow the product trio")
    expect(page.get_by_role("alert")).to_have_count(0), "the notice is shown once"
    set_aside = page.evaluate("() => Object.keys(localStorage).filter((key) => key.includes(':set-aside:')).length")
    corrupt_keys = page.evaluate("([keys, value]) => keys.filter((key) => localStorage.getItem(key) === value)", [KEYS, value])
    assert not corrupt_keys, "no corrupt value is left in place"
    assert set_aside >= len(KEYS), "what was there is set aside, not deleted"


def test_a_reset_is_said_on_the_page_where_it_happened(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    page.evaluate("(key) => localStorage.setItem(key, '{broken')", f"{STORAGE_PREFIX}worksheet:follow-up-plan")
    page.goto(site_url + "/worksheets/follow-up-plan/")
    notice = page.get_by_role("alert")
    expect(notice).to_contain_text("could not be read, so it starts afresh")
    expect(notice).to_contain_text("set aside in this browser, not deleted")
    notice.get_by_role("button", name="OK").click()
    expect(notice).to_have_count(0)
    page.reload()
    expect(page.get_by_label("Action, row 1")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
