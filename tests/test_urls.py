"""Links between generated pages: the fast relative-link arithmetic matches posixpath."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from macros.model.urls import relative

pytestmark = pytest.mark.unit

URLS = [
    "",
    "paths/",
    "paths/engineering/",
    "roles/staff-engineer/",
    "roles/staff-engineer/worksheet/",
    "roles/staff/",
    "templates/agenda/",
    "worksheets/",
    "prepare/self-assessment/",
]


def reference(from_url: str, to_url: str) -> str:
    link = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if link == "." else f"{link}/"


def test_relative_links_match_posixpath_for_every_pair() -> None:
    for from_url, to_url in itertools.product(URLS, repeat=2):
        assert relative(from_url, to_url) == reference(from_url, to_url), (from_url, to_url)


def test_relative_links_examples() -> None:
    assert relative("roles/staff-engineer/", "roles/staff-engineer/worksheet/") == "worksheet/"
    assert relative("roles/staff-engineer/worksheet/", "paths/") == "../../../paths/"
    assert relative("paths/engineering/", "paths/engineering/") == "./"
    assert relative("", "roles/x/") == "roles/x/"
