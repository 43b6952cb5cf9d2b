"""Every kind of generated page, laid out by its template from fixture data, compared with a reviewed copy.

After an intended change of layout, run `pytest tests/test_page_templates.py --update-golden`,
review the changed files under tests/golden/ and commit them with the change.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from helpers import FIXTURES

from macros.loading import load_guide
from macros.model import Guide
from macros.pages import GUIDE_READS, GeneratedPage, PageMemo, generated_pages
from macros.render.environment import environment
from macros.search_sections import SECTIONS_BY_LAYOUT

pytestmark = pytest.mark.unit

GOLDEN = Path(__file__).parent / "golden"
SMALL = load_guide(FIXTURES / "small" / "data")
PAGES = {page.src_uri: page for page in generated_pages(SMALL, environment())}
KINDS = {
    "paths": "paths/index.md",
    "family": "paths/analytics/index.md",
    "role": "roles/analyst/index.md",
    "role-worksheet": "roles/analyst/worksheet/index.md",
    "templates-index": "templates/index.md",
    "template": "templates/hello/index.md",
    "worksheets-index": "worksheets/index.md",
    "worksheet": "worksheets/basic/index.md",
    "competencies-index": "competencies/index.md",
    "competency": "competencies/writing/index.md",
}


def test_every_kind_of_page_has_a_golden_copy() -> None:
    assert set(KINDS.values()) <= set(PAGES), "the fixture data produces every kind of page"
    assert {path.stem for path in GOLDEN.glob("*.html")} == set(KINDS), "one reviewed copy per kind, and no stale ones"


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_page_is_laid_out_as_reviewed(kind: str, request: pytest.FixtureRequest) -> None:
    page: GeneratedPage = PAGES[KINDS[kind]]
    golden = GOLDEN / f"{kind}.html"
    if request.config.getoption("--update-golden"):
        golden.write_text(page.html, encoding="utf-8")
    assert page.html == golden.read_text(encoding="utf-8"), f"{golden} differs: review the change, then --update-golden"


def test_a_site_overrides_a_page_template_from_its_custom_dir(tmp_path: Path) -> None:
    (tmp_path / "career-guide").mkdir()
    own = '{% from "career-guide/macros.html" import h with context %}{{ h(1, role.title) }}<p>Our own layout for {{ family.name }}.</p>'
    (tmp_path / "career-guide" / "role.html").write_text(own, encoding="utf-8")
    pages = {page.src_uri: page for page in generated_pages(SMALL, environment(tmp_path))}
    role = SMALL.roles["analyst"]
    own_page = pages["roles/analyst/index.md"]
    assert own_page.html.endswith(f"</h1><p>Our own layout for {SMALL.family_of(role).name}.</p>")
    assert own_page.title == role.title and [token["id"] for token in own_page.toc] == ["analyst"]
    assert pages["paths/analytics/index.md"].html == PAGES["paths/analytics/index.md"].html, "the others stay"


def test_what_each_layout_reads_of_the_whole_guide_is_declared_for_the_preview() -> None:
    # The preview takes a page from its last rebuild when what it is made from is
    # unchanged: a layout reading more of `guide` than GUIDE_READS says would go stale.
    layouts = Path(environment().get_template("career-guide/role.html").filename or "").parent
    for layout in SECTIONS_BY_LAYOUT:
        source = (layouts / layout).read_text(encoding="utf-8")
        included = re.findall(r'{% include "career-guide/([^"]+)"', source)
        source += "".join((layouts / name).read_text(encoding="utf-8") for name in included)
        code = re.sub(r"{#.*?#}", "", source, flags=re.DOTALL)
        reads = set(re.findall(r"\bguide\.(\w+)", code))
        assert bool(reads) == (layout in GUIDE_READS), (layout, reads)


def test_the_preview_makes_again_only_pages_whose_data_changed() -> None:
    memo = PageMemo()
    env = environment()
    first = generated_pages(SMALL, env, memo)
    assert (memo.made, memo.reused) == (len(first), 0)
    again = generated_pages(SMALL, env, memo)
    assert (memo.made, memo.reused) == (0, len(first)) and again == first

    role = SMALL.roles["analyst"]
    changed = dataclasses.replace(SMALL, roles={**SMALL.roles, "analyst": role._replace(summary="Changed summary.")})
    families = tuple(f._replace(roles=tuple(changed.roles[r.id] for r in f.roles)) for f in SMALL.families)
    changed = dataclasses.replace(changed, families=families)
    pages = {page.src_uri: page for page in generated_pages(changed, env, memo)}
    assert 0 < memo.made < len(first)
    assert "Changed summary." in pages["roles/analyst/index.md"].html
    anew = {page.src_uri: page for page in generated_pages(changed, environment())}
    assert pages.keys() == anew.keys()
    for uri, page in pages.items():
        assert page._replace(search=None) == anew[uri]._replace(search=None), uri
        assert page.search and anew[uri].search and page.search() == anew[uri].search(), uri


def test_worksheet_answers_are_kept_under_names_not_positions(guide: Guide) -> None:
    # HR reorders the sections: every question keeps the key its answer is saved under.
    sheet = guide.worksheets["self-assessment"]
    assert len(sheet.sections) > 2
    reordered = dataclasses.replace(guide, worksheets={**guide.worksheets, sheet.id: sheet._replace(sections=sheet.sections[::-1])})

    def keys(data: Guide) -> dict[str, str]:
        page = next(p for p in generated_pages(data, environment()) if p.src_uri == f"worksheets/{sheet.id}/index.md")
        return dict(re.findall(r'<label[^>]*for="cg-([^"]+)">(.*?)</label>', page.html))

    assert keys(guide) == keys(reordered)
    assert not any(re.match(r"s\d+-", key) for key in keys(guide))
