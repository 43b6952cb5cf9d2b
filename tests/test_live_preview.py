"""`make serve`: an edit to data/ shows up; a broken edit is explained and the last good pages stay."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import Preview, copy_project, run_build

pytestmark = pytest.mark.build

ROLE_URL = "/roles/senior-engineer/"
OLD_TITLE = "title: Senior Software Engineer\n"
PANEL = 'id="cg-preview-problems"'


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    running = Preview(copy_project(tmp_path / "project"))
    running.wait_for(lambda: "Senior Software Engineer" in running.page(ROLE_URL), "the first build")
    yield running
    running.stop()


def _edit(preview: Preview, old: str, new: str, file: str = "data/career_paths/engineering.yml") -> None:
    path = preview.project / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_data_edit_is_previewed_and_a_broken_edit_keeps_the_last_good_pages(preview: Preview) -> None:
    _edit(preview, OLD_TITLE, "title: Senior Software Engineer II\n")
    preview.wait_for(lambda: "Senior Software Engineer II" in preview.page(ROLE_URL), "the edited title")

    _edit(preview, "title: Senior Software Engineer II\n", "title: Senior Software Engineer III\n    level: 3\n")
    preview.wait_for(lambda: "key 'level' appears twice" in preview.terminal, "the error message")
    assert "data/career_paths/engineering.yml:" in preview.terminal
    assert "Traceback" not in preview.terminal
    assert "[macros]" not in preview.terminal, "the terminal shows the problems, not every plugin's settings"
    assert "Senior Software Engineer II" in preview.page(ROLE_URL), "the last good pages are still served"
    assert "Senior Software Engineer III" not in preview.page(ROLE_URL)
    # The browser shows the problem too, over the last good page, on every page.
    for url in (ROLE_URL, "/"):
        preview.wait_for(lambda url=url: PANEL in preview.page(url), f"the problems over {url}")
        page = preview.page(url)
        assert "data/career_paths/engineering.yml:" in page and "appears twice" in page
        assert "shows the last data that loaded" in page

    _edit(preview, "title: Senior Software Engineer III\n    level: 3\n", "title: Senior Software Engineer IV\n")
    preview.wait_for(lambda: "Senior Software Engineer IV" in preview.page(ROLE_URL), "the fixed edit")
    assert preview.process.poll() is None
    assert PANEL not in preview.page(ROLE_URL) and PANEL not in preview.page("/"), "a good save clears the problems"


def test_a_preview_started_on_broken_data_starts_and_shows_the_problems(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "career_paths" / "engineering.yml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace(OLD_TITLE, OLD_TITLE + "    level: 3\n", 1), encoding="utf-8")
    preview = Preview(project)
    try:
        preview.wait_for(lambda: PANEL in preview.page("/"), "the first build, on broken data")
        home = preview.page("/")
        assert "data/career_paths/engineering.yml:" in home and "shows no data until they are fixed" in home
        assert "Traceback" not in preview.terminal
        path.write_text(good, encoding="utf-8")
        preview.wait_for(lambda: "Senior Software Engineer" in preview.page(ROLE_URL), "the fixed data")
        assert PANEL not in preview.page(ROLE_URL)
    finally:
        preview.stop()


REBUILT = re.compile(r"laid out (\d+) changed pages \((\d+) unchanged reused\)")
REMADE = re.compile(r"made (\d+) pages from data \((\d+) reused\)")
_LIVE_RELOAD = re.compile(r"<script>[^<]*livereload[^<]*</script>(?=</body>)")
# A build gives every page its Content-Security-Policy; the preview leaves it out,
# as it would block the live-reload script MkDocs adds to each page it serves.
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def _rebuilds(preview: Preview) -> list[tuple[int, int]]:
    return [(int(changed), int(reused)) for changed, reused in REBUILT.findall(preview.terminal)]


def _served_equals_a_fresh_build(preview: Preview, tmp_path: Path, name: str) -> None:
    """Every page the preview serves is the page a clean build of the same files makes."""
    fresh = tmp_path / name
    result = run_build(preview.project, fresh, site_url=f"http://127.0.0.1:{preview.port}/")
    assert result.returncode == 0, result.stderr
    pages = sorted(fresh.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        url = "/" + path.relative_to(fresh).as_posix()
        served = _LIVE_RELOAD.sub("", preview.page(url))
        assert not _POLICY.search(served), f"{url} has a policy in the preview, which would block its live reload"
        assert served == _POLICY.sub("", path.read_text(encoding="utf-8"), count=1), f"{url} is stale in the preview"


def _edit_and_rebuild(preview: Preview, old: str, new: str, file: str = "data/career_paths/engineering.yml") -> tuple[int, int]:
    """Make the edit and wait for the rebuild it causes; how many pages it laid out and reused."""
    before = len(_rebuilds(preview))
    _edit(preview, old, new, file)
    preview.wait_for(lambda: len(_rebuilds(preview)) > before, f"the rebuild after editing {file}")
    return _rebuilds(preview)[-1]


def test_a_rebuild_lays_out_only_changed_pages_and_serves_no_stale_one(preview: Preview, tmp_path: Path) -> None:
    # A role's summary: its own page and the few pages quoting it change.
    changed, reused = _edit_and_rebuild(preview, "summary: Leads the technical side", "summary: Steers the technical side")
    assert 0 < changed < 10 and reused > 50, (changed, reused)
    made, taken = (int(number) for number in REMADE.findall(preview.terminal)[-1])
    assert 0 < made < taken, "only the pages given that role are made again"
    _served_equals_a_fresh_build(preview, tmp_path, "after-summary")

    # A role's title: the navigation of its family changes, and every page linking to it.
    _edit_and_rebuild(preview, OLD_TITLE, "title: Senior Software Engineer II\n")
    _served_equals_a_fresh_build(preview, tmp_path, "after-title")

    # A chapter's Markdown and the site's settings are not data, and are previewed too.
    _edit_and_rebuild(preview, "# Your career", "# Renamed: Your career", file="docs/index.md")
    _served_equals_a_fresh_build(preview, tmp_path, "after-chapter")
    changed, reused = _edit_and_rebuild(preview, "\ntheme:", "\ncopyright: Changed\ntheme:", file="mkdocs.yml")
    assert reused == 0, "a change of settings lays out every page again"
    _served_equals_a_fresh_build(preview, tmp_path, "after-settings")


def test_a_stopped_preview_leaves_nothing_in_the_temporary_folder(tmp_path: Path) -> None:
    """MkDocs builds the preview into the system's temporary folder; stopped as a person stops it, it removes that site."""
    before = set(Path(tempfile.gettempdir()).glob("mkdocs_*"))
    preview = Preview(copy_project(tmp_path / "project"))
    try:
        preview.wait_for(lambda: "Senior Software Engineer" in preview.page(ROLE_URL), "the first build")
        built = set(Path(tempfile.gettempdir()).glob("mkdocs_*")) - before
        assert len(built) == 1, "the preview's site is in the temporary folder while it runs"
    finally:
        stopped = preview.stop()
    assert stopped, f"the preview did not stop at Ctrl-C:\n{preview.terminal}"
    assert not any(site.exists() for site in built), preview.terminal
