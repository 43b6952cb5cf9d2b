"""`make changes SINCE=<git ref or date>`: what changed in the data, in words HR can paste into an announcement.

The data as it was at SINCE (a commit, a tag, a branch, or a date written
YYYY-MM-DD: the last commit before that day) is read from git and compared
with the data as it is now: job families (and their tracks), roles,
competencies (and what each step looks like), areas, scales and their steps,
and grades, each added, removed, renamed (by `previous_ids`) or reworded;
what each role expects raised or lowered, moved to another family or
retitled; the questions, templates and worksheets added, removed or
changed; and the opportunities added, removed or reworded. Nothing is written.
"""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

from ..loading import load_guide
from ..loading.yaml_reader import load_yaml_file
from ..model.errors import DataError
from ..model.guide import Competency, Family, Guide, Opportunity, Role, Template, Worksheet


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


Record = TypeVar("Record", Role, Family, Competency, Template, Worksheet)


class Matched(NamedTuple, Generic[Record]):
    """Records of one kind before and now: added, removed, renamed (an old id now in a record's `previous_ids`), and kept."""

    added: list[Record]
    removed: list[Record]
    renamed: dict[str, Record]
    """Old id -> the record that has it under `previous_ids`."""
    pairs: list[tuple[Record, Record]]
    """(before, now) of every record still there, renamed or not."""


def _match(before: Mapping[str, Record], now: Mapping[str, Record]) -> Matched[Record]:
    renamed = {old: record for record in now.values() for old in record.previous_ids if old in before and old not in now}
    added = [record for record in now.values() if record.id not in before and record not in renamed.values()]
    removed = [record for record in before.values() if record.id not in now and record.id not in renamed]
    pairs = [(before[record.id], record) for record in now.values() if record.id in before]
    pairs += [(before[old], record) for old, record in renamed.items()]
    return Matched(added, removed, renamed, pairs)


def _flat(text: str | None) -> str:
    """Text on one line, for a list item."""
    return " ".join((text or "").split())


def _step(competency: Competency | None, rank: int) -> str:
    if competency is None:
        return f"level {rank}"
    return competency.step(rank).name


def _role_changes(old: Role, new: Role, before: Guide, now: Guide, renamed: Mapping[str, str]) -> list[str]:
    """What changed in a role; `renamed` maps old competency and family ids to their new ones."""
    lines = []
    if old.title != new.title:
        lines.append(f"is now called {new.title} (was {old.title})")
    if renamed.get(old.family_id, old.family_id) != new.family_id:
        lines.append(f"moved from {before.family_of(old).name} to {now.family_of(new).name}")
    if old.level != new.level:
        lines.append(f"is now at {new.level_label} (was {old.level_label})")
    old_track, new_track = before.family_of(old).track_of(old), now.family_of(new).track_of(new)
    if old_track and new_track and old_track.id != new_track.id:
        lines.append(f"is now in the {new_track.name} track (was {old_track.name})")
    old_skills = {renamed.get(competency_id, competency_id): rank for competency_id, rank in old.skills.items()}
    old_expectations = {renamed.get(competency_id, competency_id): e for competency_id, e in old.expectations.items()}
    for competency_id, rank in new.skills.items():
        competency = now.competencies.get(competency_id)
        name = competency.name if competency else competency_id
        was = old_skills.get(competency_id)
        if was is None:
            lines.append(f"now expects {name}: {_step(competency, rank)}")
        elif rank != was:
            verb = "raised" if rank > was else "lowered"
            lines.append(f"{verb} {name}: {_step(competency, was)} → {_step(competency, rank)}")
        elif old_expectations.get(competency_id) != new.expectations.get(competency_id):
            lines.append(f"reworded what {name} means for the role")
    for competency_id, old_id in ((renamed.get(c, c), c) for c in old.skills):
        if competency_id not in new.skills:
            competency = before.competencies.get(old_id)
            lines.append(f"no longer expects {competency.name if competency else old_id}")
    return lines


def _wording(template: Template) -> tuple[object, ...]:
    """What readers of a template see: not where it is written or who reviews it."""
    return (template.title, template.kind, template.when, template.subject, template.body)


def _worksheet_wording(worksheet: Worksheet) -> tuple[object, ...]:
    """What readers of a worksheet see, its questions by id: a reworded question is listed with the questions."""
    sections = tuple(
        (part.title, part.intro, tuple(question.id for question in part.questions), part.space, part.table) for part in worksheet.sections
    )
    return (worksheet.title, worksheet.purpose, sections, worksheet.reminder, worksheet.from_plan)


OPPORTUNITY_FIELDS = (
    ("kind", "kind"),
    ("contact", "contact"),
    ("competencies", "the competencies it develops"),
    ("roles", "whom it is for"),
    ("families", "whom it is for"),
    ("role", "the role that is open"),
    ("starts", "dates"),
    ("ends", "dates"),
)
"""What else readers see of an opportunity, and how a change of it is named."""


