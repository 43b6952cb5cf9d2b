"""`python -m macros.commands.check`: validate all data without building the site.

Besides what a build checks of the data, links in prose to an address from the
site's root (/prepare/agenda/) must lead to a page of the guide or a file under
docs/ (the data folder's neighbour); the build also checks every other link
and anchor once the pages are made. Reviews past their date are warned about.

`--format github` (`make check FORMAT=github`) also prints each problem and
warning as a GitHub Actions annotation, shown on its line in a pull request.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..loading import load_guide
from ..model.errors import DataError
from ..model.health import overdue_warnings
from ..pages.catalogue import page_urls
from ..pages.links import docs_addresses, unknown_search_pages, unresolved_root_links
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
        if problems := unresolved_root_links(guide, docs) + search_pages:
            raise DataError(problems)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        if annotate:
            print("\n".join(annotation(str(problem)) for problem in error.problems))
        return 1
    # Overdue reviews are reported, but the data is still valid: they never fail a check or a build.
    for warning in overdue_warnings(guide, datetime.date.today()):
        print(warning, file=sys.stderr)
        if annotate:
            print(annotation(str(warning), level="warning"))
    print(
        f"OK: {len(guide.roles)} roles in {len(guide.families)} families, "
        f"{len(guide.competencies)} competencies, {len(guide.questions)} questions in "
        f"{len(guide.banks)} banks, {len(guide.templates)} templates, {len(guide.worksheets)} worksheets"
    )
    return 0


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
