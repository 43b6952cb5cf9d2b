"""Printable worksheets that can also be filled in on screen.

A worksheet page is print-first: every answer is a form field sized like the
writing space it replaces, so the empty sheet prints as lines to write on and
the filled-in sheet prints with its answers. The browser side (saving answers
in localStorage, print, download, clear, calendar reminder) lives in
docs/assets/guide.js and finds its elements by their data-cg-* attributes.
"""

from __future__ import annotations

from ..model import Guide, Question, Reminder, Worksheet, WorksheetSection, WritingTable
from ..urls import WORKSHEETS_URL, role_worksheet_url, worksheet_url
from .markup import attribute, block, heading_text, page_link, prose, prose_inline, text

PERSON_FIELDS = (
    # key, label, input type, the template placeholder it shares its value with
    ("name", "Your name", "text", "Your Name"),
    ("manager", "Your manager", "text", "Manager's Name"),
    ("date", "Conversation date", "date", "Meeting Date"),
)

SEARCH_BOOST = "---\nsearch:\n  boost: 0.5\n---"
"""Front matter that ranks a worksheet below the page it prepares for in search results."""


def writing_space(key: str, label_html: str, lines: int, *, visible_label: bool = True) -> str:
    """A question (or prompt) and the lined space to answer it, kept together on paper."""
    label_class = "cg-answer__label" if visible_label else "cg-sr"
    return (
        f'<div class="cg-answer"><label class="{label_class}" for="cg-{key}">{label_html}</label>'
        f'<textarea id="cg-{key}" class="cg-lines" data-cg-field="{key}" rows="{lines}" style="--cg-lines: {lines}" '
        f'spellcheck="true"></textarea></div>'
    )


def question_space(section_key: str, question: Question, lines: int) -> str:
    # Keyed by section too: a question may be asked in two sections of one sheet.
    return writing_space(f"{section_key}-{question.id}", prose_inline(question.text), lines)


def writing_table(key: str, table: WritingTable) -> str:
    """A table to fill in by hand or on screen, one input per cell."""
    header = "".join(f'<th scope="col">{text(column)}</th>' for column in table.columns)
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td><input type="text" data-cg-field="{key}-r{row}-c{column}" aria-label="{attribute(name)}, row {row}"></td>'
            for column, name in enumerate(table.columns, start=1)
        )
        + "</tr>"
        for row in range(1, table.rows + 1)
    )
    return f'<table class="cg-table"><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>'


def person_fields() -> str:
    """Name, manager and date: on paper, lines to write on."""
    fields = "".join(
        f'<div class="cg-person__field"><label for="cg-{key}">{label}</label>'
        f'<input id="cg-{key}" type="{kind}" data-cg-field="{key}" data-cg-shared="{attribute(shared)}" '
        f'autocomplete="off"></div>'
        for key, label, kind, shared in PERSON_FIELDS
    )
    return f'<div class="cg-person">{fields}</div>'


def toolbar(storage_id: str, title: str) -> str:
    """Print, download and clear buttons. Screen only: hidden on paper and without JavaScript."""
    return (
        f'<div class="cg-toolbar cg-needs-js" data-cg-worksheet="{attribute(storage_id)}" data-cg-title="{attribute(title)}">'
        '<button type="button" class="md-button md-button--primary" data-cg-action="print">Print</button>'
        '<button type="button" class="md-button" data-cg-action="download-txt">Download answers (.txt)</button>'
        '<button type="button" class="md-button" data-cg-action="download-md">Download answers (.md)</button>'
        '<button type="button" class="md-button" data-cg-action="clear">Clear answers</button>'
        '<p class="cg-status" role="status" aria-live="polite"></p>'
        '<p class="cg-toolbar__note">What you type is saved in this browser only and never sent anywhere. '
        "It prints with the sheet.</p></div>"
    )


def reminder_block(reminder: Reminder) -> str:
    """A calendar file for the progress check-in, counted from the date of the conversation."""
    return (
        f'<div class="cg-reminder cg-needs-js" data-cg-reminder="{attribute(reminder.title)}">'
        '<p class="cg-reminder__title"><strong>Put the check-in in your calendar</strong></p>'
        "<p>A reminder on the day of your progress check-in, counted from the date of the conversation above "
        "(or from today, if you leave it empty).</p>"
        '<p><label for="cg-reminder-weeks">Weeks after the conversation</label> '
        f'<input id="cg-reminder-weeks" type="number" min="1" max="52" value="{reminder.after_weeks}" '
        'data-cg-field="reminder-weeks" inputmode="numeric"> '
        '<button type="button" class="md-button" data-cg-action="ics">Download calendar reminder (.ics)</button></p>'
        "</div>"
    )


def section_block(body: str) -> str:
    """The raw HTML of one worksheet section's content, under its Markdown heading."""
    return block(f'<div class="cg-section">{body}</div>')


def section_markdown(key: str, section: WorksheetSection) -> list[str]:
    """A worksheet section: heading, instruction, then its questions, table or free space."""
    parts = [f"## {heading_text(section.title)}"]
    body = prose(section.intro) if section.intro else ""
    body += "".join(question_space(key, question, section.space) for question in section.questions)
    if section.table:
        body += writing_table(key, section.table)
    if not section.questions and not section.table:
        body += writing_space(f"{key}-notes", text(section.title), section.space, visible_label=False)
    parts.append(section_block(body))
    return parts


def worksheet_page(worksheet: Worksheet) -> str:
    """The Markdown of /worksheets/<id>/."""
    parts = [
        SEARCH_BOOST,
        f"# {heading_text(worksheet.title)}",
        block(f'<div class="cg-purpose">{prose(worksheet.purpose)}</div>{toolbar(worksheet.id, worksheet.title)}{person_fields()}'),
    ]
    for number, section in enumerate(worksheet.sections, start=1):
        parts.extend(section_markdown(f"s{number}", section))
    if worksheet.reminder:
        parts.append(block(reminder_block(worksheet.reminder)))
    return "\n\n".join(parts)


def worksheets_index_page(guide: Guide) -> str:
    """The Markdown of /worksheets/: every worksheet, then every role's own worksheet."""
    sheets = "".join(
        f"<li>{page_link(WORKSHEETS_URL, worksheet_url(sheet.id), sheet.title)}{prose(sheet.purpose)}</li>"
        for sheet in guide.worksheets.values()
    )
    families = "".join(
        f"<li><strong>{text(family.name)}</strong>: "
        + ", ".join(page_link(WORKSHEETS_URL, role_worksheet_url(role.id), role.title) for role in family.roles)
        + "</li>"
        for family in guide.families
    )
    return "\n\n".join(
        [
            "# Worksheets",
            block(
                "<p>Print a worksheet and take it to your conversation, or fill it in here: your answers are kept "
                "in this browser only, print with the sheet, and can be downloaded to keep.</p>"
            ),
            "## For every conversation",
            block(f'<ul class="cg-index">{sheets}</ul>'),
            "## For your role",
            block(
                "<p>Each role has its own preparation sheet, with the moves open from it, what changes with each, "
                "and the questions to ask about it.</p>"
                f'<ul class="cg-index">{families}</ul>'
            ),
        ]
    )
