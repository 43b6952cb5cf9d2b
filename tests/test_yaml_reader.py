"""The strict YAML reader: line numbers, duplicate keys, aliases, encodings."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from macros.loading.yaml_reader import load_yaml_file

pytestmark = pytest.mark.unit


def load(tmp_path: Path, text: str | bytes) -> tuple[object, list[str]]:
    path = tmp_path / "file.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    content, problems = load_yaml_file(path, "data/file.yml")
    return content, [str(problem) for problem in problems]


def test_values_remember_their_line_and_spelling(tmp_path: Path) -> None:
    content, problems = load(tmp_path, "title: Engineer\nanswer: no\nlist:\n  - a\n  - 10:30\n")
    assert problems == []
    assert content == {"title": "Engineer", "answer": False, "list": ["a", 630]}
    assert content.line_of("answer") == 2  # type: ignore[attr-defined]
    assert content.source_of("answer") == "no"  # type: ignore[attr-defined]
    assert content["list"].line_of(1) == 5  # type: ignore[index]
    assert content["list"].source_of(1) == "10:30"  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", "data/file.yml:3: key 'a' appears twice"),
        ("a:\n\tb: 1\n", "data/file.yml:2: a tab is used for indentation"),
        ("a: [1, 2\nb: 3\n", "data/file.yml:2: YAML syntax error"),
        ('id: x\ntitle: "Open quote\nbody: hello\nother: 2\n', "data/file.yml:2: a quote opens on this line and is never closed"),
        ("id: x\ntitle: 'Open single\nbody: hello\n", "data/file.yml:2: a quote opens on this line and is never closed"),
        ("a: &x [1, 2]\nb: *x\n", "data/file.yml:2: anchors and aliases"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "data/file.yml:3: merge keys (<<) are not supported"),
        ("a: !!python/object/apply:os.system ['true']\n", "data/file.yml:1: tags such as !!python/"),
        ("summary: Leads the team: and more\n", "data/file.yml:1: a colon followed by a space"),
        ("# nothing but a comment\n\n", "data/file.yml:1: the file is empty"),
        ("", "data/file.yml:1: the file is empty"),
    ],
)
def test_malformed_yaml_is_reported_with_its_line(tmp_path: Path, text: str, expected: str) -> None:
    content, problems = load(tmp_path, text)
    assert content is None
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_text_that_is_not_utf8_is_reported_with_its_line(tmp_path: Path) -> None:
    content, problems = load(tmp_path, "a: 1\nb: caf\xe9\n".encode("latin-1"))
    assert content is None
    assert problems == ["data/file.yml:2: the file is not UTF-8 text (byte 0xe9): save it with the UTF-8 encoding"]


def test_billion_laughs_is_rejected_at_once(tmp_path: Path) -> None:
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for index in range(1, 9):
        previous = chr(ord("a") + index - 1)
        name = chr(ord("a") + index)
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    content, problems = load(tmp_path, "\n".join(levels) + "\n")
    elapsed = time.perf_counter() - started
    assert content is None
    assert "anchors and aliases" in problems[0]
    assert elapsed < 0.5
