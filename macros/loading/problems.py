"""Problems found while loading, gathered so that one build reports them all."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, NamedTuple

from ..errors import DataProblem
from ..model import Origin
from .yaml_reader import Located


class Dangling(NamedTuple):
    """A reference to an id that no usable file defines."""

    kind: str  # the kind of file where such ids are defined ('career_paths', 'questions', 'competencies')
    ident: str
    problem: DataProblem


class Problems:
    """Every problem of a build, each reported once, without cascades."""

    def __init__(self) -> None:
        self.found: list[DataProblem] = []
        self.dangling: list[Dangling] = []
        self.unusable: dict[str, set[str]] = {}
        """Ids (by kind) whose definition has a problem of its own: references to them are not checked."""

    def add(self, path: str, line: int, message: str) -> None:
        self.found.append(DataProblem(path, line, message))

    def extend(self, problems: Iterable[DataProblem]) -> None:
        self.found.extend(problems)

    def add_dangling(self, kind: str, ident: str, path: str, line: int, message: str) -> None:
        """A reference to `ident`, which no usable file of `kind` defines."""
        self.dangling.append(Dangling(kind, ident, DataProblem(path, line, message)))

    def mark_unusable(self, kind: str, ident: str) -> None:
        """`ident` is defined with a problem already reported: what refers to it is not checked against it."""
        self.unusable.setdefault(kind, set()).add(ident)

    def is_unusable(self, kind: str, ident: str) -> bool:
        return ident in self.unusable.get(kind, set())

    def all(self, unreadable: set[str], ids_in_broken_files: dict[str, set[str]]) -> list[DataProblem]:
        """Every problem. A reference is not reported when its id may be defined in a
        file that could not be read, or is defined in a file that has mistakes of its
        own: fixing that file is the fix, and reporting both would mislead."""
        return self.found + [
            dangling.problem
            for dangling in self.dangling
            if dangling.kind not in unreadable
            and dangling.ident not in ids_in_broken_files.get(dangling.kind, set())
            and not self.is_unusable(dangling.kind, dangling.ident)
        ]


class IdRegistry:
    """Ids of one kind of record, with where each was first defined, to catch duplicates.

    A duplicated id is reported once, where it is used again. Neither record
    is kept (which one HR meant is unknown), and references to the id are not
    checked: a duplicate must not show up again through everything that uses it.
    """

    def __init__(self, noun: str, problems: Problems, kind: str = "") -> None:
        self.noun = noun
        self.problems = problems
        self.kind = kind
        """The kind of file references to these ids name ('competencies', 'career_paths'...)."""
        self.where: dict[str, Origin] = {}
        self.duplicated: set[str] = set()

    def claim(self, ident: str, path: str, line: int) -> bool:
        """True for an id not seen before; otherwise the duplicate is reported."""
        if ident in self.where:
            first = self.where[ident]
            self.problems.add(
                path,
                line,
                f"{self.noun} id '{ident}' is already used at {first.path}:{first.line}: ids must be unique, choose another one",
            )
            self.duplicated.add(ident)
            if self.kind:
                self.problems.mark_unusable(self.kind, ident)
            return False
        self.where[ident] = Origin(path, line)
        return True


def suggest(word: str, choices: Iterable[str], *, nearer: Iterable[str] = ()) -> str:
    """' (did you mean 'x'?)' for a close match, else nothing.

    `nearer` are the likelier choices (a role of the same family): a match among
    them is taken first; among the others only a very close one is proposed.
    """
    # Close means a slip of the keyboard ('staff-enginer'), not a similar name:
    # 'senior-engineer' is not a misspelt 'software-engineer'.
    close = difflib.get_close_matches(word, list(nearer), n=1, cutoff=0.85)
    if not close:
        close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.9 if nearer else 0.8)
    return f" (did you mean '{close[0]}'?)" if close else ""


def line_of(container: Any, key: Any) -> int:
    """The line of `key` in a mapping or list read from YAML (1 when unknown)."""
    return container.line_of(key) if isinstance(container, Located) else 1
