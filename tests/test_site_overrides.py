"""A site adapts the guide's pages from its theme's custom_dir, in a real build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import built_site, copy_project

pytestmark = pytest.mark.build


def test_a_page_template_in_custom_dir_replaces_the_guides_own(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    own = project / "overrides" / "career-guide" / "role.html"
    own.parent.mkdir(parents=True)
    own.write_text(
        '{% from "career-guide/macros.html" import h with context %}{{ h(1, role.title) }}'
        '<div class="our-layout">{{ role.summary | prose }}</div>{{ h(2, "Where this role can lead") }}'
        "<ul>{% for move in moves %}<li>{{ move.target.title }}</li>{% endfor %}</ul><p>Ask about our Zanzibar rotation.</p>",
        encoding="utf-8",
    )
    site = built_site(project, tmp_path / "site")
    role = site.html("/roles/senior-engineer/")
    assert '<div class="our-layout">' in role and "Roles that lead here" not in role
    assert 'href="#where-this-role-can-lead"' in role, "its headings are in the table of contents"
    assert '<div class="our-layout">' in site.html("/roles/staff-engineer/"), "every role page"
    assert "Where you could go" in site.html("/roles/senior-engineer/worksheet/"), "other templates stay the guide's"
    # Search knows only the guide's own layouts: a site's own is indexed from its HTML.
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    sections = {entry["location"]: entry["text"] for entry in index if entry["location"].startswith("roles/senior-engineer/")}
    assert "Zanzibar" in sections["roles/senior-engineer/#where-this-role-can-lead"]
    assert "roles/senior-engineer/#roles-that-lead-here" not in sections
