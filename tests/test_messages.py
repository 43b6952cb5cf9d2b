"""How a message template's text is read: blanks that take several lines, and list lines readers repeat."""

from __future__ import annotations

import pytest

from macros.model.guide import Origin, Template
from macros.rendering.views import entry_lists, message_lines, multiline_blanks

pytestmark = pytest.mark.unit

AGENDA = """Agenda: [Your Name] and [Manager's Name]
Date: [Meeting Date]

  2. Where I would like to go
     My long-term interests: [Career Interests].
     I would like [Thing] soon.

Also on my mind:
- [Other Topic]"""

THANK_YOU = """To recap:
- I will [My Action] by [Date].
- You will [Manager's Action] by [Date for Manager].
* Or [Something Else]
-no space [Not A List]"""


def _template(body: str, kind: str) -> Template:
    return Template("t", "T", kind, "Any time.", None, body, Origin("data/templates/t.yml", 1))


def test_in_an_agenda_a_talking_point_that_ends_its_line_takes_several_lines() -> None:
    assert multiline_blanks(_template(AGENDA, "agenda")) == {"Career Interests"}
    indents = {piece.slot: piece.indent for line in message_lines(AGENDA, "agenda") for piece in line.pieces if piece.slot}
    assert indents["Career Interests"] == 5  # its next lines start under the item's text
    assert indents["Your Name"] is None and indents["Meeting Date"] is None  # names and dates fit on a line
    assert indents["Thing"] is None  # text follows it on its line


def test_messages_other_than_agendas_keep_every_blank_on_one_line() -> None:
    assert multiline_blanks(_template(AGENDA, "email")) == set()


def test_a_bulleted_line_with_blanks_is_a_list_readers_make_as_long_as_they_need() -> None:
    lists = entry_lists(_template(THANK_YOU, "email"))
    assert [(entries.key, entries.line, entries.blanks) for entries in lists] == [
        ("My Action", "I will [My Action] by [Date].", ("My Action", "Date")),
        ("Manager's Action", "You will [Manager's Action] by [Date for Manager].", ("Manager's Action", "Date for Manager")),
        ("Something Else", "Or [Something Else]", ("Something Else",)),
    ]
    assert entry_lists(_template(AGENDA, "agenda"))[0].key == "Other Topic"


def test_the_lines_of_a_message_are_its_text_exactly() -> None:
    for body in (AGENDA, THANK_YOU):
        lines = message_lines(body, "agenda")
        assert "\n".join("".join(piece.text for piece in line.pieces) for line in lines) == body
