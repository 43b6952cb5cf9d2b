"""Old addresses of renamed records, each leading to the record's page now.

A role, family, competency, template or worksheet may list the ids it had
(`previous_ids`). People bookmarked, printed and linked its old address: the
build writes, at each old address, a small page that sends the browser on to
the new one, keeping the part after `#`. Such pages are not in the navigation,
the sitemap or search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..model.guide import Guide
from ..model.urls import competency_url, family_url, relative, role_url, role_worksheet_url, template_url, worksheet_url
from ..rendering.environment import environment, render

if TYPE_CHECKING:
    import jinja2


class Redirect(NamedTuple):
    old: str
    """The old directory URL, e.g. roles/old-id/."""
    new: str
    title: str
    """The page's title now, for the link people see if their browser does not move on."""


def redirects(guide: Guide) -> list[Redirect]:
    """Every old address of the guide and where it leads."""
    found = []
    for family in guide.families:
        found += [Redirect(family_url(old), family_url(family.id), family.name) for old in family.previous_ids]
        for role in family.roles:
            for old in role.previous_ids:
                found.append(Redirect(role_url(old), role_url(role.id), role.title))
                found.append(Redirect(role_worksheet_url(old), role_worksheet_url(role.id), f"Preparation worksheet: {role.title}"))
    for competency in guide.competencies.values():
        found += [Redirect(competency_url(old), competency_url(competency.id), competency.name) for old in competency.previous_ids]
    for template in guide.templates.values():
        found += [Redirect(template_url(old), template_url(template.id), template.title) for old in template.previous_ids]
    for sheet in guide.worksheets.values():
        found += [Redirect(worksheet_url(old), worksheet_url(sheet.id), sheet.title) for old in sheet.previous_ids]
    return found


def redirect_page(redirect: Redirect, env: jinja2.Environment | None = None) -> str:
    """The page written at `redirect.old` (redirect.html), laid out by `env`: the build's, with a site's own templates first."""
    return render(env or environment(), "redirect.html", title=redirect.title, target=relative(redirect.old, redirect.new))
