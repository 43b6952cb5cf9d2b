"""Prose from YAML: the shortcut for plain paragraphs gives exactly what Markdown gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from helpers import PROJECT

from macros.rendering.markup import convert_markdown, is_plain_paragraph, markdown_to_html

pytestmark = pytest.mark.unit

PLAIN_LOOKING = [
    "Ask what the next level looks like.",
    "A < b and c > d, \"quoted\" and 'single'.",
    "Numbers: 2024 was a good year; 3 of 4 goals met.",
    "Follow-up in 2-3 weeks (or sooner)!",
    "E-mail: hr@brightwell.example, see https://careers.brightwell.example/",
    "Trailing spaces   ",
    "Ünïcode — dashes… and emoji 🙂",
    "a + b = c # not a heading",
    "1990s: the 1.5x rule",
    "Two  spaces",
    "Based on my goal to [your goal], which skills should I develop?",
    "[Manager's name], thank you.",
    "Practise [skill] in [area]. Then ask [who]? Yes []!",
]
MARKDOWN = [
    "> a quote",
    "See <https://example.com/>.",
    "*emphasis*",
    "a _b_ c",
    "`code`",
    "[link](https://x.example)",
    "line\nbreak",
    "- item",
    "+ item",
    "1. first",
    "2) second",
    "# heading",
    "    indented code",
    "a \\* b",
    "AT&amp;T",
    "Tabs\tinside",
    " leading space",
    "",
]
# Brackets that may be (or just look like) a link, an image or a reference take
# the converter; only placeholders such as "[your goal]" are plain.
LINK_LIKE = [
    "[a](https://x.example)",
    "[a] (b)",
    "Use [x] (or not)",
    "[a][b]",
    "[a] [b]",
    "![img](x.png)",
    "[a]: https://x.example",
    "x [a]:b",
    "[[nested]]",
    "a ] b",
    "[open",
]


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def data_strings() -> list[str]:
    found: set[str] = set()
    for path in sorted((PROJECT / "data").rglob("*.yml")):
        found.update(strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return sorted(found)


@pytest.mark.parametrize("value", PLAIN_LOOKING)
def test_plain_text_takes_the_shortcut_with_the_same_result(value: str) -> None:
    assert is_plain_paragraph(value)
    assert markdown_to_html(value) == convert_markdown(value)


@pytest.mark.parametrize("value", MARKDOWN + LINK_LIKE)
def test_text_with_markdown_is_converted(value: str) -> None:
    assert not is_plain_paragraph(value)
    assert markdown_to_html(value) == convert_markdown(value)


def test_every_text_in_the_data_renders_as_markdown_would() -> None:
    texts = data_strings()
    shortcut = [value for value in texts if is_plain_paragraph(value)]
    assert len(shortcut) > len(texts) / 2  # the shortcut is the common case
    for value in texts:
        assert markdown_to_html(value) == convert_markdown(value), value
