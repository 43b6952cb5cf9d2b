"""Problems found while loading, gathered so that one build reports them all."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, NamedTuple

from ..model.errors import DataProblem
from ..model.guide import Origin
from .yaml_reader import Located


class Dangling(NamedTuple):
    """A reference to an id that no usable file defines."""

    kind: str  # the kind of file where such ids are defined ('career_paths', 'questions', 'competencies')
    ident: str
    problem: DataProblem
    noun: str = ""
    """What the id names ('role', 'competency'), as IdRegistry calls it."""
    by: str = ""
    """The record that refers to it, e.g. "role 'senior-engineer'"."""


class Duplicate(NamedTuple):
    """An id defined a second time."""

    noun: str
    ident: str
    first: Origin
    again: Origin


RENAME_KINDS = {"role": "role", "competency": "competency", "job family": "family", "template": "template", "worksheet": "worksheet"}
"""The records `make rename` renames, by IdRegistry's noun, with the KIND it takes."""


class Problems:
    """Every problem of a build, each reported once, without cascades."""

    def __init__(self) -> None:
        self.found: list[DataProblem] = []
        self.dangling: list[Dangling] = []
        self.duplicates: list[Duplicate] = []
        self.unusable: dict[str, set[str]] = {}
        """Ids (by kind) whose definition has a problem of its own: references to them are not checked."""

    def add(self, path: str, line: int, message: str) -> None:
        self.found.append(DataProblem(path, line, message))

    def extend(self, problems: Iterable[DataProblem]) -> None:
        self.found.extend(problems)

    def add_dangling(self, kind: str, ident: str, path: str, line: int, message: str, *, noun: str = "", by: str = "") -> None:
        """A reference by record `by` to `ident`, a `noun` which no usable file of `kind` defines."""
        self.dangling.append(Dangling(kind, ident, DataProblem(path, line, message), noun, by))

    def add_duplicate(self, duplicate: Duplicate) -> None:
        """An id defined twice: reported with the records that name it, known once every reference is checked."""
        self.duplicates.append(duplicate)

    def mark_unusable(self, kind: str, ident: str) -> None:
        """`ident` is defined with a problem already reported: what refers to it is not checked against it."""
        self.unusable.setdefault(kind, set()).add(ident)

    def is_unusable(self, kind: str, ident: str) -> bool:
        return ident in self.unusable.get(kind, set())

    def all(self, unreadable: set[str], ids_in_broken_files: dict[str, set[str]]) -> list[DataProblem]:
        """Every problem. A reference is not reported when its id may be defined in a
        file that could not be read, or is defined in a file that has mistakes of its
        own: fixing that file is the fix, and reporting both would mislead."""
        return (
            self.found
            + [self._duplicate_problem(duplicate) for duplicate in self.duplicates]
            + [
                dangling.problem
                for dangling in self.dangling
                if dangling.kind not in unreadable
                and dangling.ident not in ids_in_broken_files.get(dangling.kind, set())
                and not self.is_unusable(dangling.kind, dangling.ident)
            ]
        )

    def _duplicate_problem(self, duplicate: Duplicate) -> DataProblem:
        """The duplicate, with every record naming the id: after a rename each must name the one it means, or it
        silently takes the other (roles of one framework then measured on another's competencies)."""
        noun, ident = duplicate.noun, duplicate.ident
        users = dict.fromkeys(
            f"{dangling.by} at {dangling.problem.path}:{dangling.problem.line}"
            for dangling in self.dangling
            if dangling.noun == noun and dangling.ident == ident and dangling.by
        )
        message = f"{noun} id '{ident}' is already used at {duplicate.first.path}:{duplicate.first.line}: ids must be unique"
        kind = RENAME_KINDS.get(noun)
        if users:
            message += (
                f". These records name '{ident}', and each would silently take whichever keeps the id: {', '.join(users)}. "
                f"Give this {noun} a new id, and write it in each record above that means this {noun}"
            )
        else:
            message += f": give this {noun} a new id"
        if kind:
            message += f" (make rename KIND={kind} OLD=... NEW=... renames a {noun} and every record naming it, once its id is unique)"
        return DataProblem(duplicate.again.path, duplicate.again.line, message)


class IdRegistry:
    """Ids of one kind of record, with where each was first defined, to catch duplicates.

    A duplicated id is reported once, where it is used again, with every record
    that names the id (known once references are checked). Neither record is
    kept (which one HR meant is unknown), and references to the id are not
    reported on their own: a duplicate must not show up again through
    everything that uses it.
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
            self.problems.add_duplicate(Duplicate(self.noun, ident, self.where[ident], Origin(path, line)))
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
