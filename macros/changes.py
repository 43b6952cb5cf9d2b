"""`make changes SINCE=<git ref or date>`: what changed in the data, in words HR can paste into an announcement.

The data as it was at SINCE (a commit, a tag, a branch, or a date written
YYYY-MM-DD: the last commit before that day) is read from git and compared
with the data as it is now: roles added, removed and renamed (by their
`previous_ids`), what each role expects raised or lowered, moved to another
family or retitled, and the questions and templates added, removed or
reworded. Nothing is written.
"""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .errors import DataError
from .loading import load_guide
from .model import Competency, Guide, Role, Template


class ChangesError(Exception):
    """SINCE names nothing git knows, or the data then does not load."""


def _git(project: Path, *arguments: str) -> bytes:
    result = subprocess.run(["git", *arguments], cwd=project, capture_output=True, check=False)
    if result.returncode != 0:
        raise ChangesError(result.stderr.decode(errors="replace").strip() or f"git {' '.join(arguments)} failed")
    return result.stdout


def commit_for(project: Path, since: str) -> str:
    """The commit SINCE names: itself, or for a date the last commit before that day."""
    try:
        day = datetime.date.fromisoformat(since)
    except ValueError:
        ref = since
    else:
        ref = _git(project, "rev-list", "-1", f"--before={day.isoformat()} 00:00", "HEAD").decode().strip()
        if not ref:
            raise ChangesError(f"no commit is older than {since}: give a later date or a commit")
    try:
        return _git(project, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except ChangesError:
        raise ChangesError(f"'{since}' is neither a commit, tag or branch of this repository nor a date written YYYY-MM-DD") from None


def data_at(project: Path, commit: str, destination: Path, data_dir: str = "data") -> Path:
    """The data folder as it was at `commit`, extracted under `destination`."""
    archive = _git(project, "archive", "--format=tar", commit, data_dir)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
    return destination / data_dir


def _step(competency: Competency | None, rank: int) -> str:
    if competency is None:
        return f"level {rank}"
    return competency.step(rank).name


def _role_changes(old: Role, new: Role, before: Guide, now: Guide) -> list[str]:
    lines = []
    if old.title != new.title:
        lines.append(f"is now called {new.title} (was {old.title})")
    if old.family_id != new.family_id:
        lines.append(f"moved from {before.family_of(old).name} to {now.family_of(new).name}")
    if old.level != new.level:
        lines.append(f"is now at {new.level_label} (was {old.level_label})")
    for competency_id, rank in new.skills.items():
        competency = now.competencies.get(competency_id)
        name = competency.name if competency else competency_id
        was = old.skills.get(competency_id)
        if was is None:
            lines.append(f"now expects {name}: {_step(competency, rank)}")
        elif rank != was:
            verb = "raised" if rank > was else "lowered"
            lines.append(f"{verb} {name}: {_step(competency, was)} → {_step(competency, rank)}")
    for competency_id in old.skills:
        if competency_id not in new.skills:
            competency = before.competencies.get(competency_id)
            lines.append(f"no longer expects {competency.name if competency else competency_id}")
    return lines


def _wording(template: Template) -> tuple[object, ...]:
    """What readers of a template see: not where it is written or who reviews it."""
    return (template.title, template.kind, template.when, template.subject, template.body)


def describe_changes(before: Guide, now: Guide) -> list[str]:
    """The changes from `before` to `now`, one paragraph (with its list) per kind of change."""
    renamed = {old: role for role in now.roles.values() for old in role.previous_ids if old in before.roles and old not in now.roles}
    added = [role for role in now.roles.values() if role.id not in before.roles and role not in renamed.values()]
    removed = [role for role in before.roles.values() if role.id not in now.roles and role.id not in renamed]
    sections: list[str] = []

    def section(title: str, items: list[str]) -> None:
        if items:
            sections.append("\n".join([title, *(f"- {item}" for item in items)]))

    section("New roles:", [f"{role.title} ({now.family_of(role).name}, {role.level_label})" for role in added])
    section("Roles removed:", [f"{role.title} ({before.family_of(role).name})" for role in removed])
    section(
        "Roles renamed:",
        [
            f"{before.roles[old].title}: now {role.id} (was {old}); the old address leads to the new page"
            + ("" if before.roles[old].title == role.title else f", titled {role.title}")
            for old, role in renamed.items()
        ],
    )
    changed = []
    for role in now.roles.values():
        old = before.roles.get(role.id) or next((before.roles[o] for o, r in renamed.items() if r.id == role.id), None)
        if old is not None and (lines := _role_changes(old, role, before, now)):
            changed.append(f"{role.title}: " + "; ".join(lines))
    section("What roles expect:", changed)
    old_questions, old_templates = before.questions, before.templates
    section(
        "Questions:",
        [f"new: {q.text}" for q in now.questions.values() if q.id not in old_questions]
        + [f"removed: {q.text}" for q in old_questions.values() if q.id not in now.questions]
        + [
            f"reworded: {q.text} (was: {old_questions[q.id].text})"
            for q in now.questions.values()
            if q.id in old_questions and q.text != old_questions[q.id].text
        ],
    )
    section(
        "Message templates:",
        [f"new: {t.title}" for t in now.templates.values() if t.id not in old_templates]
        + [f"removed: {t.title}" for t in old_templates.values() if t.id not in now.templates]
        + [f"changed: {t.title}" for t in now.templates.values() if t.id in old_templates and _wording(t) != _wording(old_templates[t.id])],
    )
    return sections


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if not arguments or not arguments[0]:
        print("Say since when: make changes SINCE=<a commit, tag or branch, or a date YYYY-MM-DD>", file=sys.stderr)
        return 2
    since, project = arguments[0], Path.cwd()
    try:
        commit = commit_for(project, since)
        with tempfile.TemporaryDirectory() as folder:
            try:
                before = load_guide(data_at(project, commit, Path(folder)))
            except DataError as error:
                raise ChangesError(f"the data at {since} does not load, so it cannot be compared:\n{error.report()}") from None
        now = load_guide(Path("data"))
    except ChangesError as error:
        print(f"make changes: {error}", file=sys.stderr)
        return 1
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    sections = describe_changes(before, now)
    print(f"Changes to the career guide since {since}:\n")
    print("\n\n".join(sections) if sections else "Nothing has changed in the data.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
