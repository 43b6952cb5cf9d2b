"""The page of one role: what it is, what it needs, where it leads and what to ask."""

from __future__ import annotations

from ..career_moves import MOVE_LABELS, Move, moves_from
from ..model import Guide, Role
from ..urls import family_url, role_url, role_worksheet_url, template_url
from .markup import block, heading_text, page_link, prose, prose_inline, text
from .questions import question_list


def skills_table(guide: Guide, role: Role) -> str:
    rows = "".join(
        f"<tr><td>{text(guide.competencies[c].name)}</td>"
        f'<td class="cg-num">{level} of {len(guide.competencies[c].levels)}</td>'
        f"<td>{prose_inline(guide.competencies[c].level_text(level))}</td></tr>"
        for c, level in role.skills.items()
    )
    return (
        '<table class="cg-skills"><thead><tr><th scope="col">Competency</th><th scope="col">Expected level</th>'
        f'<th scope="col">What that looks like</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def level_change(before: int | None, after: int | None) -> str:
    if before is None:
        return f"level {after}"
    if after is None:
        return f"was level {before}"
    return f"level {before} → {after}" if before != after else f"level {after}"


def move_changes(move: Move) -> str:
    """What changes with one move, grouped as new, raised, unchanged and no longer central."""
    groups = []
    for change, items in move.grouped():
        entries = "".join(
            f"<li><strong>{text(item.competency.name)}</strong> "
            f'<span class="cg-level-change">({level_change(item.before, item.after)})</span>'
            + (f": {prose_inline(item.competency.level_text(item.after))}" if item.after is not None else "")
            + "</li>"
            for item in items
        )
        groups.append(
            f'<div class="cg-change cg-change--{change.name.lower()}">'
            f'<p class="cg-change__label">{change.value}</p><ul>{entries}</ul></div>'
        )
    return f'<div class="cg-changes">{"".join(groups)}</div>'


def _moves(guide: Guide, role: Role, page_url: str) -> str:
    moves = moves_from(guide, role)
    if not moves:
        return block(
            "<p>No moves out of this role are recorded. Growth here usually means going deeper: "
            "talk with your manager about a wider scope, expert work or mentoring others.</p>"
        )
    parts = []
    for move in moves:
        target = move.target
        family = guide.family_of(target)
        parts.append(f"### {heading_text(MOVE_LABELS[move.kind])}: {heading_text(target.title)}")
        parts.append(
            block(
                f'<p class="cg-move-meta">{page_link(page_url, role_url(target.id), target.title)}'
                f" · {text(family.name)} · level {target.level}</p>{move_changes(move)}"
            )
        )
    return "\n\n".join(parts)


def _leading_here(guide: Guide, role: Role, page_url: str) -> str:
    leading = guide.roles_leading_to(role)
    if not leading:
        return block("<p>No role lists a move into this one: people usually join it directly.</p>")
    items = "".join(
        f"<li>{page_link(page_url, role_url(other.id), other.title)} "
        f"({text(guide.family_of(other).name)}, {MOVE_LABELS[kind].lower()})</li>"
        for other, kind in leading
    )
    return block(f"<ul>{items}</ul>")


def role_page(guide: Guide, role: Role) -> str:
    """The Markdown of /roles/<id>/."""
    page_url = role_url(role.id)
    family = guide.family_of(role)
    questions = guide.questions_for(role)
    responsibilities = "".join(f"<li>{prose_inline(item)}</li>" for item in role.responsibilities)
    development = "".join(f"<li>{prose_inline(item)}</li>" for item in role.development)
    return "\n\n".join(
        [
            f"# {heading_text(role.title)}",
            block(
                f'<p class="cg-role-meta">{page_link(page_url, family_url(family.id), family.name)}'
                f" · Level {role.level}</p>{prose(role.summary)}"
            ),
            "## Responsibilities",
            block(f"<ul>{responsibilities}</ul>"),
            "## Skills",
            block(skills_table(guide, role)),
            "## Where this role can lead",
            _moves(guide, role, page_url),
            "## Roles that lead here",
            _leading_here(guide, role, page_url),
            "## Questions to ask about this role",
            block(question_list(questions, heading_level=3) if questions else "<p>No questions are written for this role yet.</p>"),
            "## Development requests",
            block(f"<p>Concrete things to ask for in your conversation:</p><ul>{development}</ul>"),
            "## Prepare your conversation",
            block(
                f"<ul><li>{page_link(page_url, role_worksheet_url(role.id), 'Preparation worksheet for this role')}: "
                "print it or fill it in online.</li>"
                + "".join(
                    f"<li>{page_link(page_url, template_url(template.id), template.title)}: a message to fill in and copy.</li>"
                    for template in guide.templates.values()
                )
                + "</ul>"
            ),
        ]
    )
