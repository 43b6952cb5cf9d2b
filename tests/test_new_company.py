"""`make new-company`: the example replaced by a small starter company that checks and builds at once, and the examples kept valid."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import PROJECT, Site, copy_project, run_check

from macros.commands.new_company import named
from macros.loading import load_guide

EXAMPLES = sorted((PROJECT / "examples").glob("*/data"))
NAME = "Northwind Logistics"


def _git(project: Path, *words: str) -> None:
    author = ["-c", "user.name=Editor", "-c", "user.email=editor@example.com"]
    subprocess.run(["git", *author, *words], cwd=project, check=True, capture_output=True)


def _project(tmp_path: Path, *, git: bool = True) -> Path:
    """A copy of the project with the engine's test data as the example company, the Makefile and the starter, committed."""
    project = copy_project(tmp_path / "project")
    shutil.copy2(PROJECT / "Makefile", project / "Makefile")
    shutil.copytree(PROJECT / "examples" / "starter", project / "examples" / "starter")
    if git:
        _git(project, "init", "-q")
        _git(project, "add", ".")
        _git(project, "commit", "-q", "-m", "The example company")
    return project


def _make(project: Path, *words: str) -> subprocess.CompletedProcess[str]:
    """`make WORDS` in `project`, as HR types it, with this Python and no virtual environment to create."""
    command = ["make", "--assume-old=.venv/.installed", f"PYTHON={sys.executable}", *words]
    environment = {name: value for name, value in os.environ.items() if name not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}}
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=environment)


def _files(project: Path) -> dict[str, bytes]:
    return {path.relative_to(project).as_posix(): path.read_bytes() for path in sorted((project / "data").rglob("*")) if path.is_file()}


def _assert_refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert message in result.stderr and "Traceback" not in output and "***" not in output, output
    assert result.stderr.rstrip("\n").splitlines()[-1] == "Nothing was replaced: see the message above."


@pytest.mark.build
def test_a_new_company_checks_and_builds_at_once(tmp_path: Path) -> None:
    project = _project(tmp_path)
    example = load_guide(project / "data")
    made = _make(project, "new-company", f"NAME={NAME}")
    assert made.returncode == 0, made.stderr
    assert "make check" in made.stdout

    guide = load_guide(project / "data")
    assert guide.company.name == NAME
    assert len(guide.families) == 1 and len(guide.roles) == 3
    assert not set(guide.roles) & set(example.roles) and not {family.id for family in guide.families} & {f.id for f in example.families}
    assert all(not (question.families or question.roles) for question in guide.questions.values()), "the banks name no role"
    assert (project / "data" / "schema").is_dir(), "the schemas stay"

    checked = _make(project, "check")
    assert checked.returncode == 0 and checked.stdout.startswith("OK: 3 roles in 1 families"), checked.stdout + checked.stderr
    built = _make(project, "build")
    assert built.returncode == 0, built.stderr

    site = Site(project / "site")
    family = guide.families[0]
    assert family.name in site.text(f"/paths/{family.id}/")
    for role in family.roles:
        assert role.title in site.text(f"/roles/{role.id}/")
        assert role.title in site.text(f"/paths/{family.id}/")
    assert f"<title>{NAME} Career Guide</title>" in site.html("/")
    assert NAME in site.text("/prepare/research/")


@pytest.mark.build
@pytest.mark.parametrize("change", ["edited", "added"])
def test_changes_not_yet_committed_are_replaced_only_when_forced(tmp_path: Path, change: str) -> None:
    project = _project(tmp_path)
    if change == "edited":
        company = project / "data" / "company.yml"
        company.write_text(company.read_text(encoding="utf-8").replace("Brightwell", "Brightwell Group", 1), encoding="utf-8")
    else:
        (project / "data" / "questions" / "extra.yml").write_text("id: extra\n", encoding="utf-8")
    before = _files(project)

    refused = _make(project, "new-company", f"NAME={NAME}")
    _assert_refused(refused, "data/ has changes not yet committed")
    assert "FORCE=1" in refused.stderr
    assert _files(project) == before

    forced = _make(project, "new-company", f"NAME={NAME}", "FORCE=1")
    assert forced.returncode == 0, forced.stderr
    assert load_guide(project / "data").company.name == NAME
    assert not (project / "data" / "questions" / "extra.yml").exists()


@pytest.mark.build
def test_data_outside_git_is_replaced_only_when_forced(tmp_path: Path) -> None:
    project = _project(tmp_path, git=False)
    before = _files(project)
    _assert_refused(_make(project, "new-company", f"NAME={NAME}"), "data/ is not in a Git repository")
    assert _files(project) == before
    assert _make(project, "new-company", f"NAME={NAME}", "FORCE=1").returncode == 0


@pytest.mark.build
@pytest.mark.parametrize(
    ("name", "message"),
    [("", "NAME is empty: give the company's name"), ("   ", "NAME is empty"), ("<b>Acme</b>", "write the name as plain text")],
    ids=["empty", "blank", "markup"],
)
def test_a_name_that_cannot_be_used_is_refused_plainly(tmp_path: Path, name: str, message: str) -> None:
    project = _project(tmp_path)
    before = _files(project)
    _assert_refused(_make(project, "new-company", f"NAME={name}", "FORCE=1"), message)
    assert _files(project) == before


@pytest.mark.unit
@pytest.mark.parametrize("name", [NAME, "No", "2024", "Smith, Jones & Co", "A: B", "Café #1", 'The "Best" Company', "[Brackets]"])
def test_the_name_reads_back_as_typed(name: str) -> None:
    text = named("# a comment\nname: Your Company\nguide_title: Your Company Career Guide\n", name)
    assert text.startswith("# a comment\n")
    assert yaml.safe_load(text) == {"name": name, "guide_title": f"{name} Career Guide"}


@pytest.mark.build
@pytest.mark.parametrize("data", EXAMPLES, ids=[path.parent.name for path in EXAMPLES])
def test_every_example_passes_make_check(tmp_path: Path, data: Path) -> None:
    result = run_check(copy_project(tmp_path / "project", data=data))
    assert result.returncode == 0 and re.match(r"OK: \d+ roles", result.stdout), result.stderr


@pytest.mark.unit
def test_the_examples_hold_the_starter_and_the_example_company() -> None:
    assert {path.parent.name for path in EXAMPLES} >= {"starter", "brightwell"}
    assert not list((PROJECT / "examples").glob("*/data/schema")), "the schemas are the project's, in data/schema/"
