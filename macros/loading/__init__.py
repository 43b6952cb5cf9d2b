"""Read every file under `data/`, validate it, and build the typed, immutable `Guide`.

Three phases, as MkDocs validates its own configuration: a later phase works
only on what passed the earlier ones, and every problem of every phase is
collected before anything is reported, so one build lists every mistake at
once without follow-on errors.

1. `files`: find the files, read each as strict YAML, check it against its schema.
2. `records`: turn each valid file into records, with unique ids, keeping their source lines.
3. `references`: check what the records say about each other, and resolve
   each skill's level (a step's name or number) to its rank on the scale.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from ..model.errors import DataError, DataProblem
from ..model.guide import STAGES, Guide, Origin, Template, Worksheet
from . import records
from .files import (
    CAREER_PATHS,
    COMPANY,
    COMPETENCIES,
    KINDS,
    OPPORTUNITIES,
    QUESTIONS,
    SEARCH,
    TEMPLATES,
    WORKSHEETS,
    ids_in_broken,
    read_kind,
    unexpected_entries,
)
from .problems import Problems
from .prose_check import root_links
from .references import check_moves, check_opportunities, check_previous_ids, check_question_filters, resolve_skills
from .schema_check import SCHEMA_DIR

__all__ = ["load_guide"]


Staged = TypeVar("Staged", Template, Worksheet)


def _in_conversation_order(records: dict[str, Staged]) -> dict[str, Staged]:
    """Templates or worksheets in the order of the conversation's stages, then by title; those without a stage last."""
    rank = {stage: index for index, stage in enumerate(STAGES)}
    return dict(sorted(records.items(), key=lambda item: (rank.get(item[1].stage or "", len(STAGES)), item[1].title)))


def load_guide(data_dir: Path, schema_dir: Path = SCHEMA_DIR, *, docs_dir: Path | None = None) -> Guide:
    """Load and validate everything under `data_dir` against the schemas in `schema_dir`; raise DataError listing every problem.

    Files the data names (the company's logo) are looked for in `docs_dir`, by default
    the `docs/` folder beside `data_dir` (not at all when there is none)."""
    if docs_dir is None and (data_dir.parent / "docs").is_dir():
        docs_dir = data_dir.parent / "docs"
    if not data_dir.is_dir():
        raise DataError([DataProblem(data_dir.name, 1, "the data folder is missing")])
    problems = Problems()
    unexpected_entries(data_dir, problems)

    # Phase 1: files.
    read = {kind: read_kind(data_dir, kind, schema_dir, problems) for kind in KINDS}
    unreadable = {kind.key for kind, result in read.items() if result.unreadable}
    ids_in_broken_files = {kind.key: ids_in_broken(kind, result.broken) for kind, result in read.items()}

    # Phase 2: records.
    company = records.company(read[COMPANY].files, problems, docs_dir)
    catalogue = records.catalogue(read[COMPETENCIES].files, problems)
    competencies = catalogue.competencies
    families, roles, skills = records.families(read[CAREER_PATHS].files, records.grades(read[COMPANY].files), problems)
    banks, questions = records.banks(read[QUESTIONS].files, problems)
    templates = records.templates(read[TEMPLATES].files, problems, records.filled_by_the_guide(company))
    worksheets = records.worksheets(read[WORKSHEETS].files, banks, problems)
    opportunities, opportunities_sourced = records.opportunities(read[OPPORTUNITIES].files, problems)

    # Phase 3: references.
    resolved = resolve_skills(skills, roles, competencies, problems)
    check_moves(roles, problems)
    check_question_filters(questions, families, competencies, problems)
    check_opportunities(opportunities_sourced, families, competencies, problems)
    check_previous_ids(
        {
            "role": [sourced.record for sourced in roles],
            "job family": families,
            "competency": competencies.values(),
            "template": templates.values(),
            "worksheet": worksheets.values(),
        },
        problems,
    )
    families = [
        family._replace(roles=tuple(role._replace(skills=MappingProxyType(resolved[role.id])) for role in family.roles))
        for family in families
    ]

    links = tuple(
        (Origin(link.path, link.line), link.target)
        for result in read.values()
        for file in result.files
        for link in root_links(file.content, file.display)
    )
    found = problems.all(unreadable, ids_in_broken_files)
    if found or company is None:
        raise DataError(found)
    return Guide(
        company=company,
        competencies=MappingProxyType(competencies),
        families=tuple(sorted(families, key=lambda family: family.name)),
        roles=MappingProxyType({role.id: role for family in families for role in family.roles}),
        banks=MappingProxyType(banks),
        templates=MappingProxyType(_in_conversation_order(templates)),
        worksheets=MappingProxyType(_in_conversation_order(worksheets)),
        areas=MappingProxyType(catalogue.areas),
        scales=MappingProxyType(catalogue.scales),
        root_links=links,
        search_terms=records.search_terms(read[SEARCH].files),
        opportunities=MappingProxyType(opportunities),
    )
