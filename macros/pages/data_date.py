"""The date of the data a site is built from, printed at the foot of every page on paper."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def _git(data_dir: Path, *arguments: str) -> str | None:
    try:
        result = subprocess.run(["git", *arguments, "--", "."], cwd=data_dir, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def data_date(data_dir: Path) -> str:
    """The day the data last changed: its last commit, or, outside git or with edits not yet committed, its newest file."""
    committed = _git(data_dir, "log", "-1", "--format=%cs")
    if committed and _git(data_dir, "status", "--porcelain") == "":
        return committed
    newest = max((path.stat().st_mtime for path in data_dir.rglob("*") if path.is_file()), default=None)
    return (datetime.date.fromtimestamp(newest) if newest else datetime.date.today()).isoformat()
