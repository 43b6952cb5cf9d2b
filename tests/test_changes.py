"""`make changes SINCE=...`: what changed in the data since a commit or a date, in words HR can paste."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PROJECT, SAMPLE_DATA

pytestmark = pytest.mark.build

GIT = {"GIT_AUTHOR_NAME": "HR", "GIT_AUTHOR_EMAIL": "hr@example.com", "GIT_COMMITTER_NAME": "HR", "GIT_COMMITTER_EMAIL": "hr@example.com"}


def _git(repo: Path, *arguments: str, date: str | None = None) -> None:
    dates = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(["git", *arguments], cwd=repo, check=True, capture_output=True, env={**os.environ, **GIT, **dates})


def _changes(repo: Path, since: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros.changes", since],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose data had one round of edits after its first commit (dated 2026-06-01)."""
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "data")
    _git(tmp_path, "commit", "-q", "-m", "The guide as published", date="2026-06-01T10:00:00")
    data = tmp_path / "data"
    # A role renamed, keeping its old id; every reference follows.
    for path in data.rglob("*.yml"):
        path.write_text(re.sub(r"\bstaff-engineer\b", "staff-software-engineer", path.read_text(encoding="utf-8")), encoding="utf-8")
    engineering = data / "career_paths" / "engineering.yml"
    _replace(engineering, "  - id: staff-software-engineer\n", "  - id: staff-software-engineer\n    previous_ids: [staff-engineer]\n")
    # One expectation raised, one lowered.
    senior = engineering.read_text(encoding="utf-8").index("  - id: senior-engineer")
    text = engineering.read_text(encoding="utf-8")
    block = (
        text[senior:]
        .replace("      technical-craft: 3\n", "      technical-craft: 4\n", 1)
        .replace("      customer-focus: 2\n", "      customer-focus: 1\n", 1)
    )
    engineering.write_text(text[:senior] + block, encoding="utf-8")
    manager = data / "questions" / "manager.yml"
    _replace(manager, "most useful to the company in the next few years?", "most useful to us in the next two years?")
    _replace(
        manager, "questions:\n", "questions:\n  - id: mgr-first-step\n    text: What would be a good first step for me this quarter?\n"
    )
    _replace(data / "templates" / "thank-you.yml", "Thank you again", "Many thanks")
    # A role added: the last role of Design copied, two levels up.
    design = data / "career_paths" / "design.yml"
    text = design.read_text(encoding="utf-8")
    last = text[text.rindex("  - id: ") :]
    added = re.sub(
        r"  - id: \S+\n    title: [^\n]+\n    level: \d+\n", "  - id: design-director\n    title: Design Director\n    level: 9\n", last
    )
    design.write_text(text.rstrip("\n") + "\n\n" + added, encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "Spring review", date="2026-09-01T10:00:00")
    return tmp_path


REWORDED = (
    "- reworded: Where do you see my strengths being most useful to us in the next two years? "
    "(was: Where do you see my strengths being most useful to the company in the next few years?)"
)
EXPECTED = """Changes to the career guide since {since}:

New roles:
- Design Director (Design and Research, Level 9)

Roles renamed:
- Staff Engineer: now staff-software-engineer (was staff-engineer); the old address leads to the new page

What roles expect:
- Senior Software Engineer: raised Technical craft: {craft_was} → {craft_now}; lowered Customer focus: {focus_was} → {focus_now}

Questions:
- new: What would be a good first step for me this quarter?
{reworded}

Message templates:
- changed: Thank-you and recap after the meeting
"""


@pytest.mark.parametrize("since", ["HEAD~1", "2026-07-01"])
def test_the_changes_since_a_commit_or_a_date_are_listed_exactly(repo: Path, since: str) -> None:
    from macros.loading import load_guide

    guide = load_guide(repo / "data")
    craft, focus = guide.competencies["technical-craft"], guide.competencies["customer-focus"]
    result = _changes(repo, since)
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED.format(
        since=since,
        reworded=REWORDED,
        craft_was=craft.step(3).name,
        craft_now=craft.step(4).name,
        focus_was=focus.step(2).name,
        focus_now=focus.step(1).name,
    )


def test_nothing_changed_says_so(repo: Path) -> None:
    result = _changes(repo, "HEAD")
    assert result.returncode == 0 and "Nothing has changed in the data." in result.stdout


@pytest.mark.parametrize(
    ("since", "message"),
    [
        ("no-such-branch", "'no-such-branch' is neither a commit, tag or branch of this repository nor a date written YYYY-MM-DD"),
        ("2000-01-01", "no commit is older than 2000-01-01: give a later date or a commit"),
        ("", "Say since when: make changes SINCE="),
    ],
)
def test_a_wrong_since_gets_a_plain_message(repo: Path, since: str, message: str) -> None:
    result = _changes(repo, since)
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr


def test_make_changes_writes_nothing(repo: Path) -> None:
    before = {path: path.read_bytes() for path in (repo / "data").rglob("*") if path.is_file()}
    _changes(repo, "HEAD~1")
    assert before == {path: path.read_bytes() for path in (repo / "data").rglob("*") if path.is_file()}
