"""`make rename`, `make delete` and `make move`: changing a role or competency everywhere it is named.

    make rename KIND=role OLD=senior-developer NEW=senior-engineer
    make rename KIND=competency OLD=craft NEW=technical-craft   (or KIND=family, template, worksheet)
    make delete ID=senior-engineer     (lists what points to the role; deletes nothing)
    make move ID=senior-engineer FAMILY=product   (lists the questions its page gains and loses)

A rename rewrites only the lines that name the id (the record's own `id:`,
moves, question filters, skills, links in prose to its page, the chapters'
macros that show it), renames its file when it is one of its own, and records the
old id under `previous_ids`, so the old address keeps working. Comments and
layout stay as they are, and the result passes `make check` before anything
is written.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ..loading import load_guide
from ..loading.problems import line_of
from ..loading.yaml_reader import load_yaml_file
from ..model.errors import DataError
from ..model.guide import Guide
from .data_writes import problems_after, write_all


class Reference(NamedTuple):
    """A line of a data file that names an id."""

    path: Path
    line: int
    what: str


def _files(data_dir: Path, folder: str) -> Iterator[tuple[Path, Any]]:
    for path in sorted((data_dir / folder).glob("*.yml")):
        content, _ = load_yaml_file(path, path.as_posix())
        if content is not None:
            yield path, content


def _opportunity_references(data_dir: Path, field: str, ident: str) -> list[Reference]:
    """The lines of data/opportunities.yml whose `field` (a list of ids, or one id) names `ident`."""
    found = []
    for path, content in _files(data_dir, "."):
        if path.name != "opportunities.yml":
            continue
        for entry in content.get("opportunities", []):
            value = entry.get(field)
            what = f"opportunity {entry.get('id')}"
            if isinstance(value, list):
                found += [Reference(path, line_of(value, i), what) for i, named in enumerate(value) if named == ident]
            elif value == ident:
                found.append(Reference(path, line_of(entry, field), what))
    return found


def role_references(data_dir: Path, role_id: str) -> list[Reference]:
    """Every line that names role `role_id`: its own id, the moves to it, question filters, links to its page."""
    found = []
    for path, family in _files(data_dir, "career_paths"):
        for role in family.get("roles", []):
            if role.get("id") == role_id:
                found.append(Reference(path, line_of(role, "id"), "the role itself"))
            for kind in ("next", "lateral"):
                moves = role.get(kind) or []
                found += [Reference(path, line_of(moves, i), f"a move from {role.get('id')}") for i, t in enumerate(moves) if t == role_id]
    for path, bank in _files(data_dir, "questions"):
        for question in bank.get("questions", []):
            roles = question.get("roles") or []
            found += [Reference(path, line_of(roles, i), f"question {question.get('id')}") for i, r in enumerate(roles) if r == role_id]
    found += _opportunity_references(data_dir, "roles", role_id) + _opportunity_references(data_dir, "role", role_id)
    found += _links(data_dir, f"/roles/{role_id}/")
    return sorted(set(found))


def competency_references(data_dir: Path, competency_id: str) -> list[Reference]:
    """Every line that names competency `competency_id`: its own id, the skills of roles, question filters, links to its page."""
    found = []
    for path, catalogue in _files(data_dir, "."):
        if path.name != "competencies.yml":
            continue
        for competency in catalogue.get("competencies", []):
            if competency.get("id") == competency_id:
                found.append(Reference(path, line_of(competency, "id"), "the competency itself"))
    for path, family in _files(data_dir, "career_paths"):
        for role in family.get("roles", []):
            skills = role.get("skills") or {}
            if competency_id in skills:
                found.append(Reference(path, line_of(skills, competency_id), f"a skill of {role.get('id')}"))
    for path, bank in _files(data_dir, "questions"):
        for question in bank.get("questions", []):
            listed = question.get("competencies") or []
            found += [
                Reference(path, line_of(listed, i), f"question {question.get('id')}") for i, c in enumerate(listed) if c == competency_id
            ]
    found += _opportunity_references(data_dir, "competencies", competency_id)
    found += _links(data_dir, f"/competencies/{competency_id}/")
    return sorted(set(found))


def _own_file(data_dir: Path, folder: str, ident: str) -> list[Reference]:
    """The `id:` line of the record that is a file of its own (a family, template or worksheet)."""
    path = data_dir / folder / f"{ident}.yml"
    content, _ = load_yaml_file(path, path.as_posix()) if path.is_file() else (None, [])
    return [Reference(path, line_of(content, "id"), "the record itself")] if content is not None else []


def _chapter_calls(data_dir: Path, macros: tuple[str, ...], ident: str) -> list[Reference]:
    """The lines of the chapters (docs/) that show the record through a macro, e.g. message("thank-you")."""
    call = re.compile(rf"\b(?:{'|'.join(macros)})\(\s*[\"']{re.escape(ident)}[\"']")
    docs = data_dir.parent / "docs"
    return [
        Reference(path, number, "a chapter")
        for path in sorted(docs.rglob("*.md"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if call.search(line)
    ]


def family_references(data_dir: Path, family_id: str) -> list[Reference]:
    """Every line that names family `family_id`: its own id, question filters, links to its page."""
    found = _own_file(data_dir, "career_paths", family_id)
    for path, bank in _files(data_dir, "questions"):
        for question in bank.get("questions", []):
            listed = question.get("families") or []
            found += [Reference(path, line_of(listed, i), f"question {question.get('id')}") for i, f in enumerate(listed) if f == family_id]
    found += _opportunity_references(data_dir, "families", family_id)
    return sorted(set(found + _links(data_dir, f"/paths/{family_id}/")))


def template_references(data_dir: Path, template_id: str) -> list[Reference]:
    found = _own_file(data_dir, "templates", template_id) + _chapter_calls(data_dir, ("message",), template_id)
    return sorted(set(found + _links(data_dir, f"/templates/{template_id}/")))


def worksheet_references(data_dir: Path, worksheet_id: str) -> list[Reference]:
    found = _own_file(data_dir, "worksheets", worksheet_id) + _chapter_calls(data_dir, ("worksheet", "check_in_reminder"), worksheet_id)
    return sorted(set(found + _links(data_dir, f"/worksheets/{worksheet_id}/")))


REFERENCES = {
    "role": role_references,
    "competency": competency_references,
    "family": family_references,
    "template": template_references,
    "worksheet": worksheet_references,
}
"""How to find what names a record of each kind."""
OWN_FOLDER = {"family": "career_paths", "template": "templates", "worksheet": "worksheets"}
"""The kinds whose records are files of their own, named after their id."""


def _links(data_dir: Path, address: str) -> list[Reference]:
    return [
        Reference(path, number, "a link in prose")
        for path in sorted(data_dir.rglob("*.yml"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if address in line
    ]


def _token(ident: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(ident)}(?![\w-])")


def renamed_texts(references: list[Reference], old: str, new: str) -> dict[Path, str]:
    """Each file with `old` replaced by `new` on the lines of `references`, and `old` added to the record's previous_ids."""
    texts: dict[Path, list[str]] = {}
    # From the bottom of each file up: a line added under a record's id leaves the lines above it where they were.
    for reference in sorted(references, key=lambda reference: (reference.path, -reference.line)):
        lines = texts.setdefault(reference.path, reference.path.read_text(encoding="utf-8").split("\n"))
        lines[reference.line - 1] = _token(old).sub(new, lines[reference.line - 1])
        if reference.what.endswith("itself"):
            _record_previous_id(lines, reference.line - 1, old)
    return {path: "\n".join(lines) for path, lines in texts.items()}


