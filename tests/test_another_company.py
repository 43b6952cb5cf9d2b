"""The tests of the shipped data hold for any valid data: they pass on another company's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import PROJECT

from macros.loading import load_guide

pytestmark = pytest.mark.build


def another_company(data: Path) -> None:
    """Turn a copy of data/ into another company's: every job family and role renamed, id and title."""
    rename = {}
    for path in sorted((data / "career_paths").glob("*.yml")):
        family = yaml.safe_load(path.read_text(encoding="utf-8"))
        rename[family["id"]] = f"other-{family['id']}"
        for role in family["roles"]:
            rename[role["id"]] = f"other-{role['id']}"
    for path in sorted((data / "career_paths").glob("*.yml")):
        family = yaml.safe_load(path.read_text(encoding="utf-8"))
        family["id"], family["name"] = rename[family["id"]], f"Other {family['name']}"
        for role in family["roles"]:
            role["id"], role["title"] = rename[role["id"]], f"Other {role['title']}"
            for moves in ("next", "lateral"):
                role[moves] = [rename[target] for target in role.get(moves, [])]
        path.unlink()
        _write(data / "career_paths" / f"{family['id']}.yml", family)
    for path in sorted((data / "questions").glob("*.yml")):
        bank = yaml.safe_load(path.read_text(encoding="utf-8"))
        for question in bank["questions"]:
            for scope in ("families", "roles"):
                if scope in question:
                    question[scope] = [rename[ident] for ident in question[scope]]
        _write(path, bank)
    offered = data / "opportunities.yml"
    if offered.is_file():
        opportunities = yaml.safe_load(offered.read_text(encoding="utf-8"))
        for entry in opportunities["opportunities"]:
            for scope in ("families", "roles"):
                if scope in entry:
                    entry[scope] = [rename[ident] for ident in entry[scope]]
            if "role" in entry:
                entry["role"] = rename[entry["role"]]
        _write(offered, opportunities)
    company = yaml.safe_load((data / "company.yml").read_text(encoding="utf-8"))
    company.update(name="Other Company", guide_title="Other Company Careers")
    _write(data / "company.yml", company)


def _write(path: Path, content: Any) -> None:
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_the_shipped_data_tests_pass_on_another_company(tmp_path: Path) -> None:
    data = Path(shutil.copytree(PROJECT / "data", tmp_path / "data"))
    another_company(data)
    original, other = load_guide(PROJECT / "data"), load_guide(data)
    assert len(other.roles) == len(original.roles) and not set(other.roles) & set(original.roles), "no role in common"
    result = subprocess.run(
        # The checks that read what the data says; the markup and the browser's view of it are the same
        # templates whatever the names, and are checked on the shipped data itself.
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "not browser",
            "-k",
            "not valid_html",
            "tests/test_shipped_data.py",
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, "CAREER_GUIDE_DATA": str(data)},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
