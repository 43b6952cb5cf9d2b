"""Old addresses of renamed records, each leading to the record's page now.

A role, family, competency, template or worksheet may list the ids it had
(`previous_ids`). People bookmarked, printed and linked its old address: the
build writes, at each old address, a small page that sends the browser on to
the new one, keeping the part after `#`. Such pages are not in the navigation,
the sitemap or search.
"""

from __future__ import annotations

import html
import json
from typing import NamedTuple

from ..model.guide import Guide
from ..model.urls import competency_url, family_url, relative, role_url, role_worksheet_url, template_url, worksheet_url


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


def redirect_page(redirect: Redirect) -> str:
    """The page written at `redirect.old`: it sends the browser on at once, with or without JavaScript."""
    target = relative(redirect.old, redirect.new)
    attribute = html.escape(target)
    title = html.escape(redirect.title)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        '<meta name="robots" content="noindex">'
        f'<link rel="canonical" href="{attribute}">'
        f'<meta http-equiv="refresh" content="0; url={attribute}">'
        # The script keeps the anchor (#skills) that the refresh would drop.
        f"<script>location.replace(new URL({json.dumps(target)}, location.href).href + location.hash)</script>"
        f'</head><body><p>This page has moved: <a href="{attribute}">{title}</a>.</p></body></html>\n'
    )