def _record_previous_id(lines: list[str], index: int, old: str) -> None:
    """Add `old` to the previous_ids of the record whose `id:` is on line `index` (a new line under it if it has none)."""
    indent = re.match(r"\s*(?:- )?", lines[index])
    assert indent is not None
    key_indent = " " * len(indent.group(0))
    for position in range(index + 1, len(lines)):
        line = lines[position]
        if (line.strip() and not line.startswith(key_indent)) or (line.strip() and len(line) - len(line.lstrip()) < len(key_indent)):
            break
        listed = re.match(rf"^{key_indent}previous_ids:\s*\[(.*)\](.*)$", line)
        if listed:
            items = [item.strip() for item in listed.group(1).split(",") if item.strip()]
            lines[position] = f"{key_indent}previous_ids: [{', '.join([*items, old])}]{listed.group(2)}"
            return
    lines.insert(index + 1, f"{key_indent}previous_ids: [{old}]")


def rename(data_dir: Path, kind: str, old: str, new: str, guide: Guide) -> int:
    records: dict[str, Any] = {
        "role": guide.roles,
        "competency": guide.competencies,
        "family": {family.id: family for family in guide.families},
        "template": guide.templates,
        "worksheet": guide.worksheets,
    }
    if kind not in records:
        print(f"make rename: KIND is one of {', '.join(records)}, not '{kind}'", file=sys.stderr)
        return 2
    if old not in records[kind]:
        print(f"make rename: there is no {kind} '{old}'", file=sys.stderr)
        return 1
    if new in records[kind] or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", new):
        print(f"make rename: '{new}' is taken or not a valid id (lowercase letters, digits and single hyphens)", file=sys.stderr)
        return 1
    references = REFERENCES[kind](data_dir, old)
    texts = renamed_texts(references, old, new)
    # A family, template or worksheet is a file named after its id: the file is renamed with it.
    moves = {}
    if kind in OWN_FOLDER:
        source = data_dir / OWN_FOLDER[kind] / f"{old}.yml"
        moves[source] = source.with_name(f"{new}.yml")
    if problems := problems_after(data_dir, texts, moves):
        print("make rename: the data would have problems; nothing was written:\n" + "\n".join(map(str, problems)), file=sys.stderr)
        return 1
    write_all(texts, moves)
    print(f"Renamed {kind} {old} to {new} on {len(references)} lines of {len(texts)} files; its old address leads to the new page:")
    for reference in references:
        print(f"  {reference.path.relative_to(data_dir.parent).as_posix()}:{reference.line}: {reference.what}")
    return 0


