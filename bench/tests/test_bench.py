"""The benchmark's synthetic data and plain baselines are what they say (no timing here: see bench/)."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import copy_project

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the benchmark's modules
from generate import PROJECT, scale_data
from plain_text import plain_markdown
from run import paired_ratio, plain_project, site_pages

from macros.loading import load_guide

# The engine's test data: a fixed company, so these tests name its roles.
SAMPLE_DATA = PROJECT / "tests" / "fixtures" / "brightwell" / "data"


@pytest.mark.unit
def test_scaled_data_is_valid_and_multiplied(tmp_path: Path) -> None:
    guide = load_guide(SAMPLE_DATA)
    data = Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))
    scale_data(data, 3)
    scaled = load_guide(data)
    assert len(scaled.roles) == 3 * len(guide.roles)
    assert len(scaled.families) == 3 * len(guide.families)
    assert len(scaled.questions) == 3 * len(guide.questions)
    assert len(scaled.worksheets) == 3 * len(guide.worksheets)
    assert len(scaled.templates) == len(guide.templates), "templates do not grow with the company"
    copy = scaled.roles["senior-engineer-k2"]
    assert copy.next == ("staff-engineer-k2", "engineering-manager-k2")
    original = guide.questions_for(guide.roles["senior-engineer"])
    expected = {q.id for q in original if q.is_general} | {f"{q.id}-k2" for q in original if not q.is_general}
    assert {q.id for q in scaled.questions_for(copy)} == expected, "filters stay inside their copy"


@pytest.fixture(scope="module")
def baselines(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The test company's project, and its plain baselines (built once for this module's tests)."""
    root = tmp_path_factory.mktemp("baselines")
    project = copy_project(root / "project")
    return project, plain_project(project, root / "out")


@pytest.mark.build
def test_the_plain_baseline_is_the_guide_without_macros_or_hooks(baselines: tuple[Path, Path]) -> None:
    project, plain = baselines
    guide = load_guide(project / "data")
    settings = yaml.safe_load((plain / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in settings
    assert settings["plugins"] == ["search"]
    # What the guide's plugin takes from data/company.yml, so both sites show the same header and edit links.
    assert settings["site_name"] == guide.company.guide_title
    assert settings.get("repo_url") == (guide.company.repository_url or None)
    assert {"Career paths": "paths/index.md"} in settings["nav"], "only the chapters and overviews in the navigation"
    assert "roles/" not in str(settings["nav"])
    role = next(iter(guide.roles.values()))
    page = (plain / "docs" / "roles" / role.id / "index.md").read_text(encoding="utf-8")
    assert page.lstrip().startswith("# ") and "{{" not in page
    chapter = (plain / "docs" / "follow-up.md").read_text(encoding="utf-8")
    assert "{{" not in chapter and "Thank you, and our next steps" in chapter, "macros already expanded"
    assert "!/templates/" in settings["exclude_docs"], "MkDocs would leave the template pages out"
    with_plugin = yaml.safe_load((plain / "mkdocs.macros.yml").read_text(encoding="utf-8"))
    assert with_plugin["plugins"] == ["search", {"macros": {"render_by_default": False}}]


@pytest.mark.build
def test_every_baseline_loads_the_guides_stylesheet_and_scripts(baselines: tuple[Path, Path]) -> None:
    _, plain = baselines
    shipped = sorted(path.name for path in (PROJECT / "macros" / "rendering" / "assets").iterdir())
    for config, docs in (("mkdocs.yml", "docs"), ("mkdocs.text.yml", "text"), ("mkdocs.macros.yml", "docs")):
        settings = yaml.safe_load((plain / config).read_text(encoding="utf-8"))
        assert settings.get("docs_dir", "docs") == docs
        listed = [*settings["extra_css"], *settings["extra_javascript"]]
        # Where the guide's plugin publishes them, in its order: guide-core.js before the scripts that use it.
        assert sorted(listed) == [f"assets/career-guide/{name}" for name in shipped], config
        assert listed.index("assets/career-guide/guide-core.js") < listed.index("assets/career-guide/plan.js")
        assert all((plain / docs / path).is_file() for path in listed)


HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def _headings(page: Path) -> list[tuple[str, str]]:
    """Each heading of a built page's article, as its level and its text."""
    article = ARTICLE.search(page.read_text(encoding="utf-8"))
    assert article is not None, page
    return [
        (level, " ".join(html.unescape(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", text)).split()))
        for level, text in HEADING.findall(article.group(0))
    ]


@pytest.mark.build
def test_the_plain_text_baseline_is_the_same_pages_as_plain_text(baselines: tuple[Path, Path], tmp_path: Path) -> None:
    _, plain = baselines
    guide_site = plain.parent / "export-site"  # the guide's own build, which exported the pages
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.text.yml", "-d", str(tmp_path / "site")],
        cwd=plain,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode == 0, build.stderr
    pages = site_pages(guide_site)
    assert site_pages(tmp_path / "site") == pages
    assert len(pages) > 50
    for page in pages:
        assert _headings(tmp_path / "site" / page) == _headings(guide_site / page), page
    for source in (plain / "text").rglob("*.md"):
        markdown = source.read_text(encoding="utf-8")
        assert not re.search(r"</?[A-Za-z]", markdown), f"HTML left in {source.relative_to(plain)}"
    role = (plain / "text" / "roles" / "senior-engineer" / "index.md").read_text(encoding="utf-8")
    assert "\n- Design components and services that others build on.\n" in role
    assert "| Technical craft | Level 3 (3 of 5) |" in role, "table cells as a Markdown table"


@pytest.mark.unit
def test_plain_text_keeps_headings_paragraphs_items_and_cells_and_nothing_else() -> None:
    page = (
        '<h1 id="a">Senior <em>engineer</em><a class="headerlink" href="#a">&para;</a></h1>'
        '<p class="x">Leads <a href="../x/">the team</a> &amp; <code>&lt;code&gt;</code></p><script>var a = 1;</script>'
        "<ul><li>One<ul><li>Two</li></ul></li></ul><ol><li>First</li></ol>"
        "<table><thead><tr><th>Skill</th><th>Level</th></tr></thead>"
        "<tbody><tr><td><p>Craft</p><p>3 | 5</p></td><td>*3*</td></tr></tbody></table>"
        "<div><p>1. not a list</p><textarea>- nor this</textarea><span>but [a] `text`</span></div>"
    )
    assert plain_markdown(page) == (
        "# Senior engineer\n\n"
        "Leads the team &amp; &lt;code>\n\n"
        "- One\n- Two\n\n1. First\n\n"
        "| Skill | Level |\n| --- | --- |\n| Craft 3 \\| 5 | \\*3\\* |\n\n"
        "1\\. not a list\n\n\\- nor this\n\nbut \\[a\\] \\`text\\`\n"
    )


@pytest.mark.unit
def test_the_ratio_pairs_the_builds_of_each_round() -> None:
    # The machine speeds up and slows down during the run, and one guide build
    # was disturbed: the guide still costs 10 % more than plain in every
    # undisturbed round, and that is what the ratio says.
    plain = [(seconds, 50.0) for seconds in (0.70, 0.90, 0.72, 0.88, 0.74)]
    guide = [(seconds * (1.5 if index == 4 else 1.1), 60.0) for index, (seconds, _) in enumerate(plain)]
    assert paired_ratio(guide, plain) == 1.1
