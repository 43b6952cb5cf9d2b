"""A build with bad data stops with file:line messages, and publishing never loses the old site."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import copy_project, run_build

pytestmark = pytest.mark.build


def break_file(project: Path, relative: str, old: str, new: str) -> None:
    path = project / "data" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bad_data_stops_the_build_with_every_problem_and_no_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    break_file(
        project, "career_paths/engineering.yml", "next: [staff-engineer, engineering-manager]", "next: [staff-enginer, engineering-manager]"
    )
    break_file(project, "templates/thank-you.yml", "kind: email\n", "kind: email\nkind: chat\n")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    engineering = (project / "data/career_paths/engineering.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(engineering, start=1) if "staff-enginer" in text)
    assert (
        f"data/career_paths/engineering.yml:{line}: role 'senior-engineer': "
        "no role has the id 'staff-enginer' (next) (did you mean 'staff-engineer'?)" in output
    )
    thank_you = (project / "data/templates/thank-you.yml").read_text(encoding="utf-8").splitlines()
    second = [number for number, text in enumerate(thank_you, start=1) if text.startswith("kind:")][1]
    assert f"data/templates/thank-you.yml:{second}: key 'kind' appears twice" in output
    assert not (tmp_path / "site" / "index.html").exists()


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def publish(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros.commands.publish", "site", "--project", str(project)],
        cwd=project,
        capture_output=True,
        text=True,
    )


def test_a_failed_publish_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert publish(project).returncode == 0
    before = tree_digest(project / "site")
    data_before = tree_digest(project / "data")
    break_file(project, "competencies.yml", "name: Communication", "name: no")
    result = publish(project)
    assert result.returncode != 0
    assert "left as it was" in result.stderr
    assert tree_digest(project / "site") == before
    assert tree_digest(project / "data") != data_before  # only our own edit changed data/
    assert not list(project.glob(".site-*")), "no staging folder is left behind"


def test_a_link_in_prose_that_leads_nowhere_stops_the_build_at_its_record(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    summary = "summary: Leads the technical side of a team's projects"
    break_file(
        project,
        "career_paths/engineering.yml",
        summary,
        "summary: See [the staff role](../staff-engineer/), [a missing role](../no-such-role/) "
        "and [a missing heading](../staff-engineer/#no-such-heading). Leads the technical side of a team's projects",
    )
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    engineering = (project / "data/career_paths/engineering.yml").read_text(encoding="utf-8").splitlines()
    record = next(number for number, text in enumerate(engineering, start=1) if "id: senior-engineer" in text)
    assert f"data/career_paths/engineering.yml:{record}: the link '../no-such-role/' on /roles/senior-engineer/ leads to no page" in output
    assert "the link '../staff-engineer/#no-such-heading' on /roles/senior-engineer/ leads to no heading or anchor" in output
    assert "'../staff-engineer/' on" not in output, "a link to an existing page is fine"
    assert not (tmp_path / "site" / "index.html").exists()
