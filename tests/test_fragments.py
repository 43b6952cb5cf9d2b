"""Headings, links and once-laid-out fragments: the Python pieces the page templates write most."""

from __future__ import annotations

import pytest

from macros.rendering.environment import environment
from macros.rendering.toc import PageHeadings

pytestmark = pytest.mark.unit


def _render(source: str, **context: object) -> str:
    env = environment()
    prelude = '{% from "career-guide/macros.html" import h, link, competency_link with context %}'
    return env.from_string(prelude + source).render(**context)


def test_a_heading_has_its_id_permalink_and_escaped_text_and_enters_the_table_of_contents() -> None:
    headings = PageHeadings()
    html = _render('{{ h(2, title) }}{{ h(2, title, "heading") }}', headings=headings, page_url="roles/a/", title="Pay & <grades>")
    assert html == (
        '<h2 id="pay-grades">Pay &amp; &lt;grades&gt;<a class="headerlink" href="#pay-grades" title="Permanent link">&para;</a></h2>'
        '<h2 data-cg-export="heading" id="pay-grades_1">Pay &amp; &lt;grades&gt;'
        '<a class="headerlink" href="#pay-grades_1" title="Permanent link">&para;</a></h2>'
    )
    assert [token["id"] for token in headings.tokens()] == ["pay-grades", "pay-grades_1"]


def test_a_link_is_relative_to_the_page_and_its_label_is_text() -> None:
    html = _render("{{ link(role_url('lead'), label) }}", page_url="families/engineering/", label='<script>alert("x")</script>')
    assert html == '<a href="../../roles/lead/">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</a>'


def test_a_fragment_marked_once_is_laid_out_for_the_first_page_only() -> None:
    env = environment()
    made: list[str] = []
    page = env.from_string('{% call once("card") %}<p>{{ make(page_url) }}</p>{% endcall %}')
    first = page.render(page_url="roles/a/worksheet/", make=lambda url: made.append(url) or "card")
    again = page.render(page_url="roles/b/worksheet/", make=lambda url: made.append(url) or "card")
    assert first == again == "<p>card</p>"
    assert made == ["roles/a/worksheet/"]
    assert environment().from_string('{% call once("card") %}new{% endcall %}').render() == "new", "each build starts afresh"
