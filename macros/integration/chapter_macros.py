"""The macros that the hand-written chapters in docs/ call, e.g. `{{ question_bank('manager') }}`.

The plugin registers them with mkdocs-macros for each build, bound to that
build's data. Each returns finished, escaped HTML: mkdocs-macros does not
render a macro's output again, so nothing from the data is ever Jinja source.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import jinja2

from ..loading.required_fields import required_fields
from ..loading.schema_check import SCHEMA_DIR
from ..model.guide import Guide
from ..model.urls import OPPORTUNITIES_URL, rebase_root_links
from ..rendering.environment import render
from ..rendering.markup import block, prose, text
from .chapter_calls import chapter_needs

Record = TypeVar("Record")


class UnknownId(LookupError):
    """A chapter asked for a record that is not in the data."""


def _lookup(records: Mapping[str, Record], ident: str, noun: str, folder: str) -> Record:
    try:
        return records[ident]
    except KeyError:
        known = ", ".join(sorted(records)) or "none"
        raise UnknownId(f"there is no {noun} '{ident}' in {folder} (known: {known}): fix the id in the page, or add the file") from None


NEEDS = {
    "message": ("the message template", "data/templates/{}.yml"),
    "worksheet": ("the worksheet", "data/worksheets/{}.yml"),
    "check_in_reminder": ("the check-in reminder of the worksheet", "data/worksheets/{}.yml (with reminder:)"),
    "question_bank": ("the questions of the bank", "data/questions/{}.yml"),
    "bank_purpose": ("the purpose of the bank", "data/questions/{}.yml"),
}
"""The macros that show a record, what they show, and the file it comes from."""


def _tolerant(macro: Callable[..., Any], env: jinja2.Environment) -> Callable[..., Any]:
    """`macro`, showing a note (not-loaded.html) instead of failing on a record the (missing) data lacks."""

    @functools.wraps(macro)
    def tolerant(*args: Any, **kwargs: Any) -> Any:
        try:
            return macro(*args, **kwargs)
        except UnknownId:
            return render(env, "not-loaded.html")

    return tolerant


def chapter_macros(
    guide: Guide,
    env: jinja2.Environment,
    page_url: Callable[[], str],
    data_loaded: bool = True,
    schema_dir: Path = SCHEMA_DIR,
    docs_dir: Path | None = None,
) -> dict[str, Callable[..., Any]]:
    """The chapters' macros over `guide`, laid out by `env`; `page_url` gives the URL of the page being rendered.

    `data_loaded` is False while a preview runs on data that does not load (see
    preview_problems): a chapter then shows a note where a record would be.
    """

    def fragment(name: str, **context: Any) -> str:
        url = page_url()
        return block(rebase_root_links(render(env, name, page_url=url, **context), url))

    def company_name() -> str:
        """The company's name, escaped."""
        return text(guide.company.name)

    def hr_contact() -> str:
        """A mailto link to the HR contact, or a generic phrase when there is none."""
        return render(env, "hr-contact.html", page_url=page_url(), address=guide.company.hr_contact).strip()

    def question_bank(bank_id: str, topic: str | None = None) -> str:
        """The general questions of a bank (optionally of one topic), numbered and grouped."""
        bank = _lookup(guide.banks, bank_id, "question bank", "data/questions/")
        chosen = [q for q in bank.general_questions if topic is None or q.topic == topic]
        if not chosen:
            raise UnknownId(f"question bank '{bank_id}' has no general questions with topic '{topic}'")
        return fragment("question-bank.html", questions=chosen, show_topics=topic is None)

    def manager_questions() -> str:
        """The questions a manager asks (banks with `audience: manager`), each bank with its purpose; a note when the data has none."""
        banks = [bank for bank in guide.banks.values() if bank.audience == "manager" and bank.general_questions]
        return fragment("manager-questions.html", banks=banks)

    def opportunities_link(label: str) -> str:
        """A link to the company's opportunities page, or `label` alone when the data lists none (there is no page)."""
        if not guide.opportunities:
            return text(label)
        return render(env, "opportunities-link.html", page_url=page_url(), url=OPPORTUNITIES_URL, label=label).strip()

    def bank_purpose(bank_id: str) -> str:
        """What a question bank is for, as prose."""
        bank = _lookup(guide.banks, bank_id, "question bank", "data/questions/")
        return block(rebase_root_links(prose(bank.purpose), page_url()))

    def message(template_id: str) -> str:
        """A message template shown as the message it is."""
        template = _lookup(guide.templates, template_id, "template", "data/templates/")
        return fragment("message.html", template=template)

    def families_overview() -> str:
        """Every job family with its roles in level order."""
        return fragment("families-overview.html", guide=guide)

    def development_examples(per_family: int = 2) -> str:
        """A few concrete development requests from each family."""
        examples = [
            pair
            for family in guide.families
            for pair in [(request, role) for role in family.roles for request in role.development][:per_family]
        ]
        return fragment("development-examples.html", examples=examples)

    def worksheet(worksheet_id: str) -> str:
        """A worksheet's title and purpose, linking to its printable page."""
        sheet = _lookup(guide.worksheets, worksheet_id, "worksheet", "data/worksheets/")
        return fragment("worksheet-card.html", worksheet=sheet)

    def check_in_reminder(worksheet_id: str) -> str:
        """The calendar reminder of a worksheet's progress check-in, to create where the follow-up is planned."""
        sheet = _lookup(guide.worksheets, worksheet_id, "worksheet", "data/worksheets/")
        if sheet.reminder is None:
            raise UnknownId(f"worksheet '{worksheet_id}' has no reminder: add 'reminder' to data/worksheets/{worksheet_id}.yml")
        return fragment("reminder.html", worksheet=sheet)

    def editor_switch() -> str:
        """The switch that shows editors the repository link and "Edit this page" on every page, in their browser."""
        return fragment("editor-switch.html")

    def required_fields_table() -> str:
        """The fields each kind of data file must have, from the schemas."""
        return fragment("required-fields.html", rows=required_fields(schema_dir))

    def chapter_needs_table() -> str:
        """What each chapter shows of the data, by id: what HR keeps (or renames with make rename) for the chapters to work."""
        calls = chapter_needs(docs_dir) if docs_dir else []
        return fragment("chapter-needs.html", calls=[call for call in calls if call.name in NEEDS], needs=NEEDS)

    def stats() -> Mapping[str, int]:
        """Counts of what the data holds, for sentences such as 'the guide describes 20 roles'."""
        return {
            "roles": len(guide.roles),
            "families": len(guide.families),
            "questions": len(guide.questions),
            "templates": len(guide.templates),
            "worksheets": len(guide.worksheets),
        }

    return {
        function.__name__: function if data_loaded else _tolerant(function, env)
        for function in (
            company_name,
            hr_contact,
            question_bank,
            bank_purpose,
            manager_questions,
            opportunities_link,
            message,
            families_overview,
            development_examples,
            worksheet,
            check_in_reminder,
            editor_switch,
            required_fields_table,
            chapter_needs_table,
            stats,
        )
    }
