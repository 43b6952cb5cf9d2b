"""Commands that change HR's data files (`make import`, `make rename`) check the result first, then write it.

The changed texts are checked as `make check` would, in a copy of `data/`: the
data itself is only touched once the result is known to be good. Every new
text is then written beside its file and put in place by a rename, so a file
is never left half-written.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..loading import load_guide
from ..model.errors import DataError, DataProblem


def problems_after(data_dir: Path, texts: Mapping[Path, str], moves: Mapping[Path, Path] | None = None) -> list[DataProblem]:
    """The problems of the data with `texts` written and files moved as `moves` says; `data_dir` is not touched.

    Texts of files outside `data_dir` (chapters in docs/) are not data: they are left out of the check.
    """
    with tempfile.TemporaryDirectory() as folder:
        # Named as the data folder is, the copy's problems name the files as `make check` would.
        copy = Path(folder) / data_dir.name
        shutil.copytree(data_dir, copy)
        for path, text in texts.items():
            if path.is_relative_to(data_dir):
                (copy / path.relative_to(data_dir)).write_text(text, encoding="utf-8")
        for source, target in (moves or {}).items():
            (copy / source.relative_to(data_dir)).rename(copy / target.relative_to(data_dir))
        try:
            load_guide(copy)  # against the package's schemas, as `make check` checks
        except DataError as error:
            return error.problems
    return []


def write_all(texts: Mapping[Path, str], moves: Mapping[Path, Path] | None = None) -> None:
    """Give each file of `texts` its new text, then move files as `moves` says."""
    written = []
    for path, text in texts.items():
        temporary = path.with_name(f".{path.name}.writing")
        temporary.write_text(text, encoding="utf-8")
        written.append((temporary, path))
    for temporary, path in written:
        temporary.replace(path)
    for source, target in (moves or {}).items():
        source.rename(target)
