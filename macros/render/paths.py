"""Job family pages (/paths/<id>/) and the company-wide map (/paths/)."""

from __future__ import annotations

from ..model import Family, Guide
from ..urls import PATHS_URL, family_url, role_url
from .career_map import career_map, moves_as_list
from .markup import attribute, block, heading_text, page_link, prose, text


def role_list(family: Family, page_url: str) -> str:
    """The family's roles in level order, each linked to its page."""
    items = "".join(
        f'<li><span class="cg-level">Level {role.level}</span> {page_link(page_url, role_url(role.id), role.title)}</li>'
        for role in family.roles
    )
    return f'<ul class="cg-role-list">{items}</ul>'


def level_matrix(guide: Guide, family: Family) -> str:
    """Competency × role table, roles by level; a cell is marked where the level changes from the role before."""
    roles = list(family.roles)
    competencies = list(dict.fromkeys(c for role in roles for c in role.skills))
    header = "".join(
        f'<th scope="col">{page_link(family_url(family.id), role_url(role.id), role.title)}'
        f'<span class="cg-matrix__level">Level {role.level}</span></th>'
        for role in roles
    )
    rows = []
    for competency_id in competencies:
        cells = []
        previous: int | None = None
        for index, role in enumerate(roles):
            level = role.skills.get(competency_id)
            if level is None:
                cells.append('<td class="cg-matrix__none"><span class="cg-sr">not required</span>–</td>')
            elif index and (previous is None or level > previous):
                cells.append(f'<td class="cg-matrix__up">{level} <span class="cg-sr">(raised)</span><span aria-hidden="true">▲</span></td>')
            else:
                cells.append(f"<td>{level}</td>")
            previous = level
        name = text(guide.competencies[competency_id].name)
        rows.append(f'<tr><th scope="row">{name}</th>{"".join(cells)}</tr>')
    return (
        '<div class="cg-table-scroll"><table class="cg-matrix"><thead><tr><th scope="col">Competency</th>'
        f"{header}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        '<p class="cg-note">▲ marks a level higher than in the role to its left.</p>'
    )


def family_page(guide: Guide, family: Family) -> str:
    page_url = family_url(family.id)
    return "\n\n".join(
        [
            f"# {heading_text(family.name)}",
            block(prose(family.description)),
            "## Roles",
            block(role_list(family, page_url)),
            "## Career map",
            block(career_map(guide, [family], page_url, caption=f"Career map of {family.name}")),
            "### The same moves as a list",
            block(moves_as_list(guide, [family], page_url)),
            "## Skills by level",
            block(level_matrix(guide, family)),
        ]
    )


def paths_index_page(guide: Guide) -> str:
    families = list(guide.families)
    index = [
        f'<section class="cg-family" aria-label="{attribute(family.name)}">'
        f"<h3>{page_link(PATHS_URL, family_url(family.id), family.name)}</h3>{role_list(family, PATHS_URL)}</section>"
        for family in families
    ]
    return "\n\n".join(
        [
            "# Career paths",
            block(
                "<p>Every role in the company, by job family and level, with the moves between them. "
                "Lateral moves, sideways into another role or family, are as much a part of a career as steps up.</p>"
            ),
            "## Company-wide map",
            block(career_map(guide, families, PATHS_URL, caption="Career map of all job families")),
            "### The same moves as a list",
            block(moves_as_list(guide, families, PATHS_URL)),
            "## All roles",
            block(f'<div class="cg-families">{"".join(index)}</div>'),
        ]
    )
