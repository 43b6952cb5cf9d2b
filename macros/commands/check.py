"""`python -m macros.commands.check`: validate all data without building the site.

Besides what a build checks of the data, links in prose to an address from the
site's root (/prepare/agenda/) must lead to a page of the guide or a file under
docs/ (the data folder's neighbour); the build also checks every other link
and anchor once the pages are made. Reviews past their date are warned about,
and so are opportunities whose last day has passed (the site leaves them out)
and a guide that would be published at the example company's address, and
questions with a [blank] in them, which employees cannot fill in.

`--format github` (`make check FORMAT=github`) also prints each problem and
warning as a GitHub Actions annotation, shown on its line in a pull request.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from ..integration.chapter_needs import chapter_problems
from ..loading import load_guide
from ..model.errors import DataError, DataProblem
from ..model.guide import Guide
from ..model.health import ended_warnings, overdue_warnings
from ..model.site_address import example_address_warning, published_address
from ..pages.catalogue import page_urls
from ..pages.links import docs_addresses, unknown_search_pages, unresolved_root_links
from ..rendering.views import question_blanks
from .github_annotations import annotation


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    data_dir: Path = arguments.data_dir
    # GitHub reads annotations from the standard output; the plain report stays as it is.
    annotate = arguments.format == "github"
    try:
        guide = load_guide(data_dir)
        docs_dir = data_dir.parent / "docs"
        docs = docs_addresses(docs_dir)
        # Without the chapters beside the data, which pages search words may name is unknown: the build checks them.
        search_pages = unknown_search_pages(guide, page_urls(guide) | docs) if docs_dir.is_dir() else []
        # What the chapters show of the data: a renamed or removed template, worksheet or bank they name.
        chapters = chapter_problems(guide, docs_dir) if docs_dir.is_dir() else []
        if problems := unresolved_root_links(guide, docs) + search_pages + chapters:
            raise DataError(problems)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        if annotate:
            print("\n".join(annotation(str(problem)) for problem in error.problems))
        return 1
    # Overdue reviews, ended opportunities, the example company's address and blanks in questions are
    # reported, but the data is still valid: they never fail a check or a build.
    today = datetime.date.today()
    address = published_address(guide.company, os.environ.get("SITE_URL"), _configured_address(data_dir.parent / "mkdocs.yml"))
    address_warning = example_address_warning(guide.company, address)
    warnings = [*([address_warning] if address_warning else []), *overdue_warnings(guide, today), *ended_warnings(guide, today)]
    for warning in [*warnings, *question_blank_warnings(guide)]:
        print(warning, file=sys.stderr)
        if annotate:
            print(annotation(str(warning), level="warning"))
    print(
        f"OK: {len(guide.roles)} roles in {len(guide.families)} families, "
        f"{len(guide.competencies)} competencies, {len(guide.questions)} questions in "
        f"{len(guide.banks)} banks, {len(guide.templates)} templates, {len(guide.worksheets)} worksheets"
    )
    return 0


def question_blank_warnings(guide: Guide) -> list[DataProblem]:
    """One warning per question with a [blank]: a question is read, not filled in, so employees cannot fill it.

    (The pages still show it as a blank, with what the reader typed under its name elsewhere.)"""
    return [
        DataProblem(
            question.origin.path,
            question.origin.line,
            f"warning: question '{question.id}' has {'the blank' if len(blanks) == 1 else 'the blanks'} {', '.join(blanks)}, "
            "which employees cannot fill in on a question: reword it so that it needs none "
            '(e.g. "the skill I most want to develop" instead of "[skill]")',
        )
        for question in guide.questions.values()
        if (blanks := question_blanks(question.text))
    ]


def _configured_address(mkdocs_yml: Path) -> str | None:
    """The site's own `site_url` (mkdocs.yml beside data/, read as MkDocs reads it); None without one."""
    try:
        with mkdocs_yml.open("rb") as file:
            site_url = yaml_load(file).get("site_url")
    except (OSError, ConfigurationError):
        return None  # a mkdocs.yml that cannot be read is the build's to report
    return site_url if isinstance(site_url, str) else None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="make check", description="Check the guide's data without building the site.")
    parser.add_argument("data_dir", nargs="?", default=Path("data"), type=Path, help="the data folder (data)")
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: also print each problem as a GitHub Actions annotation",
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
