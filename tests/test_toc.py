"""Generated pages number their headings as Python-Markdown would, for the same ids and table of contents."""

from __future__ import annotations

import html

import markdown
import pytest

from macros.rendering.toc import PageHeadings

pytestmark = pytest.mark.unit

HEADINGS = [
    (1, "Senior Software Engineer"),
    (2, "Skills"),
    (3, "Step up: Staff Engineer"),
    (3, "Step up: Staff Engineer"),
    (2, 'R&D <lab> & "quotes"'),
    (2, "Žlutý kůň: café"),
    (2, "!!!"),
    (2, "!!!"),
    (4, "Deeper, after a skipped level"),
    (2, "Skills"),
]


def _markdown_toc(headings: list[tuple[int, str]]) -> list[dict[str, object]]:
    """What Python-Markdown's toc extension makes of the same headings, written as Markdown."""
    md = markdown.Markdown(extensions=["toc"])
    source = "\n\n".join(f"{'#' * level} {html.escape(text, quote=False)}" for level, text in headings)
    md.convert(source)
    tokens: list[dict[str, object]] = md.toc_tokens  # type: ignore[attr-defined]
    return tokens


def test_ids_and_nesting_are_those_of_python_markdown() -> None:
    headings = PageHeadings()
    ids = [headings.add(level, text) for level, text in HEADINGS]
    expected = _markdown_toc(HEADINGS)

    def flatten(tokens: list[dict[str, object]]) -> list[tuple[object, ...]]:
        return [
            item
            for token in tokens
            for item in [(token["level"], token["id"], token["name"]), *flatten(token["children"])]  # type: ignore[arg-type]
        ]

    assert flatten(headings.tokens()) == flatten(expected)
    assert ids == [token_id for _, token_id, _ in flatten(expected)]
    assert headings.title == "Senior Software Engineer"


def test_a_page_without_a_first_level_heading_has_no_title() -> None:
    headings = PageHeadings()
    headings.add(2, "Only a section")
    assert headings.title is None
