"""What the search index holds for each generated page, built from the data rather than from its HTML.

Material's search plugin finds a page's sections by parsing its HTML, the
largest single cost of a build once pages skip Markdown. A generated page's
sections are known before it is drawn: one per heading, each with the data
the template puts under it. Each function below mirrors one layout of
`macros/rendering/templates/career-guide/` and gives, per heading, the words a reader
could search for: every text that comes from the data. The layouts' fixed
wording (button labels, table headings, "Concrete things to ask for") is left
out: it is on every page of a kind, so it would only match them all.

A test builds a site both ways and checks that every word from the data is
indexed for the same page as before, and that every section keeps its title
and its address.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from ..model.career_moves import MOVE_LABELS, Change, Move
from ..model.guide import Area, Competency, Expectation, Family, Guide, Question, Role, Scale, Template, Track, Worksheet
from ..rendering.career_map import CareerMap
from ..rendering.fragments import html_list, paragraph
from ..rendering.markup import prose
from ..rendering.toc import PageHeadings
from ..rendering.views import (
    KIND_LABELS,
    ExpectingGroup,
    FamilyMoves,
    MatrixRow,
    OpportunityGroup,
    OpportunityView,
    SkillView,
    TrackColumns,
    entry_lists,
    question_groups,
    track_columns,
)


class SearchSection(NamedTuple):
    """One entry of the search index: a heading and what follows it."""

    anchor: str
    """The heading's id; "" for the page's first section, found at the page's own address."""
    title: str
    """HTML-escaped text, as Material takes it from a heading."""
    text: str
    """Escaped text with only the tags Material keeps for result previews (p, ul, ol, li, code)."""


_TAG = re.compile(r"<(/?)([a-z0-9]+)[^>]*>")
_KEPT_TAGS = frozenset({"p", "ul", "ol", "li", "code", "pre"})
"""The tags Material keeps in search results; links and emphasis become their text."""


@functools.lru_cache(maxsize=4096)
def _prose_text(value: str) -> str:
    """Prose from the data as search text: its sanitised HTML with only the kept tags.

    Cached, as `prose` is: the same texts (what a step looks like, general questions) are on many pages."""
    return _TAG.sub(lambda tag: f"<{tag[1]}{tag[2]}>" if tag[2] in _KEPT_TAGS else "", prose(value))


def _inline(value: str) -> str:
    """Prose inside a list item: one paragraph loses its <p>."""
    text = _prose_text(value)
    if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
        return text[3:-4]
    return text


def _esc(value: object) -> str:
    return html.escape(str(value), quote=False)


class _Sections:
    """Collects a page's sections, numbering headings as the page's `h` macro does."""

    def __init__(self) -> None:
        self._headings = PageHeadings()
        self._sections: list[tuple[str, str, list[str]]] = []

    def heading(self, level: int, title: str, *, anchor: str | None = None) -> None:
        """A heading; `anchor` for one the layout writes with a fixed id, outside the table of contents."""
        ident = anchor if anchor is not None else self._headings.add(level, title)
        self._sections.append(("" if not self._sections else ident, html.escape(title, quote=False), []))

    def _add(self, piece: str) -> None:
        self._sections[-1][2].append(piece)

    def para(self, *texts: str | None) -> None:
        words = " ".join(text for text in texts if text)
        if words:
            self._add(paragraph(words))

    def prose(self, value: str | None) -> None:
        if value:
            self._add(_prose_text(value))

    def items(self, pieces: Iterable[str], *, ordered: bool = False) -> None:
        """A list of items, each already search text (see `_inline` and `_esc`)."""
        if listed := html_list(pieces, ordered=ordered):
            self._add(listed)

    def result(self) -> list[SearchSection]:
        return [SearchSection(anchor, title, "".join(text)) for anchor, title, text in self._sections]


def _questions(sections: _Sections, questions: Iterable[Question]) -> None:
    for group in question_groups(questions):
        sections.para(group.topic)
        sections.items((_inline(question.text) for question in group.questions), ordered=True)


def _map_and_moves(sections: _Sections, level: int, map: CareerMap, moves: list[FamilyMoves], tracks: tuple[Track, ...] = ()) -> None:
    sections.para(*(heading for heading, _ in map.headings))
    sections.items(
        f"{_esc(node.role.title)}, {_esc(map.family_names[node.role.family_id])}, {_esc(node.role.level_in_sentence)}" for node in map.nodes
    )
    # The legend explains a family's tracks.
    sections.items(f"{_esc(track.name)} {_inline(track.description)}" for track in tracks if track.description)
    sections.heading(level + 1, "The same moves as a list")
    sections.items(
        f"{_esc(entry.role.title)} → " + ", ".join(f"{_esc(target.title)} ({MOVE_LABELS[kind].lower()})" for kind, target in entry.moves)
        for entry in moves
    )


def _role_list(sections: _Sections, family: Family, *, about_tracks: bool = False) -> None:
    for group in track_columns(family):
        sections.para(group.track.name if group.track else None)
        if about_tracks and group.track:
            sections.prose(group.track.description)
        sections.items(f"{_esc(role.level_label)} {_esc(role.title)}" for role in group.roles)


