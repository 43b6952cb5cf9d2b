"""A role's own preparation worksheet (/roles/<id>/worksheet/).

Built from the same parts as the general worksheets, plus what is particular
to the role: the moves open from it with the competencies that change, the
questions to ask about it, and a short agenda to send ahead.
"""

from __future__ import annotations

from ..career_moves import MOVE_LABELS, Change, Move, moves_from
from ..model import Guide, Role, Template
from ..urls import role_url, role_worksheet_url, template_url
from .markup import block, heading_text, page_link, prose, text
from .messages import message_card
from .roles import level_change
from .worksheets import SEARCH_BOOST, person_fields, question_space, section_block, toolbar, writing_space

QUESTION_LINES = 2
MOVE_LINES = 2
AGENDA_KIND = "agenda"


def _move(page_url: str, number: int, move: Move) -> str:
    """One move: what changes (new and raised competencies only: the ones to prepare), and space to think."""
    changed = [
        f"{text(item.competency.name)} ({'new, ' if item.change is Change.NEW else ''}{level_change(item.before, item.after)})"
        for item in move.changes
        if item.change in (Change.NEW, Change.RAISED)
    ]
    summary = "; ".join(changed) if changed else "no new or raised competencies: the change is in scope and context"
    prompt = (
        f"<strong>{MOVE_LABELS[move.kind]}: {page_link(page_url, role_url(move.target.id), move.target.title)}</strong>"
        f'<span class="cg-answer__detail">What changes: {summary}.</span>'
        '<span class="cg-answer__detail">Does this move attract you? What would you need to learn or show?</span>'
    )
    return writing_space(f"move-{number}", prompt, MOVE_LINES)


def _agenda(guide: Guide, page_url: str) -> str:
    template: Template | None = next((t for t in guide.templates.values() if t.kind == AGENDA_KIND), None)
    if template is None:
        return (
            "<ol><li>Where I am now</li><li>Where I would like to go</li>"
            "<li>How I could get there: my requests</li><li>Your feedback</li><li>Next steps</li></ol>"
        )
    return (
        f"{prose(template.when)}{message_card(template)}"
        f'<p class="cg-screen-only">{page_link(page_url, template_url(template.id), "Fill in and copy this agenda")}</p>'
    )


def role_worksheet_page(guide: Guide, role: Role) -> str:
    page_url = role_worksheet_url(role.id)
    moves = moves_from(guide, role)
    questions = guide.questions_for(role)
    title = f"Preparation worksheet: {role.title}"
    parts = [
        SEARCH_BOOST,
        f"# Preparation worksheet: {heading_text(role.title)}",
        block(
            f'<div class="cg-purpose"><p>For a career development conversation as {page_link(page_url, role_url(role.id), role.title)}. '
            "Fill it in before the meeting and bring it with you.</p></div>"
            f"{toolbar(f'role-{role.id}', title)}{person_fields()}"
        ),
        "## Where you could go",
    ]
    if moves:
        parts.append(section_block("".join(_move(page_url, n, m) for n, m in enumerate(moves, start=1))))
    else:
        parts.append(
            section_block(
                "<p>No moves out of this role are recorded: growth here means depth and scope.</p>"
                + writing_space("moves", "Where could you grow in this role: a wider scope, expert work, mentoring?", 3)
            )
        )
    parts.append("## Questions for your conversation")
    parts.append(section_block("".join(question_space("q", q, QUESTION_LINES) for q in questions)))
    parts.append("## Agenda to send ahead")
    parts.append(section_block(_agenda(guide, page_url)))
    return "\n\n".join(parts)
