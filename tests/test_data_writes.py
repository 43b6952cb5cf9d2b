"""Changes made by `make import` and `make rename` are checked on a copy, then written whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import PROJECT, SAMPLE_DATA

from macros.commands.data_writes import problems_after, write_all

pytestmark = pytest.mark.unit


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    shutil.copytree(PROJECT / "data" / "schema", data / "schema", dirs_exist_ok=True)
    return data


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_bad_change_is_reported_at_its_file_and_line_and_the_data_is_untouched(data_dir: Path) -> None:
    before = _snapshot(data_dir)
    company = data_dir / "company.yml"
    lines = company.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.append("unknown_setting: true\n")

    problems = problems_after(data_dir, {company: "".join(lines)})

    assert [(problem.path, problem.line) for problem in problems] == [("data/company.yml", len(lines))]
    assert "unknown_setting" in problems[0].message
    assert _snapshot(data_dir) == before


def test_a_good_change_has_no_problems_and_texts_outside_the_data_are_not_checked(data_dir: Path, tmp_path: Path) -> None:
    chapter = tmp_path / "docs" / "chapter.md"
    assert problems_after(data_dir, {chapter: "{{ not data }}"}) == []


def test_a_moved_file_is_checked_at_its_new_place(data_dir: Path) -> None:
    family = next((data_dir / "career_paths").glob("*.yml"))
    problems = problems_after(data_dir, {}, {family: family.with_name("elsewhere.yml")})
    assert [problem.path for problem in problems] == ["data/career_paths/elsewhere.yml"]
    assert "does not match the file name" in problems[0].message


def test_every_file_gets_its_new_text_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    first, second, moved = tmp_path / "a.yml", tmp_path / "b.yml", tmp_path / "c.yml"
    for path in (first, second):
        path.write_text("old: 1\n", encoding="utf-8")

    write_all({first: "new: 1\n", second: "new: 2\n"}, {second: moved})

    assert first.read_text(encoding="utf-8") == "new: 1\n"
    assert moved.read_text(encoding="utf-8") == "new: 2\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.yml", "c.yml"]