def _role_meta(role: Role, family: Family) -> str:
    track = family.track_of(role)
    return " · ".join([family.name, *([track.name] if track else []), role.level_label])


def _statements(sections: _Sections, expectation: Expectation) -> None:
    """A role's statements, each followed by its own examples, then the examples of them all."""
    sections.items(
        _inline(statement.text) + "".join(f" {_inline(example)}" for example in statement.examples) for statement in expectation.statements
    )
    sections.items(_inline(example) for example in expectation.examples)


def _skills(sections: _Sections, skills: list[SkillView]) -> None:
    for skill in skills:
        sections.para(f"{skill.competency.name}: {skill.step.name}")
        if skill.expectation:
            _statements(sections, skill.expectation)
        sections.prose(skill.detail.descriptor)


def role_sections(
    *,
    guide: Guide,
    role: Role,
    family: Family,
    skills: list[SkillView],
    moves: tuple[Move, ...],
    leading_here: tuple[tuple[Role, str], ...],
    further: list[tuple[int, list[Role]]],
    questions: tuple[Question, ...],
    templates: list[Template],
    offers: list[OpportunityView],
    openings: list[OpportunityView],
    **_: Any,
) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, role.title)
    sections.para(_role_meta(role, family))
    sections.prose(role.summary)
    for entry in openings:
        sections.para(entry.opportunity.title, entry.last_day, entry.opportunity.contact)
    if role.responsibilities:
        sections.heading(2, "Responsibilities")
        sections.items(_inline(item) for item in role.responsibilities)
    sections.heading(2, "Skills")
    _skills(sections, skills)
    sections.heading(2, "Where this role can lead")
    for move in moves:
        sections.heading(3, f"{MOVE_LABELS[move.kind]}: {move.target.title}")
        sections.para(f"{move.target.title} · {_role_meta(move.target, guide.family_of(move.target))}")
        for change, items in move.grouped():
            sections.para(change.value)
            sections.items(
                f"{_esc(item.competency.name)} ({_esc(item.steps)})"
                + ("".join(f" {_inline(text)}" for text in item.expected) if change is not Change.UNCHANGED else "")
                for item in items
            )
    if further:
        sections.heading(3, "Further ahead")
        sections.items(f"{moves} moves: " + ", ".join(_esc(other.title) for other in roles) for moves, roles in further)
    sections.heading(2, "Roles that lead here")
    sections.items(
        f"{_esc(other.title)} ({_esc(guide.family_of(other).name)}, {MOVE_LABELS[kind].lower()})" for other, kind in leading_here
    )
    sections.heading(2, "Questions to ask about this role")
    _questions(sections, questions)
    if role.development:
        sections.heading(2, "Development requests")
        sections.items(_inline(item) for item in role.development)
    if offers:
        sections.heading(2, "What the company offers")
        sections.items(
            f"{_esc(entry.opportunity.title)} ({_esc(entry.label)}): "
            + ", ".join(_esc(competency.name) for competency in entry.competencies)
            for entry in offers
        )
    sections.heading(2, "Prepare your conversation")
    sections.items(_esc(template.title) for template in templates)
    return sections.result()


def _message(sections: _Sections, template: Template) -> None:
    sections.para(f"{KIND_LABELS[template.kind]}: {template.title}")
    sections.para(template.subject)
    sections.para(template.body)


def family_sections(
    *,
    guide: Guide,
    family: Family,
    map: CareerMap,
    moves: list[FamilyMoves],
    matrix: list[MatrixRow],
    columns: list[TrackColumns],
    **_: Any,
) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, family.name)
    sections.prose(family.description)
    sections.heading(2, "Roles")
    _role_list(sections, family, about_tracks=True)
    sections.heading(2, "Career map")
    _map_and_moves(sections, 2, map, moves, family.tracks)
    sections.heading(2, "Skills by level")
    sections.para(*(group.track.name for group in columns if group.track))
    sections.para(*(f"{role.title} {role.level_label}" for group in columns for role in group.roles))
    sections.items(
        f"{_esc(row.competency.name)}: " + ", ".join("–" if cell.step is None else _esc(cell.step.name) for cell in row.cells)
        for row in matrix
    )
    return sections.result()


def paths_sections(*, guide: Guide, map: CareerMap, moves: list[FamilyMoves], **_: Any) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, "Career paths")
    sections.heading(2, "Company-wide map")
    _map_and_moves(sections, 2, map, moves)
    sections.heading(2, "All roles")
    for family in guide.families:
        sections.para(family.name)
        _role_list(sections, family)
    return sections.result()


