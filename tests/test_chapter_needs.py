"""The chapters never break on data: every record a chapter names is checked, with its docs/file.md:LINE, before anything is built."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from helpers import PROJECT, Preview, copy_project, run_build, run_check

from macros.integration.chapter_calls import ChapterCall, chapter_needs
from macros.integration.chapter_needs import chapter_problems
from macros.model.guide import Guide

DOCS = PROJECT / "docs"

# What each macro's first argument names, and where that record lives.
NAMES = {
    "message": "templates",
    "worksheet": "worksheets",
    "check_in_reminder": "worksheets",
    "question_bank": "banks",
    "bank_purpose": "banks",
}


def _without(guide: Guide, call: ChapterCall) -> Guide:
    """The guide without the record `call` names."""
    kind = NAMES[call.name]
    records = {ident: record for ident, record in getattr(guide, kind).items() if ident != call.arguments[0]}  # type: ignore[index]
    return dataclasses.replace(guide, **{kind: records})


@pytest.mark.unit
def test_the_chapters_of_the_test_company_need_nothing_it_lacks(guide: Guide) -> None:
    assert chapter_problems(guide, DOCS) == []


@pytest.mark.unit
def test_every_record_a_chapter_names_removed_in_turn_is_reported_at_its_line(guide: Guide) -> None:
    needs = [call for call in chapter_needs(DOCS) if call.name in NAMES]
    assert {call.name for call in needs} == set(NAMES), "the chapters use every macro that names a record"
    for call in needs:
        problems = chapter_problems(_without(guide, call), DOCS)
        at_call = [problem for problem in problems if (problem.path, problem.line) == (call.path, call.line)]
        assert at_call, f"{call.path}:{call.line}: {call} with its record removed"
        line = (PROJECT / call.path).read_text(encoding="utf-8").splitlines()[call.line - 1]
        assert call.name in line, "the line named is the call's own"
        assert str(call.arguments[0]) in at_call[0].message  # type: ignore[index]


@pytest.mark.unit
def test_a_topic_a_chapter_shows_and_the_bank_lacks_is_reported(tmp_path: Path, guide: Guide) -> None:
    bank_id = "manager"
    wanted = guide.banks[bank_id].general_questions[0].topic
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "talk.md").write_text(
        f'---\nrender_macros: true\n---\n\n# Talk\n\n{{{{ question_bank("{bank_id}", "{wanted}") }}}}\n', encoding="utf-8"
    )
    bank = guide.banks[bank_id]
    renamed = tuple(q._replace(topic="Something else") if q.topic == wanted else q for q in bank.questions)
    changed = dataclasses.replace(guide, banks={**guide.banks, bank_id: bank._replace(questions=renamed)})
    (problem,) = chapter_problems(changed, docs)
    assert (problem.path, problem.line) == ("docs/talk.md", 7)
    assert f"topic '{wanted}'" in problem.message


@pytest.mark.unit
def test_the_shipped_chapters_show_whatever_topics_the_banks_have(guide: Guide) -> None:
    """A company's own topics, or none, need no change to a chapter: the chapters name banks, never topics."""
    assert not [call for call in chapter_needs(DOCS) if call.name == "question_bank" and len(call.arguments or ()) > 1]
    for bank_id, bank in guide.banks.items():
        for topics in (
            {q.id: f"Our own topic {index % 2}" for index, q in enumerate(bank.questions)},
            {q.id: None for q in bank.questions},
        ):
            changed_bank = bank._replace(questions=tuple(q._replace(topic=topics[q.id]) for q in bank.questions))
            changed = dataclasses.replace(guide, banks={**guide.banks, bank_id: changed_bank})
            assert chapter_problems(changed, DOCS) == [], bank_id


@pytest.mark.unit
def test_unknown_macros_wrong_arguments_and_unreadable_pages_are_reported(tmp_path: Path, guide: Guide) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text('---\nrender_macros: true\n---\n\n# A\n\n{{ mesage("thank-you") }}\n\n{{ worksheet() }}\n', encoding="utf-8")
    (docs / "b.md").write_text("---\nrender_macros: true\n---\n\n# B\n\n{{ message( }}\n", encoding="utf-8")
    (docs / "c.md").write_text('# C, not rendered\n\n{{ message("nothing") }}\n', encoding="utf-8")
    problems = [str(problem) for problem in chapter_problems(guide, docs)]
    assert problems[0].startswith("docs/a.md:7: the page calls mesage(), which the guide does not have (it has: ")
    assert problems[1] == "docs/a.md:9: the page calls worksheet() with arguments it does not take"
    assert problems[2].startswith("docs/b.md:7: the page's {{ ... }} cannot be read")
    assert len(problems) == 3, "a chapter that does not render macros shows its braces as written"


def _rename_template(project: Path, old: str, new: str) -> None:
    path = project / "data" / "templates" / f"{old}.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"id: {old}", f"id: {new}"), encoding="utf-8")
    path.rename(path.with_name(f"{new}.yml"))


def _call_line(chapter: str, needle: str) -> int:
    lines = (DOCS / chapter).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


@pytest.mark.build
def test_make_check_and_the_build_name_the_chapter_line_and_write_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _rename_template(project, "thank-you", "thanks")
    line = _call_line("follow-up.md", 'message("thank-you")')
    expected = f"docs/follow-up.md:{line}: the page shows message(\"thank-you\"), but there is no template 'thank-you' in data/templates/"

    checked = run_check(project)
    assert checked.returncode == 1 and expected in checked.stderr, checked.stderr
    assert "Traceback" not in checked.stderr

    site = tmp_path / "site"
    built = run_build(project, site)
    assert built.returncode != 0 and expected in built.stderr, built.stderr
    assert "Traceback" not in built.stderr
    assert not (site / "index.html").exists(), "nothing is written"


@pytest.mark.build
def test_the_preview_shows_a_chapter_problem_and_keeps_running(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    preview = Preview(project)
    try:
        preview.wait_for(lambda: "Thank you" in preview.page("/follow-up/"), "the first build")
        _rename_template(project, "thank-you", "thanks")
        line = _call_line("follow-up.md", 'message("thank-you")')
        preview.wait_for(lambda: f"docs/follow-up.md:{line}:" in preview.terminal, "the chapter's problem in the terminal")
        preview.wait_for(lambda: f"docs/follow-up.md:{line}" in preview.page("/follow-up/"), "the problem over the page")
        page = preview.page("/follow-up/")
        assert "Shown once the data loads" in page, "the chapter shows a note where the message was"
        assert "Traceback" not in preview.terminal
        assert preview.process.poll() is None, "the preview keeps running"
        _rename_template(project, "thanks", "thank-you")
        preview.wait_for(lambda: "cg-preview-problems" not in preview.page("/follow-up/"), "a good save clears the panel")
    finally:
        preview.stop()


@pytest.mark.unit
def test_the_editors_guide_lists_what_the_chapters_need() -> None:
    listed = (DOCS / "editing.md").read_text(encoding="utf-8")
    assert "{{ chapter_needs_table() }}" in listed
    assert re.search(r"^#+ What the chapters need", listed, re.MULTILINE)
