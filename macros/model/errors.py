"""The one error type for bad data: every problem carries its file, line and a fix."""

from __future__ import annotations

from typing import NamedTuple


class DataProblem(NamedTuple):
    """One mistake in one data file, phrased for the person who edits it."""

    path: str
    """Path of the file, relative to the project (`data/career_paths/engineering.yml`)."""
    line: int
    """1-based line of the offending value (1 when the whole file is concerned)."""
    message: str
    """What is wrong and how to fix it."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataError(Exception):
    """Raised when the data cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one `path:line: message` per line, in file and line order."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(problem) for problem in self.problems]
        return "\n".join([*lines, f"{count} {noun} in the data: fix them and build again."])
