"""An employee's answers kept in the browser survive HR's edits of the data, in a real browser across a rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import Preview, copy_project, normalise
from playwright.sync_api import Page, expect

from macros.model.guide import Guide

pytestmark = pytest.mark.browser

SHEET = "data/worksheets/follow-up-plan.yml"
SECTIONS = """sections:
  - title: What you heard
    questions: [fu-key-takeaways, fu-feedback-summary, fu-open-questions]
  - title: Action plan
    intro: Every action has one owner and a date. Include what your manager agreed to do.
    table:
      columns: [Action, Owner, By when, Done]
      rows: 6
  - title: Progress check-ins
    questions: [fu-progress, fu-obstacles, fu-adjust]
    space: 2
"""
# HR puts a new section first, moves the action plan up, reorders the questions
# and removes one of them.
EDITED = """sections:
  - title: Before you start
    intro: Block an hour right after the meeting.
    questions: [fu-adjust]
  - title: Action plan
    intro: Every action has one owner and a date. Include what your manager agreed to do.
    table:
      columns: [Action, Owner, By when, Done]
      rows: 6
  - title: What you heard
    questions: [fu-open-questions, fu-key-takeaways]
  - title: Progress check-ins
    questions: [fu-progress, fu-obstacles, fu-adjust]
    space: 2
"""


def test_answers_stay_with_their_questions_when_hr_reorders_adds_and_removes(page: Page, tmp_path: Path, guide: Guide) -> None:
    project = copy_project(tmp_path / "project")
    preview = Preview(project)
    url = f"http://127.0.0.1:{preview.port}/worksheets/follow-up-plan/"
    takeaways, feedback = (normalise(guide.questions[q].text) for q in ("fu-key-takeaways", "fu-feedback-summary"))
    try:
        preview.wait_for(lambda: "Follow-up action plan" in preview.page("/worksheets/follow-up-plan/"), "the first build")
        page.goto(url)
        page.get_by_label(takeaways, exact=True).fill("Ship the migration first.")
        page.get_by_label(feedback, exact=True).fill("Present more often.")
        page.get_by_label("Action, row 1").fill("Write the design doc")

        path = project / SHEET
        text = path.read_text(encoding="utf-8")
        assert SECTIONS in text
        path.write_text(text.replace(SECTIONS, EDITED), encoding="utf-8")
        preview.wait_for(lambda: "Before you start" in preview.page("/worksheets/follow-up-plan/"), "the rebuild")

        # The preview reloads the page itself once it has rebuilt.
        expect(page.get_by_role("heading", name="Before you start")).to_be_visible()
        expect(page.get_by_label(takeaways, exact=True)).to_have_value("Ship the migration first.")
        expect(page.get_by_label("Action, row 1")).to_have_value("Write the design doc")
        expect(page.locator("#cg-before-you-start-fu-adjust")).to_have_value("")  # a new place is empty, not filled from another
        page.get_by_label(takeaways, exact=True).fill("Ship the migration first, then the API.")

        # The removed question's answer is kept, and back with its question when HR restores it.
        path.write_text(text, encoding="utf-8")
        preview.wait_for(lambda: "Before you start" not in preview.page("/worksheets/follow-up-plan/"), "the second rebuild")
        expect(page.get_by_role("heading", name="Before you start")).to_have_count(0)
        expect(page.get_by_label(feedback, exact=True)).to_have_value("Present more often.")
        expect(page.get_by_label(takeaways, exact=True)).to_have_value("Ship the migration first, then the API.")
    finally:
        preview.stop()
