"""`make check` (python -m macros.commands.check): validate data/ without building, for HR."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PROJECT, SAMPLE_DATA, run_check

from macros.model.guide import Guide

pytestmark = pytest.mark.build


def test_check_summarises_valid_data(guide: Guide, tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"OK: {len(guide.roles)} roles in {len(guide.families)} families, {len(guide.competencies)} competencies, "
        f"{len(guide.questions)} questions in {len(guide.banks)} banks, {len(guide.templates)} templates, "
        f"{len(guide.worksheets)} worksheets\n"
    )


def test_check_lists_every_problem_and_fails(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    engineering = tmp_path / "data" / "career_paths" / "engineering.yml"
    before = engineering.read_text(encoding="utf-8").replace(
        "next: [staff-engineer, engineering-manager]", "next: [staff-enginer, engineering-manager]"
    )
    engineering.write_text(before, encoding="utf-8")
    (tmp_path / "data" / "questions" / "follow-up.yml").write_text("", encoding="utf-8")

    result = run_check(tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert re.match(
        r"data/career_paths/engineering\.yml:\d+: role 'senior-engineer': no role has the id 'staff-enginer' \(next\) "
        r"\(did you mean 'staff-engineer'\?\)",
        lines[0],
    ), lines
    assert lines[1].startswith("data/questions/follow-up.yml:1: the file is empty")
    assert lines[-1] == "2 problems in the data: fix them and build again."
    assert engineering.read_text(encoding="utf-8") == before, "checking never rewrites a data file"


def test_check_for_github_adds_annotations_to_the_same_report(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    (tmp_path / "data" / "questions" / "follow-up.yml").write_text("", encoding="utf-8")

    plain = run_check(tmp_path)
    github = subprocess.run(
        [sys.executable, "-m", "macros.commands.check", "data", "--format", "github"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )

    assert github.returncode == plain.returncode == 1
    assert github.stderr == plain.stderr, "the report people read is the same"
    empty = plain.stderr.splitlines()[0].removeprefix("data/questions/follow-up.yml:1: ")
    assert github.stdout == f"::error file=data/questions/follow-up.yml,line=1::{empty}\n"