def plan_sections(*, families: list[Family], plan_sheets: list[Worksheet], **_: Any) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, "My plan")
    sections.heading(2, "About me")
    for family in families:
        sections.para(family.name)
        sections.items(_esc(role.title) for role in family.roles)
    sections.heading(2, "Rate myself")
    sections.heading(2, "Compare")
    # "Add to my agenda" names the worksheets it fills.
    sections.para(*(sheet.title for sheet in plan_sheets))
    for title in ("Routes", "Share and keep"):
        sections.heading(2, title)
    return sections.result()


def competency_sections(
    *,
    competency: Competency,
    area: Area | None,
    expecting: list[ExpectingGroup],
    questions: tuple[Question, ...],
    opportunities: list[OpportunityView],
    **_: Any,
) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, competency.name)
    sections.para(area.name if area else None, competency.scale.name)
    sections.prose(competency.description)
    sections.heading(2, "Levels")
    stating = [entry for group in expecting for entry in group.roles if entry.expectation]
    for step in competency.scale.steps:
        detail = competency.detail(step.rank)
        sections.heading(3, step.name)
        sections.prose(detail.descriptor)
        sections.items(_inline(item) for item in detail.evidence)
        sections.items(_inline(item) for item in detail.development)
        for entry in stating:
            if entry.step.rank == step.rank and entry.expectation:
                sections.para(entry.role.title)
                _statements(sections, entry.expectation)
    sections.heading(2, "Roles that ask for it")
    for group in expecting:
        sections.para(" · ".join([group.family.name, *([group.track.name] if group.track else [])]))
        sections.items(f"{_esc(entry.role.title)}: {_esc(entry.step.name)}" for entry in group.roles)
    if questions:
        sections.heading(2, "Questions to explore it")
        sections.items((_inline(question.text) for question in questions), ordered=True)
    if opportunities:
        sections.heading(2, "Opportunities to develop it")
        sections.items(f"{_esc(entry.opportunity.title)} ({_esc(entry.label)})" for entry in opportunities)
    return sections.result()


def opportunities_sections(*, groups: list[OpportunityGroup], **_: Any) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, "Opportunities")
    for group in groups:
        sections.heading(2, group.title)
        for entry in group.entries:
            offer = entry.opportunity
            sections.heading(3, offer.title)
            sections.prose(offer.description)
            sections.para(entry.opening_for.title if entry.opening_for else None)
            sections.para(*(competency.name for competency in entry.competencies))
            sections.para(*(role.title for role in entry.roles), *(family.name for family in entry.families))
            sections.para(entry.when)
            sections.prose(offer.how_to_apply)
            sections.para(offer.contact)
    return sections.result()


def competencies_index_sections(
    *, groups: list[tuple[Area | None, list[Competency]]], scales: Mapping[str, Scale], **_: Any
) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, "Competencies")
    for area, competencies in groups:
        sections.heading(2, area.name if area else "Other competencies")
        sections.prose(area.description if area else None)
        for competency in competencies:
            sections.para(competency.name)
            sections.prose(competency.description)
    for scale in scales.values():
        sections.heading(2, f"The {scale.name} scale")
        sections.items(f"{step.rank}. {_esc(step.name)} {_inline(step.description or '')}".rstrip() for step in scale.steps)
    return sections.result()


def templates_index_sections(*, templates: list[Template], **_: Any) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, "Message templates")
    for template in templates:
        sections.para(f"{template.title} ({KIND_LABELS[template.kind]})")
        sections.prose(template.when)
    return sections.result()


def template_sections(*, template: Template, **_: Any) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, template.title)
    sections.para(KIND_LABELS[template.kind])
    sections.heading(2, "When to use it")
    sections.prose(template.when)
    if template.placeholders:
        sections.heading(2, "Fill in the blanks", anchor="fill-in")
        lists = entry_lists(template)
        in_lists = {name for entries in lists for name in entries.blanks}
        sections.items(_esc(name) for name in template.placeholders if name not in in_lists)
        for entries in lists:
            sections.para(_esc(entries.line))
            sections.items(_esc(name) for name in entries.blanks)
    sections.heading(2, "The message", anchor="the-message")
    _message(sections, template)
    return sections.result()


def worksheets_index_sections(*, guide: Guide, worksheets: list[Worksheet], **_: Any) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, "Worksheets")
    sections.heading(2, "For every conversation")
    for sheet in worksheets:
        sections.para(sheet.title)
        sections.prose(sheet.purpose)
    sections.heading(2, "For your role")
    sections.items(f"{_esc(family.name)}: " + ", ".join(_esc(role.title) for role in family.roles) for family in guide.families)
    return sections.result()


def worksheet_sections(*, worksheet: Worksheet, **_: Any) -> list[SearchSection]:
    sections = _Sections()
    sections.heading(1, worksheet.title)
    sections.prose(worksheet.purpose)
    if worksheet.from_plan:
        sections.heading(2, "From my plan")
    for section in worksheet.sections:
        sections.heading(2, section.title)
        sections.prose(section.intro)
        sections.items((_inline(question.text) for question in section.questions), ordered=True)
        if section.table:
            sections.para(*section.table.columns)
    if worksheet.reminder:
        sections.para(_esc(worksheet.reminder.title))
    return sections.result()
