"""How a message template's text is read: blanks that take several lines, list lines readers repeat, optional blanks;
and blanks in questions."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from macros.model.guide import Origin, Template
from macros.rendering.views import (
    blank_name,
    entry_lists,
    mailto,
    message_lines,
    multiline_blanks,
    prose_blanks,
    question_blanks,
    split_placeholders,
    without_empty_optional,
)

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


def test_a_blank_ending_in_optional_is_kept_under_its_name_and_marked_optional() -> None:
    pieces = [piece for piece in split_placeholders("- [Other Topic (optional)] and [Your Name]") if piece.slot]
    assert [(piece.text, piece.slot, piece.optional) for piece in pieces] == [
        ("[Other Topic (optional)]", "Other Topic", True),
        ("[Your Name]", "Your Name", False),
    ]
    assert blank_name("Other Topic (Optional)") == "Other Topic" and blank_name("(optional)") == "(optional)"


def test_an_empty_optional_blank_is_left_out_of_what_is_sent_with_its_line_if_that_is_all_it_holds() -> None:
    agenda = _template(AGENDA.replace("- [Other Topic]", "- [Other Topic (optional)]"), "agenda")
    query = parse_qs(urlparse(mailto(agenda)).query)
    assert query["body"] == [AGENDA.removesuffix("\n- [Other Topic]").replace("\n", "\r\n")]
    assert without_empty_optional("My phone: [Phone (optional)]\nBye") == "My phone:\nBye", "elsewhere, only the blank"
    assert without_empty_optional("Topics:\n  * [A (optional)]\n  2. [B (optional)]\n- [C (optional)] and more") == "Topics:\n- and more"
    assert without_empty_optional(THANK_YOU) == THANK_YOU


def test_a_blank_in_a_question_is_a_piece_of_its_own_and_a_link_is_not_a_blank() -> None:
    pieces = prose_blanks("Could I practise [skill] with *your* team, as [the guide](https://example.com/) says?")
    assert [(str(piece.text), piece.slot) for piece in pieces if piece.slot] == [("[skill]", "skill")]
    html = "".join(str(piece.text) for piece in pieces)
    assert "<em>your</em>" in html and '<a href="https://example.com/"' in html
    assert question_blanks("Ask [Manager's Name] & co?") == ["[Manager's Name]"]
    assert question_blanks("A question with [a link](https://example.com/) only.") == []
