"""`make rename`, `make delete` and `make move`: a role or competency changed everywhere it is named, or what that would touch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PROJECT, SAMPLE_DATA, copy_project, run_build

from macros.loading import load_guide
from macros.pages.redirects import redirects

pytestmark = pytest.mark.build


def _run(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros.commands.refactor", *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    shutil.copytree(PROJECT / "data" / "schema", tmp_path / "data" / "schema", dirs_exist_ok=True)
    return tmp_path


def _texts(project: Path) -> dict[str, list[str]]:
    return {
        path.relative_to(project).as_posix(): path.read_text(encoding="utf-8").splitlines() for path in (project / "data").rglob("*.yml")
    }


def test_renaming_a_role_rewrites_every_reference_and_keeps_its_old_address(project: Path) -> None:
    before = _texts(project)
    result = _run(project, "rename", "role", "staff-engineer", "staff-software-engineer")
    assert result.returncode == 0, result.stderr
    after = _texts(project)
    guide = load_guide(project / "data")
    assert "staff-engineer" not in guide.roles and guide.roles["staff-software-engineer"].previous_ids == ("staff-engineer",)
    assert ("roles/staff-engineer/", "roles/staff-software-engineer/") in {(r.old, r.new) for r in redirects(guide)}
    for path, lines in before.items():
        changed = [line for line in lines if line not in after[path]]
        assert all("staff-engineer" in line for line in changed), f"{path}: only lines naming the role change"
        assert [line for line in lines if line.lstrip().startswith("#")] == [line for line in after[path] if line.lstrip().startswith("#")]
    assert not any("staff-engineer" in line and "previous_ids" not in line for lines in after.values() for line in lines)
    assert "data/questions/manager.yml:" in result.stdout


def test_renaming_a_competency_rewrites_the_skills_of_roles(project: Path) -> None:
    result = _run(project, "rename", "competency", "technical-craft", "craft")
    assert result.returncode == 0, result.stderr
    guide = load_guide(project / "data")
    assert "craft" in guide.competencies and all("technical-craft" not in role.skills for role in guide.roles.values())
    assert guide.competencies["craft"].previous_ids == ("technical-craft",)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("rename", "role", "staff-engineer", "senior-engineer"), "'senior-engineer' is taken or not a valid id"),
        (("rename", "role", "nobody", "someone"), "there is no role 'nobody'"),
        (("rename", "job", "design", "ux"), "KIND is one of role, competency, family, template, worksheet"),
    ],
)
def test_a_rename_that_cannot_be_made_writes_nothing(project: Path, arguments: tuple[str, ...], message: str) -> None:
    before = _texts(project)
    result = _run(project, *arguments)
    assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr
    assert _texts(project) == before


def test_delete_lists_what_points_to_the_role_and_deletes_nothing(project: Path) -> None:
    before = _texts(project)
    result = _run(project, "delete", "senior-engineer")
    assert result.returncode == 0, result.stderr
    guide = load_guide(project / "data")
    leading = [role for role in guide.roles.values() if any(target == "senior-engineer" for _, target in role.moves)]
    for role in leading:
        assert f"a move from {role.id}" in result.stdout
    assert _texts(project) == before


def test_move_lists_the_questions_the_page_gains_and_loses(project: Path) -> None:
    guide = load_guide(project / "data")
    role = guide.roles["senior-engineer"]
    moved = role._replace(family_id="product")
    gained = [q for q in guide.questions.values() if not q.is_general and q.applies_to(moved) and not q.applies_to(role)]
    lost = [q for q in guide.questions.values() if not q.is_general and q.applies_to(role) and not q.applies_to(moved)]
    result = _run(project, "move", "senior-engineer", "product")
    assert result.returncode == 0, result.stderr
    assert f"gain {len(gained)} and lose {len(lost)} questions" in result.stdout
    assert all(f"gains {q.id}:" in result.stdout for q in gained) and all(f"loses {q.id}:" in result.stdout for q in lost)


@pytest.mark.parametrize(
    ("kind", "old", "new", "folder", "chapter"),
    [
        ("template", "thank-you", "thank-you-note", "templates", 'message("thank-you-note")'),
        ("worksheet", "follow-up-plan", "after-the-meeting", "worksheets", 'check_in_reminder("after-the-meeting")'),
        ("family", "design", "design-and-research", "career_paths", None),
    ],
)
def test_renaming_a_record_of_its_own_file_renames_the_file_and_the_chapters_that_show_it(
    tmp_path: Path, kind: str, old: str, new: str, folder: str, chapter: str | None
) -> None:
    project = copy_project(tmp_path / "project")
    result = _run(project, "rename", kind, old, new)
    assert result.returncode == 0, result.stderr
    assert not (project / "data" / folder / f"{old}.yml").exists()
    renamed = (project / "data" / folder / f"{new}.yml").read_text(encoding="utf-8")
    assert f"id: {new}\n" in renamed and old in renamed.split("previous_ids:", 1)[1].split("\n", 1)[0]
    if chapter:
        assert chapter in "".join(path.read_text(encoding="utf-8") for path in (project / "docs").rglob("*.md"))
    built = run_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site" / ("paths" if kind == "family" else folder) / old / "index.html").is_file(), "the old address still answers"
