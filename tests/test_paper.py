"""What prints, read from the PDF Chromium prints: text 9 pt and larger, no heading at the foot of a page or
with nothing under it, nothing meant for the screen (controls, how to use them), and one date for the data."""

from __future__ import annotations

import io
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

import pytest
from helpers import normalise
from playwright.sync_api import Page, expect
from pypdf import PageObject, PdfReader

pytestmark = pytest.mark.browser

PRINTED = {
    "worksheet": "/worksheets/self-assessment/",
    "worksheet with tables": "/worksheets/meeting-preparation/",
    "follow-up plan": "/worksheets/follow-up-plan/",
    "role worksheet": "/roles/senior-engineer/worksheet/",
    "role": "/roles/senior-engineer/",
    "agenda": "/templates/agenda/",
    "e-mail": "/templates/thank-you/",
    "chat message": "/templates/meeting-request-chat/",
    "meeting pack": "/plan/",
}
"""Every kind of page made to be printed, and the role page people print to prepare."""

SMALLEST_PT = 9.0

SCREEN_ONLY = [
    "Everything you enter stays in this browser",
    "For each competency, choose the level",
    "Share and keep",
    "It fills the blanks",
    "saved in this browser",
    "Scroll sideways",
    "mm/dd/yyyy",
]
"""What is said for the screen (how the page works, what its buttons do), which paper has no use for."""

FOOT = re.compile(r"^Career data of \d{4}-\d{2}-\d{2}$")
"""The date of the data, in the margin of every printed page."""


@dataclass(frozen=True)
class Line:
    text: str
    size: float
    """The largest type on the line, in points."""


def _sheet_lines(sheet: PageObject) -> tuple[list[Line], list[float]]:
    """A printed page's lines of text from top to bottom, and the size of every piece of text on it, in points."""
    rows: dict[int, list[tuple[float, str, float]]] = defaultdict(list)
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, font_size: float) -> None:
        if not text.strip():
            return
        # The size on paper: the font's size, scaled by the text's and the page's transformations.
        c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
        size = round(font_size * math.hypot(c, d), 2)
        x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        rows[round(y)].append((x, text, size))
        sizes.append(size)

    sheet.extract_text(visitor_text=visit)
    lines = [
        Line(normalise(" ".join(text for _, text, _ in sorted(rows[y]))), max(size for _, _, size in rows[y]))
        for y in sorted(rows, reverse=True)
    ]
    return lines, sizes


def _lines(pdf: bytes) -> tuple[list[list[Line]], list[float]]:
    """Each printed page's lines of text, and the size of every piece of text, in points."""
    pages, sizes = [], []
    for sheet in PdfReader(io.BytesIO(pdf)).pages:
        lines, on_sheet = _sheet_lines(sheet)
        pages.append(lines)
        sizes += on_sheet
    return pages, sizes


def _ready(page: Page, url: str) -> None:
    """The page as its scripts leave it, filled in as a person would, every writing space answered."""
    if url == "/plan/":
        expect(page.locator('[data-cg-plan-part="version"]')).not_to_be_empty()
        page.get_by_label("Your name").fill("Ada Example")
        page.get_by_label("My role").select_option("software-engineer")
        page.get_by_label("A role I am curious about").select_option("senior-product-manager")
        page.get_by_role("group", name="Technical craft").get_by_label("Level 3").check()
        return
    page.wait_for_function("() => [...document.querySelectorAll('[data-cg-field]')].every((field) => field.classList.contains('cg-empty'))")
    page.evaluate(
        """() => document.querySelectorAll('[data-cg-field], [data-cg-slot-input]').forEach((field, index) => {
             field.value = field.type === 'date' ? '2026-12-03' : `Answer ${index + 1}`;
             field.dispatchEvent(new Event('input', { bubbles: true }));
           })"""
    )


def _headings(page: Page) -> list[str]:
    """The texts of the headings that print, as the page lays them out for paper (and prints it, from now on)."""
    page.emulate_media(media="print")
    texts: list[str] = page.locator("article").evaluate(
        """(article) => [...article.querySelectorAll('h1, h2, h3, h4, h5, h6, .cg-pack__title, .cg-pack__subtitle')]
             .filter((heading) => heading.getClientRects().length)
             .map((heading) => heading.textContent.replace('¶', ''))"""
    )
    return [normalise(text) for text in texts]


@pytest.mark.parametrize("kind", list(PRINTED))
def test_what_prints_is_legible_and_whole(page: Page, site_url: str, kind: str) -> None:
    """On A4 and on Letter, printed from one page filled in once."""
    url = PRINTED[kind]
    page.goto(site_url + url)
    _ready(page, url)
    headings = set(_headings(page))
    controls = {normalise(text) for text in page.locator("article button, article .md-button").all_inner_texts() if text.strip()}
    for paper in ("A4", "Letter"):
        _check_print(kind, paper, page.pdf(format=paper, prefer_css_page_size=True), headings, controls)


def _check_print(kind: str, paper: str, pdf: bytes, headings: set[str], controls: set[str]) -> None:
    pages, sizes = _lines(pdf)
    kind = f"{kind} on {paper}"
    text = " ".join(line.text for lines in pages for line in lines)

    assert min(sizes) >= SMALLEST_PT, f"{kind}: text as small as {min(sizes):.1f} pt"
    for number, lines in enumerate(pages, start=1):
        body = [line for line in lines if not FOOT.match(line.text)]
        assert body, f"{kind}, page {number}: empty"
        assert body[-1].text not in headings, f"{kind}, page {number} ends with the heading {body[-1].text!r}"
        for line, after in pairwise(body):
            if line.text in headings and after.text in headings and after.size >= line.size:
                pytest.fail(f"{kind}, page {number}: nothing under the heading {line.text!r}")
    for words in SCREEN_ONLY:
        assert words not in text, f"{kind}: {words!r} is printed"
    for label in controls:
        assert label not in text, f"{kind}: the button {label!r} is printed"
    assert not re.search(r"version [0-9a-f]+|printed \d", text), f"{kind}: the data's version, or the day of printing, is printed"
    dates = set(re.findall(r"\d{4}-\d{2}-\d{2}", text))
    assert len(dates) == 1, f"{kind}: the dates {sorted(dates)} are printed, for one date of the data"
    assert not re.search(r"\b[0-9a-f]{10}\b", text), f"{kind}: a version code is printed"


def test_an_unfilled_date_prints_as_a_line_to_write_on(page: Page, site_url: str) -> None:
    page.goto(site_url + "/worksheets/follow-up-plan/")
    expect(page.get_by_label("Conversation date")).to_have_class(re.compile(r"\bcg-empty\b"))
    text = " ".join(line.text for lines in _lines(page.pdf(format="A4", prefer_css_page_size=True))[0] for line in lines)
    assert "yyyy" not in text and "Conversation date" in text


def test_a_filled_blank_prints_as_plain_text(page: Page, site_url: str) -> None:
    """Its dotted underline, which shows on screen what was filled in, would run across the indentation of its lines."""
    page.goto(site_url + "/templates/agenda/")
    page.get_by_label("Development Goals", exact=True).fill("Lead a project\n   and present it")
    page.emulate_media(media="print")
    filled = page.locator(".cg-placeholder--filled")
    assert filled.count() >= 1
    assert set(filled.evaluate_all("marks => marks.map((mark) => getComputedStyle(mark).textDecorationLine)")) == {"none"}
