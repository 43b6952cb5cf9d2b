"""The benchmark's synthetic data is valid and grows as it says (no timing here: see bench/)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from helpers import PROJECT
from macros.loading import load_guide
from macros.model import Guide

from generate import scale_data  # noqa: E402  (bench/ is on the path: see helpers)


def test_scaled_data_is_valid_and_multiplied(tmp_path: Path, guide: Guide) -> None:
    data = Path(shutil.copytree(PROJECT / "data", tmp_path / "data"))
    scale_data(data, 3)
    scaled = load_guide(data)
    assert len(scaled.roles) == 3 * len(guide.roles)
    assert len(scaled.families) == 3 * len(guide.families)
    assert len(scaled.questions) == 3 * len(guide.questions)
    assert len(scaled.worksheets) == 3 * len(guide.worksheets)
    assert len(scaled.templates) == len(guide.templates), "templates do not grow with the company"
    copy = scaled.roles["senior-engineer-k2"]
    assert copy.next == ("staff-engineer-k2", "engineering-manager-k2")
    original = guide.questions_for(guide.roles["senior-engineer"])
    expected = {q.id for q in original if q.is_general} | {f"{q.id}-k2" for q in original if not q.is_general}
    assert {q.id for q in scaled.questions_for(copy)} == expected, "filters stay inside their copy"