def delete(data_dir: Path, role_id: str, guide: Guide) -> int:
    if role_id not in guide.roles:
        print(f"make delete: there is no role '{role_id}'", file=sys.stderr)
        return 1
    pointing = [reference for reference in role_references(data_dir, role_id) if not reference.what.endswith("itself")]
    role = guide.roles[role_id]
    print(f"Before deleting {role.title} ({role.origin.path}:{role.origin.line}), change what points to it:")
    for reference in pointing or []:
        print(f"  {reference.path.relative_to(data_dir.parent).as_posix()}:{reference.line}: {reference.what}")
    if not pointing:
        print("  nothing: delete its block from the file")
    print("Then delete its block; its page and its address go with it (list its id under another role's previous_ids to send them there).")
    return 0


def move(role_id: str, family_id: str, guide: Guide) -> int:
    role = guide.roles.get(role_id)
    families = {family.id: family for family in guide.families}
    if role is None or family_id not in families:
        print(f"make move: there is no role '{role_id}' or no family '{family_id}'", file=sys.stderr)
        return 1
    moved = role._replace(family_id=family_id)
    before = {q.id: q for q in guide.questions.values() if not q.is_general and q.applies_to(role)}
    after = {q.id: q for q in guide.questions.values() if not q.is_general and q.applies_to(moved)}
    print(f"Moving {role.title} to {families[family_id].name}: cut its block from {role.origin.path} and paste it under roles: in")
    gained, lost = len(set(after) - set(before)), len(set(before) - set(after))
    print(f"data/career_paths/{family_id}.yml. Its page would gain {gained} and lose {lost} questions:")
    for ident in after:
        if ident not in before:
            print(f"  gains {ident}: {after[ident].text}")
    for ident in before:
        if ident not in after:
            print(f"  loses {ident}: {before[ident].text}")
    return 0


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    data_dir = Path.cwd() / "data"
    try:
        guide = load_guide(data_dir)
    except DataError as error:
        print("The data has problems; fix them first:\n" + error.report(), file=sys.stderr)
        return 1
    match arguments:
        case ["rename", kind, old, new] if old and new:
            return rename(data_dir, kind, old, new, guide)
        case ["delete", role_id] if role_id:
            return delete(data_dir, role_id, guide)
        case ["move", role_id, family_id] if role_id and family_id:
            return move(role_id, family_id, guide)
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
