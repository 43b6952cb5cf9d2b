"""A role's own preparation worksheet (/roles/<id>/worksheet/)."""

from __future__ import annotations

from ..career_moves import MOVE_LABELS, Change, moves_from
from ..model import Guide, Role
from ..urls import role_url, role_worksheet_url
from .markup import block, heading_text, page_link, prose_inline, text

WRITING_LINES = 3


def _writing_space(lines: int) -> str:
    return f'<div class="cg-write" style="--cg-lines: {lines}" aria-hidden="true"></div>'


def role_worksheet_page(guide: Guide, role: Role) -> str:
    page_url = role_worksheet_url(role.id)
    moves = []
    for move in moves_from(guide, role):
        changed = [
            f"{text(item.competency.name)} ({item.change.value.lower()})"
            for item in move.changes
            if item.change in (Change.NEW, Change.RAISED)
        ]
        moves.append(
            f"<li><strong>{text(move.target.title)}</strong> ({MOVE_LABELS[move.kind].lower()}): "
            f"{', '.join(changed) if changed else 'no new or raised competencies'}</li>"
        )
    questions = "".join(
        f'<li><p>{prose_inline(question.text)}</p>{_writing_space(WRITING_LINES)}</li>'
        for question in guide.questions_for(role)
    )
    return "\n\n".join(
        [
            # The role page, not its worksheet, should answer a search for the role's title.
            "---\nsearch:\n  boost: 0.5\n---",
            f"# Preparation worksheet: {heading_text(role.title)}",
            block(
                f"<p>For a career development conversation as {page_link(page_url, role_url(role.id), role.title)}. "
                "Fill it in before the meeting and bring it with you.</p>"
            ),
            "## Where you could go",
            block(f"<ul>{''.join(moves)}</ul>" if moves else "<p>No moves are recorded for this role: think about depth and scope.</p>"),
            "## Questions for your conversation",
            block(f'<ol class="cg-worksheet-questions">{questions}</ol>'),
            "## Your agenda",
            block(
                "<ol><li>Where I am now</li><li>Where I would like to go</li>"
                "<li>How I could get there: my requests</li><li>Your feedback</li><li>Next steps</li></ol>"
            ),
        ]
    )
