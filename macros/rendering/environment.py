"""The Jinja environment that lays out every generated page and chapter fragment.

Templates live in `macros/rendering/templates/career-guide/`; a site overrides one by
putting a file of the same name under its theme's `custom_dir` (for example
`overrides/career-guide/role.html`). Autoescaping is on, so every value from YAML
is text unless a filter below has already made it safe HTML:

- `prose` / `prose_inline`: Markdown prose through the one sanitising converter.

Pages are finished HTML: MkDocs does not run them through Markdown. Their
headings go through the `h` macro (macros.html), which gives each the id,
permanent link and table-of-contents entry Markdown would have given it.

Data is passed to templates as values, never as template source.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markdown.extensions.toc import slugify
from markupsafe import Markup

from ..model import urls
from ..model.career_moves import MOVE_LABELS
from . import fragments
from .browser_contract import PLAN_BLANKS
from .markup import prose, prose_inline
from .views import (
    KIND_LABELS,
    PERSON_FIELDS,
    blank_name,
    entry_lists,
    is_optional,
    mailto,
    message_lines,
    multiline_blanks,
    prose_blanks,
    question_groups,
    split_placeholders,
    track_columns,
)

TEMPLATE_FOLDER = "career-guide"
"""Where the guide's templates sit, in the package and in a site's custom_dir."""


def _safe(function: Callable[[str], str]) -> Callable[[str], Markup]:
    """A filter whose result is already safe HTML (it escapes or sanitises itself)."""
    return lambda value: Markup(function(value))


def environment(custom_dir: Path | None = None) -> jinja2.Environment:
    """The guide's templates, with a site's own versions (in `custom_dir`/career-guide/) taking precedence."""
    loaders: list[jinja2.BaseLoader] = []
    if custom_dir is not None:
        loaders.append(jinja2.FileSystemLoader(custom_dir))
    loaders.append(jinja2.PackageLoader("macros.rendering", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # One environment serves one build (a preview's rebuild makes a new one):
        # a template is not looked for on disk again each time a page uses it.
        auto_reload=False,
        # Compiled templates are kept in the system's temporary folder, keyed by
        # each template's source: a build does not compile them again, about
        # 60 ms at any size of data, and an edited template is compiled anew.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
    env.filters.update(
        prose=_safe(prose),
        prose_inline=_safe(prose_inline),
        slug=lambda value: slugify(value, "-"),
    )
    # "[Other Topic (optional)]" is a blank readers may leave empty.
    env.tests["optional_blank"] = is_optional
    env.globals.update(
        href=fragments.href,
        heading=fragments.heading,
        page_link=fragments.link,
        competency_page_link=fragments.competency_link,
        once=fragments.Once(),
        role_url=urls.role_url,
        role_worksheet_url=urls.role_worksheet_url,
        family_url=urls.family_url,
        competency_url=urls.competency_url,
        template_url=urls.template_url,
        worksheet_url=urls.worksheet_url,
        plan_url=urls.PLAN_URL,
        competencies_url=urls.COMPETENCIES_URL,
        plan_blanks=PLAN_BLANKS,
        kind_labels=KIND_LABELS,
        move_labels=MOVE_LABELS,
        person_fields=PERSON_FIELDS,
        question_groups=question_groups,
        track_columns=track_columns,
        split_placeholders=split_placeholders,
        prose_blanks=prose_blanks,
        blank_name=blank_name,
        message_lines=message_lines,
        entry_lists=entry_lists,
        multiline_blanks=multiline_blanks,
        mailto=mailto,
    )
    return env


PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"


def is_guide_template(env: jinja2.Environment, name: str) -> bool:
    """Whether layout `name` is the guide's own, not a site's version from its custom_dir."""
    filename = env.get_template(f"{TEMPLATE_FOLDER}/{name}").filename
    return filename is not None and Path(filename).resolve().is_relative_to(PACKAGE_TEMPLATES)


def render(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Template `name` (in TEMPLATE_FOLDER) rendered with `context`."""
    return env.get_template(f"{TEMPLATE_FOLDER}/{name}").render(**context)
