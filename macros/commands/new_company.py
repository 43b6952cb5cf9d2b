"""`make new-company NAME="Northwind Logistics"`: replace the example company's data with a small starter set.

The starter (examples/starter/data/) is a neutral company: one job family of
three roles, a four-step scale, question banks that name no role, and the
templates and worksheets the chapters show. Every file of data/ but its
schemas is replaced by the starter's, with NAME as the company's name and in
the guide's title. The result is checked before anything is written.

Replacing data/ is undone only from Git: the command refuses when data/ is not
in a Git repository or has changes not yet committed, unless told `--force`
(`FORCE=1`).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from ..loading import load_guide
from ..model.errors import DataError

STARTER = Path("examples") / "starter" / "data"
"""The starter set, from the project's folder."""
KEPT = "schema"
"""What of data/ is the project's rather than the company's: the schemas stay."""
EXAMPLE = 'make new-company NAME="Northwind Logistics"'


class Refused(Exception):
    """What stops the command, in a sentence for the person who ran it."""


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        name = company_name(arguments.name)
        if not arguments.force:
            ensure_committed(arguments.data_dir)
        summary = new_company(name, arguments.data_dir, arguments.starter)
    except Refused as refusal:
        print(f"make new-company: {refusal}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"make new-company: {error.filename}: {error.strerror}", file=sys.stderr)
        return 1
    print(f"{summary}\nNext: make check, then make serve to look at it. The example company stays in examples/ to copy from.")
    return 0


def company_name(typed: str) -> str:
    """The company's name as typed, or Refused saying what to type instead."""
    name = typed.strip()
    if not name:
        raise Refused(f"NAME is empty: give the company's name, for example {EXAMPLE}")
    if re.search(r"[<>\x00-\x1f\x7f]", name):
        raise Refused(f"NAME '{name}' holds < or > or a line break: write the name as plain text, for example {EXAMPLE}")
    return name


def ensure_committed(data_dir: Path) -> None:
    """Refused unless every file of `data_dir` is as Git last committed it, so that what is replaced can be got back."""
    folder, force = f"{data_dir.as_posix()}/", "add FORCE=1 to the command to replace"
    try:
        status = subprocess.run(
            ["git", "status", "--porcelain", "--", data_dir.name], cwd=data_dir.resolve().parent, capture_output=True, text=True
        )
    except OSError:
        status = None
    if status is None or status.returncode != 0:
        raise Refused(f"{folder} is not in a Git repository, so what it holds could not be got back once replaced: {force} it anyway")
    if changed := [line[3:] for line in status.stdout.splitlines()]:
        listed = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
        raise Refused(f"{folder} has changes not yet committed ({listed}): commit them first, or {force} them anyway")


def new_company(name: str, data_dir: Path, starter: Path = STARTER) -> str:
    """Replace the company's files in `data_dir` with the starter's, named `name`; what it now holds, in a sentence."""
    if not (starter / "company.yml").is_file():
        raise Refused(f"the starter data is missing from {starter.as_posix()}/: restore that folder from the repository")
    schemas = data_dir / KEPT
    if not schemas.is_dir():
        raise Refused(f"{schemas.as_posix()}/ is missing: restore that folder from the repository")
    with tempfile.TemporaryDirectory() as folder:
        # Named as the data folder is, the copy's problems name the files as `make check` would.
        staged = Path(folder) / data_dir.name
        shutil.copytree(starter, staged, ignore=shutil.ignore_patterns(KEPT))
        company = staged / "company.yml"
        company.write_text(named(company.read_text(encoding="utf-8"), name), encoding="utf-8")
        try:
            guide = load_guide(staged, schemas)
        except DataError as error:
            raise Refused(f"the new data would have problems; nothing was replaced:\n{error.report()}") from None
        for entry in data_dir.iterdir():
            if entry.name == KEPT:
                continue
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        shutil.copytree(staged, data_dir, dirs_exist_ok=True)
    families = ", ".join(family.name for family in guide.families)
    return f"{data_dir.as_posix()}/ now holds {guide.company.name}: {len(guide.roles)} roles in the job family {families}."


def named(company_yml: str, name: str) -> str:
    """The text of company.yml with `name` as the company's name and in the guide's title; comments stay."""
    values = {"name": name, "guide_title": f"{name} Career Guide"}
    return re.sub(r"^(name|guide_title):.*$", lambda line: f"{line[1]}: {_scalar(values[line[1]])}", company_yml, flags=re.M)


def _scalar(text: str) -> str:
    """`text` as a YAML value: as written when YAML reads it back unchanged, otherwise quoted."""
    try:
        plain = yaml.safe_load(f"key: {text}") == {"key": text}
    except yaml.YAMLError:
        plain = False
    # JSON's quoted strings are YAML's too.
    return text if plain and "#" not in text else json.dumps(text, ensure_ascii=False)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="make new-company", description="Replace the example company's data with a small starter set.")
    parser.add_argument("name", help="the company's name")
    parser.add_argument("--data-dir", default=Path("data"), type=Path, help="the data folder (data)")
    parser.add_argument("--starter", default=STARTER, type=Path, help=f"the starter data ({STARTER.as_posix()})")
    parser.add_argument("--force", action="store_true", help="replace data/ even when it has changes not yet committed")
    return parser


if __name__ == "__main__":
    sys.exit(main())
