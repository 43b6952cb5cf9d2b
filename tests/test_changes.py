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
        [sys.executable, "-m", "macros.commands.changes", since],
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


def _with_catalogue(data: Path) -> None:
    """The test data with a scale, an area, grades and one competency no role uses, as a framework would have them."""
    competencies = data / "competencies.yml"
    text = competencies.read_text(encoding="utf-8")
    steps = "".join(f"      - name: Level {n}\n        description: Step {n} in general.\n" for n in range(1, 6))
    area = "areas:\n  - id: all\n    name: All skills\n    description: Every skill.\n"
    header = f"scales:\n  - id: levels\n    name: Levels\n    steps:\n{steps}{area}"
    text = re.sub(r"(\n  - id: [a-z-]+\n)", r"\1    area: all\n", text)
    text = text.replace("competencies:\n", header + "competencies:\n", 1)
    levels = "".join(f"      - Old skill at level {n}.\n" for n in range(1, 6))
    text += f"\n  - id: old-skill\n    area: all\n    name: Old skill\n    description: Not used any more.\n    levels:\n{levels}"
    competencies.write_text(text, encoding="utf-8")
    company = data / "company.yml"
    company.write_text(company.read_text(encoding="utf-8") + "grades:\n  L1: 1\n  L2: 2\n", encoding="utf-8")


@pytest.fixture
def catalogue_repo(tmp_path: Path) -> Path:
    """A repository whose families, competencies, areas, scale, grades and worksheets changed after its first commit."""
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    data = tmp_path / "data"
    _with_catalogue(data)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "data")
    _git(tmp_path, "commit", "-q", "-m", "The guide as published", date="2026-06-01T10:00:00")
    # A competency renamed, keeping its old id; every reference follows.
    for path in data.rglob("*.yml"):
        path.write_text(re.sub(r"\btechnical-craft\b", "engineering-craft", path.read_text(encoding="utf-8")), encoding="utf-8")
    competencies = data / "competencies.yml"
    _replace(competencies, "  - id: engineering-craft\n", "  - id: engineering-craft\n    previous_ids: [technical-craft]\n")
    _replace(competencies, "    name: Problem solving\n", "    name: Problem-solving\n")
    _replace(
        competencies, "Writes and presents clearly for their team, adapting detail to the audience.", "Writes clearly for any audience."
    )
    text = competencies.read_text(encoding="utf-8")
    text = text[: text.index("\n  - id: old-skill")] + "\n"
    levels = "".join(f"      - Negotiates at level {n}.\n" for n in range(1, 6))
    text += f"\n  - id: negotiation\n    area: all\n    name: Negotiation\n    description: Reaching agreements.\n    levels:\n{levels}"
    text = text.replace("    name: All skills\n", "    name: Everything we measure\n")
    text = text.replace("    description: Every skill.\n", "    description: Every skill.\n  - id: extra\n    name: Extra\n")
    text = text.replace("      - name: Level 5\n", "      - name: Expert\n").replace("Step 2 in general.", "Growing.")
    text = text.replace(
        "areas:\n", "  - id: short\n    name: Short\n    steps:\n      - name: Low\n      - name: High\ndefault_scale: levels\nareas:\n", 1
    )
    competencies.write_text(text, encoding="utf-8")
    # A family renamed (its name), given tracks, and a new one.
    design = data / "career_paths" / "design.yml"
    text = design.read_text(encoding="utf-8").replace("name: Design and Research\n", "name: Design\n")
    text = text.replace(
        "roles:\n", "tracks:\n  - id: individual\n    name: Individual contributor\n  - id: manager\n    name: People manager\nroles:\n"
    )
    for role in ("product-designer", "ux-researcher", "senior-product-designer", "design-lead"):
        text = text.replace(f"  - id: {role}\n", f"  - id: {role}\n    track: {'manager' if role == 'design-lead' else 'individual'}\n")
    design.write_text(text, encoding="utf-8")
    (data / "career_paths" / "operations.yml").write_text(
        "id: operations\nname: Operations\ndescription: Keeps our services running.\nroles:\n"
        "  - id: operations-engineer\n    title: Operations Engineer\n    level: 2\n    skills:\n      engineering-craft: 2\n",
        encoding="utf-8",
    )
    company = data / "company.yml"
    _replace(company, "grades:\n  L1: 1\n  L2: 2\n", "grades:\n  L2: 2\n  L3: 3\n")
    _replace(data / "worksheets" / "meeting-preparation.yml", "title: Preparing the conversation\n", "title: Prepare the conversation\n")
    _git(tmp_path, "add", "data")
    _git(tmp_path, "commit", "-q", "-m", "A new framework", date="2026-09-01T10:00:00")
    return tmp_path


