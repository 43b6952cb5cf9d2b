"""Career Guide macros: what the hand-written pages in docs/ can call.

mkdocs-macros imports this package (`module_name: macros`) and calls
`define_env`. Loading and validation happen in the hooks (macros/hooks.py);
rendering lives in macros/render/. This file only registers macros.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, TypeVar

from .render import messages, overview, questions
from .render.markup import block, prose, text
from .site import guide_of

if TYPE_CHECKING:
    from mkdocs_macros.plugin import MacrosPlugin

Record = TypeVar("Record")


class UnknownId(LookupError):
    """A page asked for a record that is not in the data."""


def _lookup(records: Mapping[str, Record], ident: str, noun: str, folder: str) -> Record:
    try:
        return records[ident]
    except KeyError:
        known = ", ".join(sorted(records)) or "none"
        raise UnknownId(
            f"there is no {noun} '{ident}' in {folder} (known: {known}): "
            "fix the id in the page, or add the file"
        ) from None


def define_env(env: MacrosPlugin) -> None:
    """Register the guide's macros with mkdocs-macros."""

    def guide() -> Any:
        return guide_of(env.conf)

    @env.macro
    def company_name() -> str:
        """The company's name, escaped."""
        return text(guide().company.name)

    @env.macro
    def hr_contact() -> str:
        """A mailto link to the HR contact, or a generic phrase when there is none."""
        address = guide().company.hr_contact
        if not address:
            return "your HR team"
        return f'<a href="mailto:{text(address)}">{text(address)}</a>'

    @env.macro
    def question_bank(bank_id: str, topic: str | None = None) -> str:
        """The general questions of a bank (optionally of one topic), numbered and grouped."""
        bank = _lookup(guide().banks, bank_id, "question bank", "data/questions/")
        chosen = [q for q in bank.general_questions if topic is None or q.topic == topic]
        if not chosen:
            raise UnknownId(f"question bank '{bank_id}' has no general questions with topic '{topic}'")
        return block(questions.question_list(chosen, heading_level=3, show_topics=topic is None))

    @env.macro
    def bank_purpose(bank_id: str) -> str:
        bank = _lookup(guide().banks, bank_id, "question bank", "data/questions/")
        return block(prose(bank.purpose))

    @env.macro
    def message(template_id: str) -> str:
        """A message template shown as the message it is."""
        template = _lookup(guide().templates, template_id, "template", "data/templates/")
        return block(messages.message_with_link(template, env.page.url))

    @env.macro
    def families_overview() -> str:
        return block(overview.families_overview(guide()))

    @env.macro
    def development_examples(per_family: int = 2) -> str:
        return block(overview.development_examples(guide(), per_family=per_family))

    @env.macro
    def worksheet(worksheet_id: str) -> str:
        """A worksheet's title and purpose, linking to its printable page."""
        sheet = _lookup(guide().worksheets, worksheet_id, "worksheet", "data/worksheets/")
        return block(overview.worksheet_card(sheet, env.page.url))

    @env.macro
    def stats() -> Mapping[str, int]:
        """Counts of what the data holds, for sentences such as 'the guide describes 20 roles'."""
        data = guide()
        return {
            "roles": len(data.roles),
            "families": len(data.families),
            "questions": len(data.questions),
            "templates": len(data.templates),
            "worksheets": len(data.worksheets),
        }
