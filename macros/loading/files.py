"""Phase 1: find HR's files under data/, read each as strict YAML and check it against its schema."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, NamedTuple

from .problems import Problems
from .prose_check import prose_problems
from .schema_check import broken_records, schema_problems
from .yaml_reader import load_yaml_file

YAML_SUFFIXES = (".yml", ".yaml")


class Kind(NamedTuple):
    """A kind of data file: a folder of one record per file, or a single file."""

    name: str  # the folder ('career_paths') or file ('company.yml') under data/
    schema: str  # its JSON Schema, in the schema folder
    noun: str  # how a record of this kind is named in messages
    records: str | None = None  # the list inside each file whose entries have ids of their own
    optional: bool = False  # a single file the guide does without

    @property
    def single(self) -> bool:
        return self.name.endswith(".yml")

    @property
    def key(self) -> str:
        """How references name this kind ('career_paths', 'competencies')."""
        return self.name.removesuffix(".yml")


COMPANY = Kind("company.yml", "company.json", "company")
COMPETENCIES = Kind("competencies.yml", "competencies.json", "competency", records="competencies")
CAREER_PATHS = Kind("career_paths", "career-path.json", "job family", records="roles")
QUESTIONS = Kind("questions", "question-bank.json", "question bank", records="questions")
TEMPLATES = Kind("templates", "template.json", "template")
WORKSHEETS = Kind("worksheets", "worksheet.json", "worksheet")
SEARCH = Kind("search.yml", "search.json", "search term", optional=True)
OPPORTUNITIES = Kind("opportunities.yml", "opportunities.json", "opportunity", records="opportunities", optional=True)
KINDS = (COMPANY, COMPETENCIES, CAREER_PATHS, QUESTIONS, TEMPLATES, WORKSHEETS, SEARCH, OPPORTUNITIES)
IGNORED = {"schema"}
"""Folders under data/ that hold no data (the schemas editors and the build check against)."""


class DataFile(NamedTuple):
    """One file that passed phase 1: where it is and what it holds."""

    path: Path
    display: str  # 'data/career_paths/engineering.yml', as messages name it
    content: Any


class Read(NamedTuple):
    """What phase 1 made of one kind's files."""

    files: list[DataFile]  # the files that are valid
    broken: list[dict[str, Any]]  # the content of files that parsed but broke their schema
    unreadable: bool  # some file could not be read at all: its ids are unknown


def display(path: Path, data_dir: Path) -> str:
    return f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}"


def unexpected_entries(data_dir: Path, problems: Problems) -> None:
    """Report what lies in data/ that the guide would not read."""
    known = {kind.name for kind in KINDS} | IGNORED
    hint = ", ".join(sorted(known))
    for path in sorted(data_dir.iterdir()):
        if path.name.startswith(".") or path.name in known or path.name.lower().startswith("readme"):
            continue
        problems.add(
            display(path, data_dir), 1, f"unexpected file or folder in {data_dir.name}/: the guide reads only {hint}; move it elsewhere"
        )


def _paths(data_dir: Path, kind: Kind, problems: Problems) -> list[Path]:
    where = data_dir / kind.name
    if kind.single:
        if not where.is_file() and kind.optional:
            return []
        if not where.is_file():
            problems.add(f"{data_dir.name}/{kind.name}", 1, "the file is missing: create it (see the editors' guide)")
            return []
        return [where]
    if not where.is_dir():
        problems.add(f"{data_dir.name}/{kind.name}", 1, f"the folder is missing: create it and add at least one {kind.noun} file")
        return []
    paths = []
    for path in sorted(where.iterdir()):
        if path.name.startswith("."):
            continue  # editor and system files such as .DS_Store
        shown = display(path, data_dir)
        if path.is_dir():
            problems.add(shown, 1, f"folders inside {data_dir.name}/{kind.name}/ are not read: move its files up one level")
        elif path.suffix not in YAML_SUFFIXES:
            problems.add(
                shown, 1, f"only YAML files (.yml) belong in {data_dir.name}/{kind.name}/: rename this file to .yml or move it elsewhere"
            )
        else:
            paths.append(path)
    return paths


def read_kind(data_dir: Path, kind: Kind, schema_dir: Path, problems: Problems) -> Read:
    """Every file of `kind`, read and checked against its schema."""
    paths = _paths(data_dir, kind, problems)
    files: list[DataFile] = []
    broken: list[dict[str, Any]] = []
    unreadable = kind.single and not paths and not kind.optional
    for path in paths:
        shown = display(path, data_dir)
        content, load_problems = load_yaml_file(path, shown)
        problems.extend(load_problems)
        if load_problems:
            unreadable = True
            continue
        if not isinstance(content, dict):
            problems.add(shown, 1, "the file should hold 'key: value' lines at the top level, not a list or a single value")
            unreadable = True
            continue
        structural = schema_problems(content, kind.schema, shown, schema_dir)
        problems.extend(structural)
        problems.extend(prose_problems(content, shown))
        if not structural:
            files.append(DataFile(path, shown, content))
            continue
        broken.append(content)
        # A file whose mistakes are all inside some of its records (one role of a
        # family) keeps its other records: their own problems are found in this
        # build too, not only once the broken record is fixed.
        positions = broken_records(content, kind.schema, kind.records, schema_dir) if kind.records else None
        if positions:
            usable = copy.copy(content)
            usable[kind.records] = content[kind.records].without(positions)
            if usable[kind.records] and not schema_problems(usable, kind.schema, shown, schema_dir):
                files.append(DataFile(path, shown, usable))
    return Read(files, broken, unreadable=unreadable)


def ids_in_broken(kind: Kind, contents: list[dict[str, Any]]) -> set[str]:
    """Ids that files with mistakes define, read leniently: references to them are not reported."""
    ids: set[str] = set()
    for content in contents:
        if isinstance(content.get("id"), str):
            ids.add(content["id"].strip())
        records = content.get(kind.records) if kind.records else None
        if isinstance(records, list):
            # Stripped: an id that broke the schema only by a stray space or line
            # break is still the id other files mean.
            ids |= {r["id"].strip() for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}
    return ids
