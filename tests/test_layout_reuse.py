"""What a build lays out once and reuses (parts of Material's layout, links) is what it would have laid out each time."""

from __future__ import annotations

import gc
import gzip
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import copy_project, run_build

from macros.integration.garbage import BuildCollector
from macros.integration.theme_patches import SectionListing

PRUNED = ["navigation.indexes", "navigation.prune"]


def _page(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url, active=False)


class _Layouts:
    """Stands in for Material's macro: counts how often it lays an entry out."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        return f"entry {self.count}"


@pytest.mark.unit
def test_an_entry_is_laid_out_once_for_every_page_that_links_to_it_by_the_same_address() -> None:
    listing, lay_out = SectionListing(12), _Layouts()
    chapter = SimpleNamespace(url="prepare/", active=False, children=None)
    first = listing.entry(chapter, "__nav_2", 1, _page("roles/a/"), PRUNED, caller=lay_out)
    assert listing.entry(chapter, "__nav_2", 1, _page("roles/b/"), PRUNED, caller=lay_out) == first
    assert lay_out.count == 1, "../../prepare/ from both role pages"
    listing.entry(chapter, "__nav_2", 1, _page("roles/a/worksheet/"), PRUNED, caller=lay_out)
    listing.entry(chapter, "__nav_2", 1, _page("paths/"), PRUNED, caller=lay_out)
    assert lay_out.count == 3, "other addresses from pages at other depths"


@pytest.mark.unit
def test_a_folded_section_is_reused_by_the_address_of_its_first_page() -> None:
    listing, lay_out = SectionListing(12), _Layouts()
    first_page = SimpleNamespace(url="worksheets/", active=False, children=None, is_index=True)
    section = SimpleNamespace(url=None, active=False, children=[first_page])
    listing.entry(section, "__nav_5", 1, _page("roles/a/"), PRUNED, caller=lay_out)
    listing.entry(section, "__nav_5", 1, _page("roles/b/"), PRUNED, caller=lay_out)
    assert lay_out.count == 1
    # Without navigation.prune (or with navigation.sections) a section is open, with every entry: laid out each time.
    for features in (["navigation.indexes"], [*PRUNED, "navigation.sections"]):
        listing.entry(section, "__nav_5", 1, _page("roles/a/"), features, caller=lay_out)
    assert lay_out.count == 3


@pytest.mark.unit
def test_what_holds_the_page_being_read_is_laid_out_every_time() -> None:
    listing, lay_out = SectionListing(12), _Layouts()
    section = SimpleNamespace(url=None, active=True, children=[SimpleNamespace(url="roles/a/", active=True, children=None)])
    for _ in range(2):
        listing.entry(section, "__nav_8", 1, _page("roles/a/"), PRUNED, caller=lay_out)
        listing.entry(section.children[0], "__nav_8_1", 2, _page("roles/a/"), PRUNED, caller=lay_out)
        listing.entry(section.children[0], "__nav_8_1", 2, None, PRUNED, caller=lay_out)  # a page of the theme's own (404)
    assert lay_out.count == 6


@pytest.mark.unit
def test_a_pages_table_of_contents_is_laid_out_once_for_its_two_places() -> None:
    listing, lay_out = SectionListing(12), _Layouts()
    one, other = _page("roles/a/"), _page("roles/b/")
    assert listing.same_on_this_page("toc", one, caller=lay_out) == listing.same_on_this_page("toc", one, caller=lay_out)
    listing.same_on_this_page("toc", other, caller=lay_out)
    assert lay_out.count == 2


@pytest.mark.unit
def test_the_collector_is_put_back_as_it_was_when_the_build_ends() -> None:
    before = (700, 10, 10)  # Python's own; a plugin tested alone may have left others
    gc.set_threshold(*before)
    collector = BuildCollector()
    collector.begin()
    kept = [object() for _ in range(10)]
    collector.settle()
    assert gc.get_threshold() != before and gc.get_freeze_count() > 0
    collector.end()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    collector.end()  # a failed build ends it again (on_build_error after on_post_build): nothing changes
    assert gc.get_threshold() == before and kept


# Laying every part out each time, as Material does by itself.
_WITHOUT_REUSE = """
import runpy, sys
from macros.integration import theme_patches
theme_patches.SectionListing.entry = lambda self, *args, caller: caller()
theme_patches.SectionListing.same_on_every_page = lambda self, *key, caller: caller()
theme_patches.SectionListing.same_on_this_page = lambda self, name, page, *, caller: caller()
sys.argv = ["mkdocs", "build", "--strict", "--site-dir", sys.argv[1]]
runpy.run_module("mkdocs", run_name="__main__")
"""


def _files(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(content) if path.suffix == ".gz" else content
    return files


@pytest.mark.build
def test_every_page_is_the_same_as_when_material_lays_out_each_part_each_time(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert run_build(project, tmp_path / "reused").returncode == 0
    without = subprocess.run(
        [sys.executable, "-c", _WITHOUT_REUSE, str(tmp_path / "each-time")], cwd=project, capture_output=True, text=True
    )
    assert without.returncode == 0, without.stderr
    reused, each_time = _files(tmp_path / "reused"), _files(tmp_path / "each-time")
    assert reused.keys() == each_time.keys()
    assert [name for name in reused if reused[name] != each_time[name]] == []
