"""What the hand-written chapters need of the data: every macro call in docs/, tried against the guide.

A chapter that shows a message, a worksheet or a bank's questions names them by
id (`{{ message("thank-you") }}`). When HR renames or removes one, the chapter
must say so before anything is built: `make check`, the build and the preview
report each call that the data cannot answer as `docs/file.md:LINE: ...`, with
every problem at once, and never a traceback.

Each call is checked by making it, with the same macros the build registers:
what a chapter needs is whatever those macros look up, with no second list to
keep in step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..model.errors import DataProblem
from ..model.guide import Guide
from ..rendering.environment import environment
from .chapter_calls import chapter_calls
from .chapter_macros import UnknownId, chapter_macros


def chapter_problems(guide: Guide, docs_dir: Path) -> list[DataProblem]:
    """Each call in the chapters that the data cannot answer, as the chapter's file and line."""
    macros: dict[str, Callable[..., Any]] = chapter_macros(guide, environment(), lambda: "")
    problems = []
    for call in chapter_calls(docs_dir):
        if isinstance(call, DataProblem):
            problems.append(call)
            continue
        macro = macros.get(call.name)
        if macro is None:
            known = ", ".join(sorted(macros))
            message = f"the page calls {call.name}(), which the guide does not have (it has: {known})"
            problems.append(DataProblem(call.path, call.line, message))
            continue
        if call.arguments is None:
            continue
        try:
            macro(*call.arguments)
        except UnknownId as missing:
            problems.append(DataProblem(call.path, call.line, f"the page shows {call}, but {missing}"))
        except TypeError:
            problems.append(DataProblem(call.path, call.line, f"the page calls {call} with arguments it does not take"))
    return problems
