"""Problems as GitHub Actions annotations, for `make check FORMAT=github`.

A line `::error file=data/roles.yml,line=12::message` in a workflow's output is
not shown as text: GitHub puts the message on line 12 of that file in the pull
request's changed files, where the person who made the change sees it.
"""

from __future__ import annotations

import re
from typing import Literal

Level = Literal["error", "warning"]

_IN_FILE = re.compile(r"(?P<path>[^:\r\n]+):(?P<line>[0-9]+): (?P<message>.*)", re.DOTALL)
"""`path:LINE: message`. A path holds no colon, so a message that does cannot shift the split."""


def annotation(problem: str, *, level: Level = "error") -> str:
    """One problem as a workflow command of `level`.

    `problem` is a line as the check prints it: `data/file.yml:LINE: message`,
    or a workbook's `Sheet!CELL: message`, which names no file of the repository
    and so becomes an annotation of the run as a whole.
    """
    located = _IN_FILE.fullmatch(problem)
    if located is None:
        return f"::{level}::{_data(problem)}"
    message = located["message"].removeprefix(f"{level}: ")  # the annotation's kind says it already
    return f"::{level} file={_property(located['path'])},line={located['line']}::{_data(message)}"


def _data(text: str) -> str:
    """Escaped as GitHub's own toolkit escapes a command's message: a line break would end the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escaped as GitHub's toolkit escapes a property, where `:` and `,` separate properties."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
