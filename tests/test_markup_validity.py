"""Every built page is valid HTML by the Nu HTML Checker, apart from two errors of stock Material."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import pytest
from helpers import PROJECT, Site

pytestmark = pytest.mark.build

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
"""The Nu HTML Checker, pinned in package-lock.json and installed by `make test`."""


class Tolerated(NamedTuple):
    """An error that stock mkdocs-material makes on every page, and why it is harmless."""

    message: str
    markup: str  # what the offending element contains, so only Material's own element is excused
    reason: str


TOLERATED = [
    Tolerated(
        "Attribute “autocomplete” is only allowed when the input type is",
        'class="md-toggle"',
        "Material's drawer and search toggles are checkboxes with autocomplete=off, so that Firefox does not "
        "restore an open drawer after a reload; browsers ignore the attribute otherwise.",
    ),
    Tolerated(
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        'for="__toc"',
        "Material's table of contents always labels the `__toc` toggle, which its navigation renders only for a "
        "page that has its own entry, not for a section's index page; the label then does nothing.",
    ),
]


class Problem(NamedTuple):
    page: str
    line: int
    message: str
    extract: str

    def tolerated(self) -> bool:
        return any(self.message.startswith(t.message) and t.markup in self.extract for t in TOLERATED)

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message} ({' '.join(self.extract.split())[:120]})"


def nu_errors(root: Path) -> list[Problem]:
    """Every error the Nu HTML Checker finds in the HTML files under `root`."""
    java = shutil.which("java")
    assert java, "Java is missing: run `make test`, which installs it"
    assert VNU.is_file(), f"{VNU} is missing: run `make test`, which installs it with npm"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(root)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr)
    return [
        Problem(
            message["url"].removeprefix("file:").removeprefix(str(root)),
            message.get("lastLine", 0),
            message["message"],
            message.get("extract", ""),
        )
        for message in report["messages"]
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


def test_every_page_is_valid_html(site: Site) -> None:
    problems = [problem for problem in nu_errors(site.root) if not problem.tolerated()]
    assert not problems, f"{len(problems)} errors:\n" + "\n".join(map(str, problems[:40]))


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            '<label class="md-nav__link" for="x" aria-label="Section"></label><input id="x" type="checkbox">',
            "“aria-label” attribute must not be used on any “label” element",
        ),
        ('<input class="toggle" type="checkbox" autocomplete="off">', "“autocomplete” is only allowed"),
    ],
)
def test_the_checker_reports_what_the_project_would_cause(tmp_path: Path, markup: str, expected: str) -> None:
    """The check above can fail: the sidebar's old ARIA mistake, or Material's error outside Material's element."""
    (tmp_path / "index.html").write_text(
        f'<!doctype html><html lang="en"><head><title>t</title></head><body>{markup}</body></html>', encoding="utf-8"
    )
    problems = [problem for problem in nu_errors(tmp_path) if not problem.tolerated()]
    assert any(expected in problem.message for problem in problems), problems
