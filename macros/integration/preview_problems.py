"""While previewing (`make serve`), data problems are shown in the browser, over the page.

A save that `make check` would reject leaves the preview on the last good
data; a preview started on broken data starts on an empty guide. Either way
every page carries a panel listing the problems (file:line and message),
until a save fixes them. A build (`make build`) never gets here: it stops.
"""

from __future__ import annotations

import html
from types import MappingProxyType

from ..model.errors import DataProblem
from ..model.guide import Company, Guide, Origin

PANEL_ID = "cg-preview-problems"


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


def problems_panel(problems: list[DataProblem], keeping_last_good: bool) -> str:
    """The panel shown over every previewed page while the data has problems."""
    items = "".join(f"<li><code>{html.escape(f'{p.path}:{p.line}')}</code>: {html.escape(p.message)}</li>" for p in problems)
    count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
    showing = "This preview shows the last data that loaded." if keeping_last_good else "This preview shows no data until they are fixed."
    # Laid out by the site's stylesheet (guide.css), like every part of the guide: no style attributes.
    return (
        f'<div id="{PANEL_ID}" role="alert">'
        f'<p class="{PANEL_ID}__summary">The guide\'s data has {count}. {showing} Save a fix and this page reloads.</p>'
        f'<ul class="{PANEL_ID}__list">{items}</ul></div>'
    )


def with_panel(output: str, panel: str) -> str:
    """`output` (a whole page) with `panel` at the end of its body."""
    end = output.rfind("</body>")
    return output + panel if end < 0 else output[:end] + panel + output[end:]
