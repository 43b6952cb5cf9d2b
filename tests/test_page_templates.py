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
from macros.model.guide import Guide
from macros.model.guide import Guide as GuideType
from macros.model.urls import source_path
from macros.pages.catalogue import generated_pages, page_urls
from macros.pages.kinds import KINDS, Facts, Single
from macros.pages.memo import GUIDE_METHODS_READ, PageMemo, guide_reads
from macros.pages.page import GeneratedPage
from macros.pages.plan_data import PLAN_DATA_PATH
from macros.rendering.environment import environment

pytestmark = pytest.mark.unit

GOLDEN = Path(__file__).parent / "golden"
SMALL = load_guide(FIXTURES / "small" / "data")


def _record(record_id: str) -> object:
    """The fixture's record with this id, of whichever kind."""
    for records in (SMALL.roles, SMALL.competencies, SMALL.templates, SMALL.worksheets, {family.id: family for family in SMALL.families}):
        if record_id in records:
            return records[record_id]  # type: ignore[attr-defined]
    raise KeyError(record_id)


PAGES = {page.src_uri: page for page in generated_pages(SMALL, environment())}
REVIEWED = {kind.name: source_path(kind.url(Single if kind.golden is None else _record(kind.golden))) for kind in KINDS if kind.reviewed}
"""Each kind's reviewed page, as its declaration names it."""


def test_every_kind_of_page_has_a_golden_copy() -> None:
    assert set(REVIEWED.values()) <= set(PAGES), "the fixture data produces every kind of page"
    assert {path.stem for path in GOLDEN.glob("*.html")} == set(REVIEWED), "one reviewed copy per kind, and no stale ones"


@pytest.mark.parametrize("kind", REVIEWED)
def test_each_kind_of_page_is_laid_out_as_reviewed(kind: str, request: pytest.FixtureRequest) -> None:
    page: GeneratedPage = PAGES[REVIEWED[kind]]
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


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_what_each_layout_reads_of_the_guide_is_found_in_its_source(kind: object) -> None:
    # The preview takes a page from its last rebuild when what it is made from is unchanged:
    # every `guide.` a layout (or what it includes and imports) reads must be known.
    layout = kind.layout  # type: ignore[attr-defined]
    for name in guide_reads(environment(), layout):
        assert hasattr(GuideType, name) or name in GuideType.__dataclass_fields__, (layout, name)
        if callable(getattr(GuideType, name, None)):
            assert name in GUIDE_METHODS_READ, f"{layout} calls guide.{name}: say in GUIDE_METHODS_READ what it reads"


def test_reads_are_found_in_included_and_imported_templates(tmp_path: Path) -> None:
    (tmp_path / "career-guide").mkdir()
    (tmp_path / "career-guide" / "part.html").write_text("{{ guide.scales }}", encoding="utf-8")
    (tmp_path / "career-guide" / "lib.html").write_text("{% macro m() %}{{ guide.areas }}{% endmacro %}", encoding="utf-8")
    layout = (
        '{% from "career-guide/lib.html" import m with context %}{% include "career-guide/part.html" %}'
        "{# guide.comment #}{{ guide.families }}"
    )
    (tmp_path / "career-guide" / "own.html").write_text(layout, encoding="utf-8")
    assert guide_reads(environment(tmp_path), "own.html") == {"scales", "areas", "families"}


def test_page_urls_are_the_addresses_of_the_pages_made() -> None:
    for data in (SMALL, load_guide(FIXTURES / "brightwell" / "data"), load_guide(FIXTURES / "framework" / "data")):
        made = {page.src_uri for page in generated_pages(data, environment())}
        assert {source_path(url) for url in page_urls(data) if url.endswith("/")} == made
        assert {url for url in page_urls(data) if not url.endswith("/")} == {PLAN_DATA_PATH}


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


def _receives_in_readme() -> dict[str, set[str]]:
    """The README's table of what each page layout receives: the names outside parentheses, by layout."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| Template | Page or block | Receives |") :]
    rows: dict[str, set[str]] = {}
    for line in table.splitlines()[2:]:
        if not line.startswith("|"):
            break
        layout, _, receives = (cell.strip() for cell in line.strip("|").split(" | "))
        while "(" in receives:  # descriptions in parentheses, nested ones included, name no variable
            receives = re.sub(r"\([^()]*\)", "", receives)
        rows[layout.strip("`")] = set(re.findall(r"`(\w+)`", receives))
    return rows


def test_the_readme_says_what_every_page_layout_receives() -> None:
    facts = Facts(SMALL)
    documented = _receives_in_readme()
    for kind in KINDS:
        record = next(iter(kind.records(SMALL)))
        assert documented.get(kind.layout) == set(kind.context(facts, record)), f"README.md's row for {kind.layout}"