def _opportunities(before: Mapping[str, Opportunity], now: Mapping[str, Opportunity], renamed: Mapping[str, str]) -> list[str]:
    """What changed in the opportunities; `renamed` maps old role, family and competency ids to their new
    ones (a record renamed is not a change of the opportunities naming it)."""

    def seen(offer: Opportunity) -> Opportunity:
        def ids(values: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(renamed.get(ident, ident) for ident in values)

        role = renamed.get(offer.role, offer.role) if offer.role else None
        return offer._replace(competencies=ids(offer.competencies), roles=ids(offer.roles), families=ids(offer.families), role=role)

    items = [f"new: {o.title} ({o.kind})" for o in now.values() if o.id not in before]
    items += [f"removed: {o.title}" for o in before.values() if o.id not in now]
    for new in now.values():
        old = before.get(new.id)
        if old is None:
            continue
        if old.title != new.title:
            items.append(f"{old.title} is now called {new.title}")
        reworded = [
            name
            for name, field in (("description", "description"), ("how to apply", "how_to_apply"))
            if _flat(getattr(old, field)) != _flat(getattr(new, field))
        ]
        changed = dict.fromkeys(words for field, words in OPPORTUNITY_FIELDS if getattr(seen(old), field) != getattr(new, field))
        if reworded:
            items.append(f"{new.title}: {' and '.join(reworded)} reworded")
        if changed:
            items.append(f"{new.title}: changed {', '.join(changed)}")
    return items


def _families(before: Guide, now: Guide, matched: Matched[Family]) -> list[str]:
    items = [f"new: {family.name}" for family in matched.added]
    items += [f"removed: {family.name}" for family in matched.removed]
    items += [
        f"{family.name}: now {family.id} (was {old}); the old address leads to the new page" for old, family in matched.renamed.items()
    ]
    for old, new in matched.pairs:
        if old.name != new.name:
            items.append(f"{old.name} is now called {new.name}")
        if _flat(old.description) != _flat(new.description):
            items.append(f"{new.name}: description reworded")
        old_tracks, new_tracks = {t.id: t for t in old.tracks}, {t.id: t for t in new.tracks}
        items += [f"{new.name}: new track {t.name}" for t in new.tracks if t.id not in old_tracks]
        items += [f"{new.name}: track {t.name} removed" for t in old.tracks if t.id not in new_tracks]
        for track in new.tracks:
            was = old_tracks.get(track.id)
            if was is not None and was.name != track.name:
                items.append(f"{new.name}: track {was.name} is now called {track.name}")
            if was is not None and _flat(was.description) != _flat(track.description):
                items.append(f"{new.name}: description of track {track.name} reworded")
    return items


def _descriptor(competency: Competency, rank: int) -> str:
    return _flat(competency.levels[rank - 1].descriptor) if competency.levels else ""


def _competencies(before: Guide, now: Guide, matched: Matched[Competency]) -> list[str]:
    def area(guide: Guide, competency: Competency) -> str:
        found = guide.areas.get(competency.area_id or "")
        return found.name if found else "no area"

    items = [f"new: {c.name}" + (f" ({area(now, c)})" if c.area_id else "") for c in matched.added]
    items += [f"removed: {c.name}" for c in matched.removed]
    items += [f"{c.name}: now {c.id} (was {old}); the old address leads to the new page" for old, c in matched.renamed.items()]
    for old, new in matched.pairs:
        if old.name != new.name:
            items.append(f"{old.name} is now called {new.name}")
        if _flat(old.description) != _flat(new.description):
            items.append(f"{new.name}: description reworded")
        if old.area_id != new.area_id:
            items.append(f"{new.name}: moved from {area(before, old)} to {area(now, new)}")
        if old.scale.id != new.scale.id:
            items.append(f"{new.name}: now measured on {new.scale.name} (was {old.scale.name})")
        elif bool(old.levels) != bool(new.levels):
            words = "now describes each step in its own words" if new.levels else "now uses the scale's description of each step"
            items.append(f"{new.name}: {words}")
        elif new.levels:
            for step in new.scale.steps:
                text, was = _descriptor(new, step.rank), _descriptor(old, step.rank)
                if text != was:
                    items.append(f"{new.name} at {step.name}: reworded: {text or '(no descriptor)'} (was: {was or 'no descriptor'})")
    return items


def _areas(before: Guide, now: Guide) -> list[str]:
    items = [f"new: {a.name}" for a in now.areas.values() if a.id not in before.areas]
    items += [f"removed: {a.name}" for a in before.areas.values() if a.id not in now.areas]
    for area in now.areas.values():
        was = before.areas.get(area.id)
        if was is not None and was.name != area.name:
            items.append(f"{was.name} is now called {area.name}")
        if was is not None and _flat(was.description) != _flat(area.description):
            items.append(f"{area.name}: description reworded")
    return items


def _scales(before: Guide, now: Guide) -> list[str]:
    items = [f"new: {s.name} ({', '.join(step.name for step in s.steps)})" for s in now.scales.values() if s.id not in before.scales]
    items += [f"removed: {s.name}" for s in before.scales.values() if s.id not in now.scales]
    for scale in now.scales.values():
        was = before.scales.get(scale.id)
        if was is None:
            continue
        if was.name != scale.name:
            items.append(f"{was.name} is now called {scale.name}")
        for old, new in zip(was.steps, scale.steps, strict=False):
            if old.name != new.name:
                items.append(f"{scale.name}: step {old.rank} is now called {new.name} (was {old.name})")
            if _flat(old.description) != _flat(new.description):
                items.append(f"{scale.name}, {new.name}: reworded: {_flat(new.description) or '(no description)'}")
        items += [f"{scale.name}: new step {step.name}" for step in scale.steps[len(was.steps) :]]
        items += [f"{scale.name}: step {step.name} removed" for step in was.steps[len(scale.steps) :]]
    return items


def _grades(before: Mapping[str, int], now: Mapping[str, int]) -> list[str]:
    items = [f"new: {code} (rank {rank})" for code, rank in now.items() if code not in before]
    items += [f"removed: {code}" for code in before if code not in now]
    items += [f"{code} now ranks {rank} (was {before[code]})" for code, rank in now.items() if code in before and before[code] != rank]
    return items


def describe_changes(
    before: Guide, now: Guide, grades_before: Mapping[str, int] | None = None, grades_now: Mapping[str, int] | None = None
) -> list[str]:
    """The changes from `before` to `now`, one paragraph (with its list) per kind of change.

    `grades_before` and `grades_now` are the grade codes of data/company.yml then and now.
    """
    roles = _match(before.roles, now.roles)
    families = _match({f.id: f for f in before.families}, {f.id: f for f in now.families})
    competencies = _match(before.competencies, now.competencies)
    renamed_ids = {old: record.id for matched in (families, competencies) for old, record in matched.renamed.items()}
    sections: list[str] = []

    def section(title: str, items: list[str]) -> None:
        if items:
            sections.append("\n".join([title, *(f"- {item}" for item in items)]))

    section("Job families:", _families(before, now, families))
    section("New roles:", [f"{role.title} ({now.family_of(role).name}, {role.level_label})" for role in roles.added])
    section("Roles removed:", [f"{role.title} ({before.family_of(role).name})" for role in roles.removed])
    section(
        "Roles renamed:",
        [
            f"{before.roles[old].title}: now {role.id} (was {old}); the old address leads to the new page"
            + ("" if before.roles[old].title == role.title else f", titled {role.title}")
            for old, role in roles.renamed.items()
        ],
    )
    changed = []
    order = {ident: index for index, ident in enumerate(now.roles)}
    for old, role in sorted(roles.pairs, key=lambda pair: order[pair[1].id]):
        if lines := _role_changes(old, role, before, now, renamed_ids):
            changed.append(f"{role.title}: " + "; ".join(lines))
    section("What roles expect:", changed)
    section("Competencies:", _competencies(before, now, competencies))
    section("Competency areas:", _areas(before, now))
    section("Proficiency scales:", _scales(before, now))
    section("Grades:", _grades(grades_before or {}, grades_now or {}))
    old_questions = before.questions
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
    templates = _match(before.templates, now.templates)
    section(
        "Message templates:",
        [f"new: {t.title}" for t in templates.added]
        + [f"removed: {t.title}" for t in templates.removed]
        + [f"{t.title}: now {t.id} (was {old}); the old address leads to the new page" for old, t in templates.renamed.items()]
        + [f"changed: {t.title}" for old, t in templates.pairs if _wording(t) != _wording(old)],
    )
    worksheets = _match(before.worksheets, now.worksheets)
    section(
        "Worksheets:",
        [f"new: {w.title}" for w in worksheets.added]
        + [f"removed: {w.title}" for w in worksheets.removed]
        + [f"{w.title}: now {w.id} (was {old}); the old address leads to the new page" for old, w in worksheets.renamed.items()]
        + [f"changed: {w.title}" for old, w in worksheets.pairs if _worksheet_wording(w) != _worksheet_wording(old)],
    )
    renamed_any = {**renamed_ids, **{old: role.id for old, role in roles.renamed.items()}}
    section("Opportunities:", _opportunities(before.opportunities, now.opportunities, renamed_any))
    return sections


def grades_in(data_dir: Path) -> dict[str, int]:
    """The grade codes of data/company.yml, with their ranks (none when the file has none)."""
    path = data_dir / "company.yml"
    content, _ = load_yaml_file(path, path.name) if path.is_file() else (None, [])
    grades = content.get("grades") if isinstance(content, dict) else None
    return dict(grades) if isinstance(grades, dict) else {}


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
                then = data_at(project, commit, Path(folder))
                before, grades_before = load_guide(then), grades_in(then)
            except DataError as error:
                raise ChangesError(f"the data at {since} does not load, so it cannot be compared:\n{error.report()}") from None
        now = load_guide(Path("data"))
    except ChangesError as error:
        print(f"make changes: {error}", file=sys.stderr)
        return 1
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    sections = describe_changes(before, now, grades_before, grades_in(Path("data")))
    print(f"Changes to the career guide since {since}:\n")
    print("\n\n".join(sections) if sections else "Nothing has changed in the data.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
