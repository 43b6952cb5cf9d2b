"""Summaries of the career paths and worksheets for the hand-written chapters."""

from __future__ import annotations

from ..model import Guide, Worksheet
from ..urls import worksheet_url
from .markup import page_link, prose, prose_inline, text


def families_overview(guide: Guide) -> str:
    """Each job family with its roles in level order."""
    parts = ['<div class="cg-families">']
    for family in guide.families:
        roles = "".join(f'<li><span class="cg-level">Level {role.level}</span> {text(role.title)}</li>' for role in family.roles)
        parts.append(
            f'<section class="cg-family" aria-label="{text(family.name)}">'
            f"<h3>{text(family.name)}</h3>{prose(family.description)}"
            f'<ul class="cg-role-list">{roles}</ul></section>'
        )
    parts.append("</div>")
    return "".join(parts)


def development_examples(guide: Guide, *, per_family: int = 2) -> str:
    """A few concrete development requests from each family, to show what 'concrete' means."""
    items: list[str] = []
    for family in guide.families:
        requests = [request for role in family.roles for request in role.development][:per_family]
        items.extend(f'<li>{prose_inline(request)} <span class="cg-source">({text(family.name)})</span></li>' for request in requests)
    return f'<ul class="cg-examples">{"".join(items)}</ul>'


def worksheet_card(worksheet: Worksheet, page_url: str) -> str:
    """A worksheet's title and purpose, with a link to print or fill it in."""
    link = page_link(page_url, worksheet_url(worksheet.id), "Open the worksheet to print or fill in")
    return (
        f'<div class="cg-card cg-worksheet-card"><p class="cg-card__title"><strong>Worksheet: '
        f"{text(worksheet.title)}</strong></p>{prose(worksheet.purpose)}<p>{link}</p></div>"
    )
