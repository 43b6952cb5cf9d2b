"""The package as people install it: the wheel holds the whole plugin, and a site using it works outside this repository.

The wheel is built as `pip wheel` builds it, from a copy of the sources (setuptools
writes build/ and an .egg-info beside what it builds), without downloading
anything: `--no-build-isolation` builds with the setuptools of the project's own
environment, which requirements.lock pins to the build backend pyproject.toml names.

It is then installed, without its dependencies, into a new virtual environment in
the test's temporary folder. The dependencies (MkDocs, Material, openpyxl...) are
the project's own, already installed: a .pth file puts the project environment's
site-packages on the new environment's path, after its own. Python runs the .pth
files of an environment's own site-packages only, so the project's editable
install (a finder loaded by a .pth file there) stays out, and nothing can be
imported from the repository: each command runs in a folder without `macros/`,
and says where `macros` came from.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest
from helpers import PROJECT, SAMPLE_DATA
from openpyxl import load_workbook

pytestmark = pytest.mark.build

SOURCES = ("pyproject.toml", "README.md", "macros")
"""What the wheel is built from."""
SITE = ("mkdocs.yml", "docs", "overrides")
"""A site's own files besides its data: everything else comes with the plugin."""


def _environment() -> dict[str, str]:
    """The environment the commands run in: nothing that would put the repository on Python's path."""
    return {name: value for name, value in os.environ.items() if name not in {"PYTHONPATH", "PYTHONHOME"}} | {"NO_MKDOCS_2_WARNING": "1"}


def _run(command: list[str | Path], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, env=_environment(), check=False)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}"
    return result


@dataclass(frozen=True)
class Built:
    wheel: Path
    sources: Path
    """The copy of the sources it was built from."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The wheel, built offline with the pinned build backend."""
    backend = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    assert f"setuptools=={version('setuptools')}" in backend, (
        f"the project's environment has setuptools {version('setuptools')}, not the build backend {backend}: run `make`"
    )
    folder = tmp_path_factory.mktemp("wheel")
    sources = folder / "sources"
    sources.mkdir()
    for part in SOURCES:
        if (PROJECT / part).is_dir():
            shutil.copytree(PROJECT / part, sources / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(PROJECT / part, sources / part)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--wheel-dir", folder / "dist"]
    _run([*command, sources])
    (wheel,) = (folder / "dist").glob("career_guide-*.whl")
    return Built(wheel, sources)


@dataclass(frozen=True)
class Installed:
    python: Path
    prefix: Path
    """The environment's folder: every module of the package must come from inside it."""


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """A new virtual environment outside the repository, with the wheel installed and the project's dependencies visible."""
    prefix = tmp_path_factory.mktemp("installed") / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", prefix])
    python = prefix / "bin" / "python"
    own = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip())
    (own / "project-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", built.wheel])
    return Installed(python, prefix)


@pytest.fixture
def company(tmp_path: Path) -> Path:
    """The test company as a site of its own: its data, chapters and overrides, and no copy of the plugin."""
    site = tmp_path / "company"
    site.mkdir()
    for part in SITE:
        if (PROJECT / part).is_dir():
            shutil.copytree(PROJECT / part, site / part)
        else:
            shutil.copy2(PROJECT / part, site / part)
    shutil.copytree(SAMPLE_DATA, site / "data")
    assert not (site / "macros").exists() and not (site / "data" / "schema").exists()
    return site


def test_the_wheel_holds_every_module_template_asset_and_schema(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as archive:
        shipped = {name for name in archive.namelist() if name.startswith("macros/")}
        entry_points = next(archive.read(name) for name in archive.namelist() if name.endswith(".dist-info/entry_points.txt")).decode()
    package = {path.relative_to(built.sources).as_posix() for path in (built.sources / "macros").rglob("*") if path.is_file()}
    assert package - shipped == set(), "files of macros/ the wheel leaves out"
    assert shipped - package == set(), "files in the wheel that macros/ does not have"
    kinds = {
        "modules": "macros/commands/spreadsheet/export.py",
        "templates": "macros/rendering/templates/career-guide/role.html",
        "scripts and stylesheet": "macros/rendering/assets/guide.css",
        "schemas": "macros/loading/schema/career-path.json",
    }
    assert all(path in shipped for path in kinds.values()), kinds
    assert "career-guide = macros.integration.plugin:CareerGuidePlugin" in entry_points


def test_the_package_imports_from_its_environment_not_from_the_repository(installed: Installed, company: Path) -> None:
    where = _run([installed.python, "-c", "import macros.loading.schema_check as s; print(s.__file__); print(s.SCHEMA_DIR)"], cwd=company)
    module, schemas = (Path(line) for line in where.stdout.splitlines())
    assert module.is_relative_to(installed.prefix) and schemas.is_relative_to(installed.prefix), where.stdout
    assert (schemas / "career-path.json").is_file()


def test_the_installed_plugin_builds_a_site_outside_the_repository(installed: Installed, company: Path, tmp_path: Path) -> None:
    # The site's mkdocs.yml, as the project has it: it watches no folder of the package (the plugin watches its own).
    assert "watch:" not in (company / "mkdocs.yml").read_text(encoding="utf-8")
    site = tmp_path / "site"
    _run([installed.python, "-m", "mkdocs", "build", "--strict", "--site-dir", site], cwd=company)
    for page in ("index.html", "plan/index.html", "roles/senior-engineer/index.html", "templates/agenda/index.html"):
        assert (site / page).is_file(), page
    assert "Senior Software Engineer" in (site / "roles" / "senior-engineer" / "index.html").read_text(encoding="utf-8")
    for asset in ("guide.css", "guide-core.js", "guide.js", "plan.js"):
        shipped = installed.prefix.glob(f"lib/python*/site-packages/macros/rendering/assets/{asset}")
        assert (site / "assets" / "career-guide" / asset).read_bytes() == next(shipped).read_bytes(), asset
    assert 'href="../../assets/career-guide/guide.css"' in (site / "roles" / "senior-engineer" / "index.html").read_text(encoding="utf-8")


def test_hr_commands_run_from_the_installed_package(installed: Installed, company: Path) -> None:
    _run([installed.python, "-m", "macros.commands.check", "data"], cwd=company)
    exported = _run([installed.python, "-m", "macros.commands.spreadsheet.export", "out.xlsx"], cwd=company)
    assert "Wrote out.xlsx" in exported.stdout
    unchanged = _run([installed.python, "-m", "macros.commands.spreadsheet.importing", "out.xlsx"], cwd=company)
    assert "changes nothing in data/" in unchanged.stdout

    book = load_workbook(company / "out.xlsx")
    book["Questions"].cell(row=2, column=4, value="A better question?")
    book.save(company / "edited.xlsx")
    applied = _run([installed.python, "-m", "macros.commands.spreadsheet.importing", "edited.xlsx", "--apply"], cwd=company)
    assert "Wrote 1 change" in applied.stdout, applied.stdout
    assert any("A better question?" in path.read_text(encoding="utf-8") for path in (company / "data" / "questions").glob("*.yml"))
