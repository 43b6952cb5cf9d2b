"""The company's brand (data/company.yml `brand`): a colour people can read, a logo browsers can show.

The schema has already checked the form of both (a "#rrggbb" colour, an image's
path ending in .svg, .png, .jpg, .jpeg or .webp). What is left needs more than
a pattern: the colour's contrast where Material uses it, and the logo's file.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from ..model.colours import AA_TEXT, light_scheme_shortfall, ratio_text
from ..model.guide import Brand
from .problems import Problems, line_of

UNPUBLISHED = "templates"
"""A folder of docs/ MkDocs leaves out of the site by default (its `exclude_docs`), as it does hidden ones."""


def brand(path: str, record: Any, docs_dir: Path | None, problems: Problems) -> Brand:
    """The brand written in `record` (the `brand:` group of the file `path`), its problems added to `problems`.

    `docs_dir` is where the logo is looked for, as any image of the site;
    None when there is no docs/ folder to look in (the logo is then not checked)."""
    if not record:
        return Brand()
    colour = record["colour"].lower() if record.get("colour") else None
    if colour and (shortfall := light_scheme_shortfall(colour)) is not None:
        problems.add(
            path,
            line_of(record, "colour"),
            f"the colour {colour} gives {' and '.join(shortfall.uses)} a contrast of {ratio_text(shortfall.ratio)} "
            f"(WCAG AA needs {ratio_text(AA_TEXT)}): use {shortfall.suggestion} or darker",
        )
    logo = record.get("logo")
    if logo and (problem := _logo_problem(logo, docs_dir)):
        problems.add(path, line_of(record, "logo"), problem)
    return Brand(colour=colour, logo=logo)


def _logo_problem(logo: str, docs_dir: Path | None) -> str | None:
    parts = PurePosixPath(logo).parts
    if ".." in parts:
        return f"the logo '{logo}' is outside the docs/ folder: put the image inside it, e.g. in docs/images/, and write images/logo.svg"
    if parts[0] == UNPUBLISHED or any(part.startswith(".") for part in parts):
        return (
            f"the logo '{logo}' would not be published: MkDocs leaves out docs/{UNPUBLISHED}/ and hidden folders and files; "
            "move the image, e.g. to docs/images/"
        )
    if docs_dir is not None and not (docs_dir / logo).is_file():
        return (
            f"the logo file {docs_dir.name}/{logo} does not exist: the logo's path is written from the {docs_dir.name}/ folder "
            f"(images/logo.svg is {docs_dir.name}/images/logo.svg); put the image there or correct the path"
        )
    return None
