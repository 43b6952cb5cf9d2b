"""While previewing (`make serve`), data problems are shown in the browser, over the page.

A save that `make check` would reject leaves the preview on the last good
data; a preview started on broken data starts on an empty guide. Either way
every page carries a panel listing the problems (file:line and message),
until a save fixes them. A build (`make build`) never gets here: it stops.
"""

from __future__ import annotations

from types import MappingProxyType

import jinja2

from ..model.errors import DataProblem
from ..model.guide import Company, Guide, Origin
from ..rendering.environment import render


def stand_in_guide(data_dir: str) -> Guide:
    """A guide with nothing in it, for a preview started on data that does not load."""
    company = Company("the company", "Career Guide", None, None, None, "", Origin(f"{data_dir}/company.yml", 1))
    return Guide(
        company=company,
        competencies=MappingProxyType({}),
        families=(),
        roles=MappingProxyType({}),
        banks=MappingProxyType({}),
        templates=MappingProxyType({}),
        worksheets=MappingProxyType({}),
    )


def problems_panel(env: jinja2.Environment, problems: list[DataProblem], keeping_last_good: bool) -> str:
    """The panel shown over every previewed page while the data has problems (preview-problems.html)."""
    return render(env, "preview-problems.html", problems=problems, keeping_last_good=keeping_last_good)


def with_panel(output: str, panel: str) -> str:
    """`output` (a whole page) with `panel` at the end of its body."""
    end = output.rfind("</body>")
    return output + panel if end < 0 else output[:end] + panel + output[end:]
