"""Every kind of generated page, declared once.

A declaration says everything about its kind: the layout (template) that lays
it out, the records that get a page each and the address of each, what the
layout receives, its search entries, the data file "Edit this page" opens, and
whether it sits in the navigation. The catalogue (`catalogue.generated_pages`),
the addresses `make check` knows (`catalogue.page_urls`), the preview's memo
and the golden tests all derive from `KINDS`: adding a kind of page means
writing one declaration and one template.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..model.career_moves import Move, moves_from
from ..model.guide import OPENING, Competency, Family, Guide, Origin, Question, Role, Template, Worksheet
from ..model.health import content_health
from ..model.routes import reachable
from ..model.urls import (
    COMPETENCIES_URL,
    HEALTH_URL,
    OPPORTUNITIES_URL,
    PATHS_URL,
    PLAN_URL,
    TEMPLATES_URL,
    WORKSHEETS_URL,
    competency_url,
    family_url,
    role_url,
    role_worksheet_url,
    template_url,
    worksheet_url,
)
from ..rendering.career_map import career_map
from ..rendering.views import (
    OpportunityView,
    SkillView,
    expected_at,
    expecting_groups,
    level_matrix,
    moves_by_role,
    opportunity_groups,
    opportunity_views,
    role_skills,
    track_columns,
)
from . import search_sections as search
from .plan_data import PLAN_DATA_PATH

AGENDA_KIND = "agenda"
"""The kind of template a role worksheet offers to send ahead."""

WORKSHEET_SEARCH_BOOST = 0.5
"""A worksheet ranks below the page it prepares for in search results."""


class Facts:
    """What several kinds of page take from the guide, worked out once a build (a role's moves serve its page and its worksheet)."""

    def __init__(self, guide: Guide, today: datetime.date | None = None) -> None:
        self.guide = guide
        self.today = today or datetime.date.today()
        self.families = list(guide.families)
        self.templates = list(guide.templates.values())
        self.worksheets = list(guide.worksheets.values())
        self.agenda: Template | None = next((t for t in self.templates if t.kind == AGENDA_KIND), None)
        # The opportunities shown today (those whose last day has passed are left out), indexed once
        # by what they name, so that every role and competency page finds its own in linear time.
        self.opportunities = opportunity_views(guide, guide.current_opportunities(self.today))
        self._named: dict[str, list[OpportunityView]] = {}
        self._developing: dict[str, list[OpportunityView]] = {}
        self._opening: dict[str, list[OpportunityView]] = {}
        self._order = {view.opportunity.id: index for index, view in enumerate(self.opportunities)}
        for view in self.opportunities:
            offer = view.opportunity
            for ident in dict.fromkeys((*offer.roles, *offer.families)):
                self._named.setdefault(ident, []).append(view)
            for competency_id in offer.competencies:
                self._developing.setdefault(competency_id, []).append(view)
            if offer.kind == OPENING and offer.role:
                self._opening.setdefault(offer.role, []).append(view)

        self._moves: dict[str, tuple[Move, ...]] = {}
        self._questions: dict[str, tuple[Question, ...]] = {}
        self._skills: dict[str, list[SkillView]] = {}

    def moves(self, role: Role) -> tuple[Move, ...]:
        if role.id not in self._moves:
            self._moves[role.id] = moves_from(self.guide, role)
        return self._moves[role.id]

    def questions(self, role: Role) -> tuple[Question, ...]:
        if role.id not in self._questions:
            self._questions[role.id] = self.guide.questions_for(role)
        return self._questions[role.id]

    def skills(self, role: Role) -> list[SkillView]:
        if role.id not in self._skills:
            self._skills[role.id] = role_skills(self.guide, role)
        return self._skills[role.id]

    def developing(self, competency: Competency) -> list[OpportunityView]:
        """The opportunities that develop `competency`."""
        return self._developing.get(competency.id, [])

    def openings(self, role: Role) -> list[OpportunityView]:
        """The openings for `role` itself: its page says it is open now."""
        return self._opening.get(role.id, [])

    def offers(self, role: Role) -> list[OpportunityView]:
        """What the company offers someone in `role`: the opportunities meant for the role or its family, and
        those offered to everyone that develop a skill it asks for; not its own openings (see `openings`)."""
        developing = (view for competency_id in role.skills for view in self._developing.get(competency_id, []))
        everyone = (view for view in developing if view.opportunity.for_everyone)
        candidates = (*self._named.get(role.id, []), *self._named.get(role.family_id, []), *everyone)
        chosen = {view.opportunity.id: view for view in candidates if view.opportunity.role != role.id}
        return sorted(chosen.values(), key=lambda view: self._order[view.opportunity.id])


Single = None
"""The record of a kind with one page (an index): there is none."""


@dataclass(frozen=True)
class PageKind:
    """One kind of generated page."""

    name: str
    """What the kind is called, in tests and reviews; its golden copy is tests/golden/<name>.html."""
    layout: str
    """The template (under career-guide/) that lays the page out."""
    records: Callable[[Guide], Iterable[Any]]
    """The records that each get a page of this kind (`(Single,)` for a kind with one page)."""
    url: Callable[[Any], str]
    """The stable address of a record's page."""
    context: Callable[[Facts, Any], dict[str, Any]]
    """What the layout receives for a record (its search entries are made from the same)."""
    search: Callable[..., list[search.SearchSection]]
    """The page's search entries, from the same context as the layout."""
    origin: Callable[[Any], Origin | None] = lambda _: None
    """The data file the page comes from; none for pages gathering many files."""
    in_nav: bool = True
    boost: float | None = None
    """Below 1 ranks the page below others in search."""
    golden: str | None = None
    """The id of the record, in the test fixture tests/fixtures/small/, whose page is the reviewed copy (none for a single page)."""
    reviewed: bool = True
    """Whether a reviewed copy exists: not for a page that changes with the day it is built."""


def _one(guide: Guide) -> tuple[None]:
    return (Single,)


def _roles(guide: Guide) -> Iterable[Role]:
    return (role for family in guide.families for role in family.roles)


def _role(facts: Facts, role: Role) -> dict[str, Any]:
    guide = facts.guide
    return {
        "guide": guide,
        "role": role,
        "family": guide.family_of(role),
        "skills": facts.skills(role),
        "moves": facts.moves(role),
        "leading_here": guide.roles_leading_to(role),
        "further": [(count, roles) for count, roles in reachable(guide, role, max_moves=3) if count > 1],
        "plan_url": PLAN_URL,
        "questions": facts.questions(role),
        "templates": facts.templates,
        "offers": facts.offers(role),
        "openings": facts.openings(role),
        "opportunities_url": OPPORTUNITIES_URL,
    }


def _role_worksheet(facts: Facts, role: Role) -> dict[str, Any]:
    return {
        "guide": facts.guide,
        "role": role,
        "skills": facts.skills(role),
        "moves": facts.moves(role),
        "questions": facts.questions(role),
        "agenda": facts.agenda,
    }


def _family(facts: Facts, family: Family) -> dict[str, Any]:
    guide = facts.guide
    return {
        "guide": guide,
        "family": family,
        "map": career_map(guide, [family], caption=f"Career map of {family.name}"),
        "moves": moves_by_role(guide, [family]),
        "matrix": level_matrix(guide, family),
        "columns": track_columns(family),
    }


def _paths(facts: Facts, _: None) -> dict[str, Any]:
    guide = facts.guide
    return {
        "guide": guide,
        "map": career_map(guide, facts.families, caption="Career map of all job families"),
        "moves": moves_by_role(guide, facts.families),
    }


def _plan(facts: Facts, _: None) -> dict[str, Any]:
    agenda = facts.agenda
    return {
        "families": facts.families,
        "data_url": PLAN_DATA_PATH,
        "agenda_url": template_url(agenda.id) if agenda else None,
        "plan_sheets": [sheet for sheet in facts.worksheets if sheet.from_plan],
        "agenda": agenda,
        "follow_up": next((sheet for sheet in facts.worksheets if sheet.reminder), None),
        "paths_url": PATHS_URL,
        "worksheets_url": WORKSHEETS_URL,
    }


def _competency(facts: Facts, competency: Competency) -> dict[str, Any]:
    guide = facts.guide
    expecting = expecting_groups(guide, competency)
    return {
        "competency": competency,
        "area": guide.areas.get(competency.area_id or ""),
        "expecting": expecting,
        "expected_at": expected_at(expecting),
        "questions": guide.questions_about(competency),
        "opportunities": facts.developing(competency),
        "opportunities_url": OPPORTUNITIES_URL,
    }


def opportunities_page(guide: Guide) -> tuple[Origin, ...]:
    """The opportunities page, when the data lists any (even if all have ended: the page then says so).
    Its record is the file it is made from, which "Edit this page" opens."""
    first = next(iter(guide.opportunities.values()), None)
    return (Origin(first.origin.path, 1),) if first else ()


def _origin(record: Role | Family | Competency | Template | Worksheet) -> Origin | None:
    return record.origin


def no_search(**_: Any) -> list[search.SearchSection]:
    return []


KINDS: tuple[PageKind, ...] = (
    PageKind(
        "paths",
        "paths.html",
        _one,
        lambda _: PATHS_URL,
        _paths,
        search.paths_sections,
    ),
    PageKind(
        "family",
        "family.html",
        lambda guide: guide.families,
        lambda family: family_url(family.id),
        _family,
        search.family_sections,
        _origin,
        golden="analytics",
    ),
    PageKind(
        "role",
        "role.html",
        _roles,
        lambda role: role_url(role.id),
        _role,
        search.role_sections,
        _origin,
        golden="analyst",
    ),
    # A role's worksheet repeats its role page: search finds the role page, which links to it.
    PageKind(
        "role-worksheet",
        "role-worksheet.html",
        _roles,
        lambda role: role_worksheet_url(role.id),
        _role_worksheet,
        no_search,
        _origin,
        in_nav=False,
        golden="analyst",
    ),
    PageKind(
        "plan",
        "plan.html",
        _one,
        lambda _: PLAN_URL,
        _plan,
        search.plan_sections,
    ),
    PageKind(
        "competencies-index",
        "competencies-index.html",
        _one,
        lambda _: COMPETENCIES_URL,
        lambda facts, _: {"groups": facts.guide.competencies_by_area(), "scales": facts.guide.scales},
        search.competencies_index_sections,
    ),
    PageKind(
        "competency",
        "competency.html",
        lambda guide: guide.competencies.values(),
        lambda competency: competency_url(competency.id),
        _competency,
        search.competency_sections,
        _origin,
        golden="writing",
    ),
    PageKind(
        "opportunities",
        "opportunities.html",
        opportunities_page,
        lambda _: OPPORTUNITIES_URL,
        lambda facts, _: {"groups": opportunity_groups(facts.opportunities), "plan_url": PLAN_URL},
        search.opportunities_sections,
        lambda file: file,
    ),
    PageKind(
        "templates-index",
        "templates-index.html",
        _one,
        lambda _: TEMPLATES_URL,
        lambda facts, _: {"templates": facts.templates},
        search.templates_index_sections,
    ),
    PageKind(
        "template",
        "template.html",
        lambda guide: guide.templates.values(),
        lambda template: template_url(template.id),
        lambda facts, template: {"template": template},
        search.template_sections,
        _origin,
        golden="hello",
    ),
    PageKind(
        "worksheets-index",
        "worksheets-index.html",
        _one,
        lambda _: WORKSHEETS_URL,
        lambda facts, _: {"guide": facts.guide, "worksheets": facts.worksheets},
        search.worksheets_index_sections,
    ),
    PageKind(
        "worksheet",
        "worksheet.html",
        lambda guide: guide.worksheets.values(),
        lambda sheet: worksheet_url(sheet.id),
        lambda facts, sheet: {"worksheet": sheet},
        search.worksheet_sections,
        _origin,
        boost=WORKSHEET_SEARCH_BOOST,
        golden="basic",
    ),
    # For editors, reached by its address: not in navigation or search.
    PageKind(
        "content-health",
        "content-health.html",
        _one,
        lambda _: HEALTH_URL,
        lambda facts, _: {"health": content_health(facts.guide, facts.today)},
        no_search,
        in_nav=False,
        reviewed=False,
    ),
)
"""Every kind of page the data produces, in the order the catalogue makes them."""
