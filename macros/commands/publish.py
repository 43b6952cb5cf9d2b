"""Build the site without ever leaving a half-written one behind.

`python -m macros.commands.publish [SITE_DIR]` builds into a fresh folder beside
SITE_DIR and swaps it in only when the build succeeded, so a failed build
leaves the previous site exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def publish(project: Path, site_dir: Path) -> int:
    """Build `project` into `site_dir`; return the build's exit code."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(staging)],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if result.returncode != 0:
            print(f"The build failed: {site_dir.name}/ was left as it was.", file=sys.stderr)
            return result.returncode
        retired = site_dir.with_name(f".{site_dir.name}-old")
        shutil.rmtree(retired, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(retired)
        staging.rename(site_dir)
        shutil.rmtree(retired, ignore_errors=True)
        print(f"Site built into {site_dir.name}/")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", default="site", type=Path)
    parser.add_argument("--project", default=Path.cwd(), type=Path)
    arguments = parser.parse_args()
    return publish(arguments.project, arguments.site_dir)


if __name__ == "__main__":
    sys.exit(main())
