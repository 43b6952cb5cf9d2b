"""The benchmark's synthetic data and plain baseline are what they say (no timing here: see bench/)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the benchmark's modules
from generate import PROJECT, copy_project, scale_data
from run import paired_ratio, plain_project

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


@pytest.mark.build
def test_the_plain_baseline_is_the_guide_without_macros_or_hooks(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    guide = load_guide(project / "data")
    plain = plain_project(project, tmp_path / "out")
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


@pytest.mark.unit
def test_the_ratio_pairs_the_builds_of_each_round() -> None:
    # The machine speeds up and slows down during the run, and one guide build
    # was disturbed: the guide still costs 10 % more than plain in every
    # undisturbed round, and that is what the ratio says.
    plain = [(seconds, 50.0) for seconds in (0.70, 0.90, 0.72, 0.88, 0.74)]
    guide = [(seconds * (1.5 if index == 4 else 1.1), 60.0) for index, (seconds, _) in enumerate(plain)]
    assert paired_ratio(guide, plain) == 1.1
