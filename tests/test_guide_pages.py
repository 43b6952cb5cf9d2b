"""The hand-written chapters, as built: every part of the conversation, with data from YAML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import PROJECT, Site, normalise, sidebar

from macros.model.guide import STAGES, Guide

CHAPTERS = {
    "/": ["Your career, your conversation", "The conversation in four steps"],
    "/conversation/": ["What it is not", "Not a performance review", "Not a salary or promotion negotiation", "looks back", "looks ahead"],
    "/prepare/": ["Self-assessment", "Research career paths", "Goals and requests", "The agenda"],
    "/prepare/self-assessment/": ["Your strengths", "Areas to develop", "energises", "two to five years"],
    "/prepare/research/": ["internal job postings", "lateral move", "informational interview"],
    "/prepare/goals/": ["Leading a small project", "A mentor", "A certification", "Training", "Shadowing"],
    "/prepare/agenda/": ["Your current role", "long-term career interests", "development goals", "Their feedback", "Send it ahead"],
    "/meeting/request/": ["career development conversation", "30 minutes"],
    "/meeting/run/": [
        "restating why you asked",
        "thank your manager",
        "self-assessment",
        "sum up the key takeaways",
        "agree on the next steps",
    ],
    "/meeting/topics/": [
        "leading a team",
        "the expert others turn to",
        "exploring a different area",
        "direct feedback",
        "stretch assignments",
        "training programmes",
    ],
    "/follow-up/": ["Within 24 hours", "written record", "holds you both accountable", "one-on-ones"],
}


@pytest.mark.build
@pytest.mark.parametrize(("url", "phrases"), CHAPTERS.items())
def test_each_chapter_covers_its_part_of_the_conversation(site: Site, url: str, phrases: list[str]) -> None:
    text = site.text(url).lower()
    missing = [phrase for phrase in phrases if phrase.lower() not in text]
    assert not missing, f"{url} lacks {missing}"


@pytest.mark.build
def test_company_name_is_in_every_title(site: Site, guide: Guide) -> None:
    for url in CHAPTERS:
        title = re.search(r"<title>(.*?)</title>", site.html(url), re.S)
        assert title and guide.company.guide_title in title.group(1)


@pytest.mark.parametrize(
    ("url", "bank_id", "topic"),
    [
        ("/prepare/self-assessment/", "self-assessment", None),
        ("/prepare/research/", "informational-interviews", None),
        ("/follow-up/", "follow-up", None),
        ("/meeting/topics/", "manager", None),
    ],
)
@pytest.mark.build
def test_question_lists_match_the_yaml(site: Site, guide: Guide, url: str, bank_id: str, topic: str | None) -> None:
    text = site.text(url)
    for question in guide.banks[bank_id].general_questions:
        if topic is None or question.topic == topic:
            assert normalise(question.text) in text, f"{url} lacks question {question.id}"


@pytest.mark.build
def test_questions_limited_to_some_roles_stay_off_the_general_pages(site: Site, guide: Guide) -> None:
    text = site.text("/meeting/topics/")
    for question in guide.banks["manager"].questions:
        if not question.is_general:
            assert normalise(question.text) not in text


@pytest.mark.parametrize(
    ("url", "template_id"),
    [
        ("/meeting/request/", "meeting-request"),
        ("/meeting/request/", "meeting-request-chat"),
        ("/prepare/agenda/", "agenda"),
        ("/follow-up/", "thank-you"),
        ("/prepare/research/", "informational-interview-request"),
    ],
)
@pytest.mark.build
def test_messages_match_the_yaml(site: Site, guide: Guide, url: str, template_id: str) -> None:
    template = guide.templates[template_id]
    text = site.text(url)
    for line in template.body.splitlines():
        if line.strip():
            assert normalise(line) in text, f"{url} lacks the line {line!r} of {template_id}"
    if template.subject:
        assert template.subject in text


@pytest.mark.build
def test_message_bodies_keep_their_line_breaks(site: Site) -> None:
    html = site.html("/follow-up/")
    body = re.search(r'<div class="cg-message__body" data-cg-part="body">(.*?)</div>', html, re.S)
    assert body and "\n\nThank you again" in body.group(1)


@pytest.mark.build
def test_research_page_lists_every_family_and_role(site: Site, guide: Guide) -> None:
    text = site.text("/prepare/research/")
    for family in guide.families:
        assert family.name in text
        for role in family.roles:
            assert role.title in text


@pytest.mark.build
def test_goals_page_shows_development_requests_from_the_data(site: Site, guide: Guide) -> None:
    text = site.text("/prepare/goals/")
    for family in guide.families:
        first_request = family.roles[0].development[0]
        assert normalise(first_request) in text


@pytest.mark.unit
@pytest.mark.parametrize("path", sorted((PROJECT / "docs").rglob("*.md")), ids=lambda path: path.relative_to(PROJECT / "docs").as_posix())
def test_a_chapter_goes_through_jinja_only_when_it_calls_a_macro(path: Path) -> None:
    # Jinja compiles every page that asks for it: the ones that call no macro
    # would pay for nothing, and a macro in a page that does not ask is printed
    # as written.
    source = path.read_text(encoding="utf-8")
    asks = source.startswith("---\n") and "\nrender_macros: true\n" in source.split("\n---\n", 1)[0] + "\n"
    calls = bool(re.search(r"\{\{|\{%", source))
    assert asks == calls


@pytest.mark.build
def test_navigation_follows_the_conversation(site: Site) -> None:
    html = site.html("/")
    navigation = sidebar(html)
    order = ["The conversation", "Prepare", "The meeting", "Follow up"]
    positions = [navigation.find(label) for label in order]
    assert all(position > 0 for position in positions)
    assert positions == sorted(positions)


@pytest.mark.build
def test_search_index_is_built(site: Site) -> None:
    index = (site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "informational interview" in index


@pytest.mark.build
def test_no_third_party_assets_are_referenced(site: Site) -> None:
    for page in site.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page
        # A canonical <link> names the page's own address; it loads nothing.
        loaded = [tag for tag in re.findall(r"<(?:script|link)[^>]*>", html) if 'rel="canonical"' not in tag]
        external = [url for tag in loaded for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', tag)]
        assert not external, f"{page} loads {external}"


@pytest.mark.build
def test_chapters_link_every_role_and_family_they_name(site: Site, guide: Guide) -> None:
    research = site.html("/prepare/research/")
    for family in guide.families:
        assert f'href="../../paths/{family.id}/"' in research, family.id
        for role in family.roles:
            assert f'href="../../roles/{role.id}/"' in research, role.id
    goals = site.html("/prepare/goals/")
    assert 'href="../../plan/"' in goals and 'href="../../paths/"' in goals
    assert re.search(r'class="cg-source">\(<a href="\.\./\.\./roles/[a-z0-9-]+/">', goals), "each example names its role, linked"
    home = site.html("/")
    for target in ("conversation/", "templates/", "worksheets/", "paths/", "competencies/"):
        assert f'href="{target}"' in home, target
    assert 'href="../worksheets/#for-your-role"' in site.html("/prepare/"), "Prepare leads to the role worksheets"


@pytest.mark.build
def test_templates_and_worksheets_are_listed_in_the_order_of_the_conversation(site: Site, guide: Guide) -> None:
    stages = {stage: index for index, stage in enumerate(STAGES)}
    for records, url in ((guide.templates, "/templates/"), (guide.worksheets, "/worksheets/")):
        ranks = [stages.get(record.stage or "", len(STAGES)) for record in records.values()]
        assert ranks == sorted(ranks), url
        html = site.html(url)
        positions = [html.index(f'href="{ident}/"') for ident in records]
        assert positions == sorted(positions), f"{url} lists them in the order of the conversation"


@pytest.mark.build
def test_every_record_a_chapter_names_is_a_link_to_it(site: Site, guide: Guide) -> None:
    named = [(family.name, f"paths/{family.id}/") for family in guide.families]
    named += [(role.title, f"roles/{role.id}/") for role in guide.roles.values()]
    named += [(c.name, f"competencies/{c.id}/") for c in guide.competencies.values()]
    named += [(t.title, f"templates/{t.id}/") for t in guide.templates.values()]
    named += [(w.title, f"worksheets/{w.id}/") for w in guide.worksheets.values()]
    unlinked = []
    for chapter in sorted((PROJECT / "docs").rglob("*.md")):
        relative = chapter.relative_to(PROJECT / "docs").as_posix().removesuffix(".md")
        if relative == "editing":
            continue  # the editors' guide names files, not pages
        url = "/" if relative == "index" else "/" + relative.removesuffix("/index").removesuffix("index") + "/"
        page = site.html(url.replace("//", "/"))
        start = page.index('<article class="md-content__inner md-typeset">')
        article = page[start : page.index("</article>", start)]
        # The words outside links: a name inside a longer linked name (a family's in its roles') is not unlinked.
        text = normalise(re.sub(r"<[^>]+>", " ", re.sub(r"<a [^>]*>.*?</a>", " ", article, flags=re.S)))
        for name, target in named:
            if re.search(rf"\b{re.escape(name)}\b", text) and not re.search(rf'href="[./]*{re.escape(target)}"', article):
                unlinked.append(f"{url}: {name}")
    assert unlinked == [], unlinked