def test_families_competencies_areas_scales_and_grades_are_listed(catalogue_repo: Path) -> None:
    result = _changes(catalogue_repo, "HEAD~1")
    assert result.returncode == 0, result.stderr
    sections = {part.split("\n")[0]: part.split("\n")[1:] for part in result.stdout.strip().split("\n\n")[1:]}
    assert sections["Job families:"] == [
        "- new: Operations",
        "- Design and Research is now called Design",
        "- Design: new track Individual contributor",
        "- Design: new track People manager",
    ]
    assert sections["New roles:"] == ["- Operations Engineer (Operations, Level 2)"]
    assert sections["Competencies:"] == [
        "- new: Negotiation (Everything we measure)",
        "- removed: Old skill",
        "- Technical craft: now engineering-craft (was technical-craft); the old address leads to the new page",
        "- Problem solving is now called Problem-solving",
        "- Communication at Level 2: reworded: Writes clearly for any audience. "
        "(was: Writes and presents clearly for their team, adapting detail to the audience.)",
    ]
    assert sections["Competency areas:"] == ["- new: Extra", "- All skills is now called Everything we measure"]
    assert sections["Proficiency scales:"] == [
        "- new: Short (Low, High)",
        "- Levels, Level 2: reworded: Growing.",
        "- Levels: step 5 is now called Expert (was Level 5)",
    ]
    assert sections["Grades:"] == ["- new: L3 (rank 3)", "- removed: L1"]
    assert sections["Worksheets:"] == ["- changed: Prepare the conversation"]
    # A renamed competency or family is not a competency every role stopped expecting, nor a role that moved.
    assert "What roles expect:" not in sections, result.stdout


def test_renamed_families_and_templates_and_reworded_statements_are_listed(tmp_path: Path) -> None:
    from macros.commands.changes import describe_changes
    from macros.loading import load_guide

    before, now = tmp_path / "before" / "data", tmp_path / "now" / "data"
    shutil.copytree(SAMPLE_DATA, before)
    engineering = before / "career_paths" / "engineering.yml"
    _replace(engineering, "      mentoring: 2\n", "      mentoring:\n        level: 2\n        statements: [Mentors one engineer.]\n")
    shutil.copytree(before, now)
    # The family design becomes design-research, the template thank-you becomes thank-you-note: old ids kept.
    family = now / "career_paths" / "design.yml"
    _replace(family, "id: design\n", "id: design-research\nprevious_ids: [design]\n")
    family.rename(family.with_name("design-research.yml"))
    _replace(now / "questions" / "manager.yml", "families: [product, design]", "families: [product, design-research]")
    template = now / "templates" / "thank-you.yml"
    _replace(template, "id: thank-you\n", "id: thank-you-note\nprevious_ids: [thank-you]\n")
    template.rename(template.with_name("thank-you-note.yml"))
    _replace(now / "career_paths" / "engineering.yml", "[Mentors one engineer.]", "[Mentors two engineers.]")

    sections = describe_changes(load_guide(before, PROJECT / "data" / "schema"), load_guide(now, PROJECT / "data" / "schema"))

    assert sections == [
        "Job families:\n- Design and Research: now design-research (was design); the old address leads to the new page",
        "What roles expect:\n- Senior Software Engineer: reworded what Coaching and mentoring means for the role",
        "Message templates:\n- Thank-you and recap after the meeting: now thank-you-note (was thank-you); "
        "the old address leads to the new page",
    ]
