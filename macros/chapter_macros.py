"""The macros that the hand-written chapters in docs/ call, e.g. `{{ question_bank('manager') }}`.

The plugin registers them with mkdocs-macros for each build, bound to that
build's data. Each returns finished, escaped HTML: mkdocs-macros does not
render a macro's output again, so nothing from the data is ever Jinja source.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .model import Guide
from .render import messages, overview, questions
from .render.markup import block, prose, text

Record = TypeVar("Record")


class UnknownId(LookupError):
    """A chapter asked for a record that is not in the data."""


def _lookup(records: Mapping[str, Record], ident: str, noun: str, folder: str) -> Record:
    try:
        return records[ident]
    except KeyError:
        known = ", ".join(sorted(records)) or "none"
        raise UnknownId(f"there is no {noun} '{ident}' in {folder} (known: {known}): fix the id in the page, or add the file") from None


def chapter_macros(guide: Guide, page_url: Callable[[], str]) -> dict[str, Callable[..., Any]]:
    """The chapters' macros over `guide`; `page_url` gives the URL of the page being rendered."""

    def company_name() -> str:
        """The company's name, escaped."""
        return text(guide.company.name)

    def hr_contact() -> str:
        """A mailto link to the HR contact, or a generic phrase when there is none."""
        address = guide.company.hr_contact
        if not address:
            return "your HR team"
        return f'<a href="mailto:{text(address)}">{text(address)}</a>'

    def question_bank(bank_id: str, topic: str | None = None) -> str:
        """The general questions of a bank (optionally of one topic), numbered and grouped."""
        bank = _lookup(guide.banks, bank_id, "question bank", "data/questions/")
        chosen = [q for q in bank.general_questions if topic is None or q.topic == topic]
        if not chosen:
            raise UnknownId(f"question bank '{bank_id}' has no general questions with topic '{topic}'")
        return block(questions.question_list(chosen, heading_level=3, show_topics=topic is None))

    def bank_purpose(bank_id: str) -> str:
        """What a question bank is for, as prose."""
        bank = _lookup(guide.banks, bank_id, "question bank", "data/questions/")
        return block(prose(bank.purpose))

    def message(template_id: str) -> str:
        """A message template shown as the message it is."""
        template = _lookup(guide.templates, template_id, "template", "data/templates/")
        return block(messages.message_with_link(template, page_url()))

    def families_overview() -> str:
        """Every job family with its roles in level order."""
        return block(overview.families_overview(guide))

    def development_examples(per_family: int = 2) -> str:
        """A few concrete development requests from each family."""
        return block(overview.development_examples(guide, per_family=per_family))

    def worksheet(worksheet_id: str) -> str:
        """A worksheet's title and purpose, linking to its printable page."""
        sheet = _lookup(guide.worksheets, worksheet_id, "worksheet", "data/worksheets/")
        return block(overview.worksheet_card(sheet, page_url()))

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
        function.__name__: function
        for function in (
            company_name,
            hr_contact,
            question_bank,
            bank_purpose,
            message,
            families_overview,
            development_examples,
            worksheet,
            stats,
        )
    }
