"""The macro calls of the hand-written chapters in docs/, read without rendering them.

A chapter names the data it shows by id (`{{ message("thank-you") }}`): these
calls are what the chapters need of the data, checked by chapter_needs and
listed for editors by the `chapter_needs_table` macro.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from jinja2 import nodes

from ..model.errors import DataProblem

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_RENDERS = re.compile(r"^render_macros:\s*true\s*$", re.MULTILINE)


class ChapterCall(NamedTuple):
    """One macro call in a chapter, with its arguments when they are written out."""

    path: str
    """The chapter, from the project's root (`docs/meeting/topics.md`)."""
    line: int
    name: str
    arguments: tuple[Any, ...] | None
    """The arguments, or None when one of them is not a plain value (then the call cannot be tried ahead)."""

    def __str__(self) -> str:
        shown = ", ".join(map(repr, self.arguments or ()))
        return f"{self.name}({shown})".replace("'", '"')


def _renders_macros(source: str) -> bool:
    """Whether the chapter goes through Jinja (mkdocs.yml's macros plugin renders only chapters that ask)."""
    front = _FRONT_MATTER.match(source)
    return bool(front and _RENDERS.search(front.group(1)))


def chapter_calls(docs_dir: Path) -> Iterator[ChapterCall | DataProblem]:
    """Every macro call of every chapter that renders macros, in file and line order; a chapter Jinja cannot read is a problem."""
    parser = jinja2.Environment()
    for path in sorted(docs_dir.rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        if not _renders_macros(source):
            continue
        where = (Path(docs_dir.name) / path.relative_to(docs_dir)).as_posix()
        try:
            tree = parser.parse(source)
        except jinja2.TemplateSyntaxError as error:
            yield DataProblem(where, error.lineno, f"the page's {{{{ ... }}}} cannot be read: {error.message}")
            continue
        for call in tree.find_all(nodes.Call):
            if not isinstance(call.node, nodes.Name):
                continue
            values = [argument.value for argument in call.args if isinstance(argument, nodes.Const)]
            plain = len(values) == len(call.args) and not call.kwargs and not call.dyn_args and not call.dyn_kwargs
            yield ChapterCall(where, call.lineno, call.node.name, tuple(values) if plain else None)


def chapter_needs(docs_dir: Path) -> list[ChapterCall]:
    """The calls of the chapters that name data, for the editors' guide: what each chapter needs."""
    return [call for call in chapter_calls(docs_dir) if isinstance(call, ChapterCall) and call.arguments]
