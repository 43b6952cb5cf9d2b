"""Prose loses nothing silently: every Markdown construct HR writes renders, or is refused with its line and the fix."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SAMPLE_DATA, Site, built_site, copy_project, run_check

from macros.loading import load_guide
from macros.model.errors import DataError
from macros.rendering.markup import prose

COMPETENCIES = "competencies.yml"
FIRST_LEVEL = "      - Completes well-defined tasks in one part of the code base with guidance and thorough review.\n"


def _level(text: str) -> str:
    """The first level of the first competency, rewritten as a block of prose."""
    body = "".join(f"          {line}\n" if line else "\n" for line in text.split("\n"))
    return f"      - |\n{body}"


def _problems_with_first_level(tmp_path: Path, text: str) -> list[str]:
    data = Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))
    path = data / COMPETENCIES
    source = path.read_text(encoding="utf-8")
    assert FIRST_LEVEL in source
    path.write_text(source.replace(FIRST_LEVEL, _level(text), 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(data)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("written", "rendered"),
    [
        ("- one\n  - nested by two spaces\n  - another\n- two", "<li>one<ul>\n<li>nested by two spaces</li>"),
        ("- one\n    - nested by four spaces", "<li>one<ul>\n<li>nested by four spaces</li>"),
        ("1. first\n  1. nested step", "<li>first<ol>\n<li>nested step</li>"),
        ("See <https://example.com/guide>.", '<a href="https://example.com/guide" rel="noopener">https://example.com/guide</a>'),
        ("Write to <mailto:people@example.com>.", '<a href="mailto:people@example.com" rel="noopener">'),
        ("| Level | Meaning |\n| --- | --- |\n| 1 | New |", "<table>\n<thead>\n<tr>\n<th>Level</th>"),
        ("> A quote from the framework.", "<blockquote>\n<p>A quote from the framework.</p>\n</blockquote>"),
        ("![The three tracks](/assets/tracks.png)", '<img alt="The three tracks" src="/assets/tracks.png">'),
        ("Keep `code` and **bold**.", "<code>code</code> and <strong>bold</strong>"),
    ],
)
def test_every_construct_renders(written: str, rendered: str) -> None:
    assert rendered in prose(written)


@pytest.mark.unit
def test_html_and_script_stay_text() -> None:
    html = prose("<b>bold?</b> > not a tag <script>alert(1)</script> & more")
    assert "&lt;b&gt;bold?&lt;/b&gt;" in html and "&lt;script&gt;" in html and "<script" not in html


@pytest.mark.unit
def test_a_heading_in_prose_is_refused_at_its_line(tmp_path: Path) -> None:
    problems = _problems_with_first_level(tmp_path, "Works on small tasks.\n\n## What it looks like\n\nMore text.")
    assert len(problems) == 1
    assert problems[0].startswith("data/competencies.yml:")
    assert "has a heading (a line starting with #)" in problems[0] and "**bold**" in problems[0]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("image", "message"),
    [
        ("![](/assets/tracks.png)", "an image without a description"),
        ("![Tracks](https://example.com/tracks.png)", "an image from another site"),
    ],
)
def test_an_image_that_cannot_be_shown_is_refused(tmp_path: Path, image: str, message: str) -> None:
    problems = _problems_with_first_level(tmp_path, f"Works on small tasks.\n\n{image}")
    assert len(problems) == 1 and message in problems[0] and problems[0].startswith("data/competencies.yml:")


@pytest.mark.unit
def test_message_templates_are_not_read_as_markdown(tmp_path: Path) -> None:
    data = Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))
    template = next((data / "templates").glob("*.yml"))
    source = template.read_text(encoding="utf-8")
    template.write_text(source.replace("body: |\n", "body: |\n  # Not a heading: a message is sent as written.\n", 1), encoding="utf-8")
    load_guide(data)


@pytest.mark.build
def test_a_link_from_the_site_root_to_no_page_fails_the_check_and_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / COMPETENCIES
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace(FIRST_LEVEL, _level("See [the agenda](/prepare/agendaa/)."), 1), encoding="utf-8")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if "the agenda" in text) - 1

    check = run_check(project)
    assert check.returncode == 1 and "Traceback" not in check.stderr
    assert f"data/competencies.yml:{line}: the link '/prepare/agendaa/' leads to no page or file of the guide" in check.stderr

    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode != 0 and "Traceback" not in build.stderr
    assert "prepare/agendaa/" in build.stderr and "leads to no page of the guide" in build.stderr


@pytest.mark.build
def test_links_and_images_from_the_site_root_work_on_every_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    image = project / "docs" / "assets" / "tracks.png"
    image.parent.mkdir(parents=True, exist_ok=True)  # the site's own images; the guide's assets come with the plugin
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    path = project / "data" / COMPETENCIES
    source = path.read_text(encoding="utf-8")
    text = "See [the agenda](/prepare/agenda/).\n\n![The tracks](/assets/tracks.png)"
    path.write_text(source.replace(FIRST_LEVEL, _level(text), 1), encoding="utf-8")
    assert run_check(project).returncode == 0
    site: Site = built_site(project, tmp_path / "site")
    competency = site.html("/competencies/technical-craft/")
    assert 'href="../../prepare/agenda/"' in competency and 'src="../../assets/tracks.png"' in competency
    role = site.html("/roles/associate-engineer/")
    assert 'src="../../assets/tracks.png"' in role
