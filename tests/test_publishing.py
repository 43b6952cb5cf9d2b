"""Publishing out of the box: the GitHub and GitLab workflows, their annotations, and make's plain output."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import PROJECT, Site, copy_project

from macros.commands.github_annotations import Level, annotation

GITHUB_WORKFLOW = PROJECT / ".github" / "workflows" / "guide.yml"
GITLAB_PIPELINE = PROJECT / ".gitlab-ci.yml"


def _workflow() -> dict[str, Any]:
    workflow: dict[Any, Any] = yaml.safe_load(GITHUB_WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true: GitHub reads it as `on`.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def _pipeline() -> dict[str, Any]:
    pipeline: dict[str, Any] = yaml.safe_load(GITLAB_PIPELINE.read_text(encoding="utf-8"))
    return pipeline


def _steps(job: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _workflow()["jobs"][job]["steps"]
    return steps


def _commands(steps: list[dict[str, Any]]) -> list[str]:
    return [step["run"] for step in steps if "run" in step]


def _make_project(tmp_path: Path) -> Path:
    """A copy of the project with the engine's test data, and the Makefile, which helpers.copy_project leaves out."""
    project = copy_project(tmp_path / "project")
    shutil.copy2(PROJECT / "Makefile", project / "Makefile")
    return project


def _run(project: Path, command: str) -> subprocess.CompletedProcess[str]:
    """`command` (a workflow's line) run in `project`."""
    words = shlex.split(command)
    if words[0] == "make":
        # The copy has no virtual environment: make counts one as installed (--assume-old),
        # never creates it, and runs this Python, the project's own.
        words[1:1] = ["--assume-old=.venv/.installed", f"PYTHON={sys.executable}"]
    # Hermetic: run under `make test`, the suite must not hand its own make's settings down.
    environment = {name: value for name, value in os.environ.items() if name not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}}
    return subprocess.run(words, cwd=project, capture_output=True, text=True, env=environment)


def _break_data(project: Path) -> dict[str, int]:
    """Two mistakes in two files; the line each is reported at, by file."""
    engineering = project / "data" / "career_paths" / "engineering.yml"
    text = engineering.read_text(encoding="utf-8")
    typo = "next: [staff-enginer, engineering-manager]"
    text = text.replace("next: [staff-engineer, engineering-manager]", typo)
    engineering.write_text(text, encoding="utf-8")
    (project / "data" / "questions" / "follow-up.yml").write_text("", encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), start=1) if typo in content)
    return {"data/career_paths/engineering.yml": line, "data/questions/follow-up.yml": 1}


def _last_line(result: subprocess.CompletedProcess[str]) -> str:
    return result.stderr.rstrip("\n").splitlines()[-1]


def _assert_ends_plainly(result: subprocess.CompletedProcess[str], sentence: str) -> None:
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "***" not in output and not re.search(r"\bError \d", output), output
    assert "Traceback" not in output
    assert _last_line(result) == sentence, output


# The workflow files.


@pytest.mark.unit
def test_github_workflow_checks_pull_requests_and_publishes_main() -> None:
    workflow = _workflow()
    triggers = workflow["on"]
    assert "pull_request" in triggers
    assert triggers["push"] == {"branches": ["main"]}
    assert workflow["concurrency"]

    build = _steps("build")
    assert _commands(build) == ["make check FORMAT=github", "make build", "make build"]
    used = [step["uses"] for step in build + _steps("publish") if "uses" in step]
    assert [action.split("@")[0] for action in used] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+", action) for action in used), "actions are pinned by major version"
    python = next(step for step in build if step.get("uses", "").startswith("actions/setup-python"))
    assert python["with"] == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements.lock"}

    # The published build is made for the address GitHub Pages gives the site.
    pages = next(step for step in build if step.get("uses", "").startswith("actions/configure-pages"))
    published = next(step for step in build if step.get("env"))
    assert published["env"] == {"SITE_URL": f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"}
    assert published["if"] == pages["if"] == "github.ref == 'refs/heads/main'"
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}, "reading the address needs pages: read"
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"] == {"path": "site/"}

    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["concurrency"]["group"]


@pytest.mark.unit
@pytest.mark.parametrize("path", [GITHUB_WORKFLOW, GITLAB_PIPELINE], ids=["github", "gitlab"])
def test_workflows_need_no_browser_java_or_npm(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for tool in ("chromium", "playwright", "java", "npm", "make test", ".ci/run"):
        assert not re.search(rf"^[^#]*{re.escape(tool)}", text, re.MULTILINE | re.IGNORECASE), tool


@pytest.mark.unit
def test_gitlab_pipeline_checks_merge_requests_and_publishes_the_default_branch() -> None:
    pipeline = _pipeline()
    check, pages = pipeline["check"], pipeline["pages"]
    assert check["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert check["script"] == ["make check", "make build"]
    # GitLab Pages publishes the folder named public/.
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages["script"] == ["make check", "make build", "mv site public"]
    assert pages["artifacts"] == {"paths": ["public"]}
    assert pages["variables"] == {"SITE_URL": "$CI_PAGES_URL"}


@pytest.mark.unit
def test_every_make_target_the_workflows_run_exists() -> None:
    pipeline = _pipeline()
    commands = _commands(_steps("build")) + pipeline["check"]["script"] + pipeline["pages"]["script"]
    targets = {shlex.split(command)[1] for command in commands if command.startswith("make ")}
    assert targets == {"check", "build"}
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    for target in targets:
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


# Annotations.


@pytest.mark.unit
@pytest.mark.parametrize(
    ("problem", "level", "expected"),
    [
        (
            "data/career_paths/engineering.yml:74: role 'senior-engineer': no role has the id 'staff-enginer'",
            "error",
            "::error file=data/career_paths/engineering.yml,line=74::role 'senior-engineer': no role has the id 'staff-enginer'",
        ),
        (
            "data/company.yml:3: warning: the review of 'Brightwell' was due on 2000-01-01: review it",
            "warning",
            "::warning file=data/company.yml,line=3::the review of 'Brightwell' was due on 2000-01-01: review it",
        ),
        # A message holding what would end a command or a property is escaped as GitHub documents.
        (
            "data/templates/ask.yml:7: 100% sure, or not:\nsee line 8\r",
            "error",
            "::error file=data/templates/ask.yml,line=7::100%25 sure, or not:%0Asee line 8%0D",
        ),
        ("data/odd, name%.yml:2: message", "error", "::error file=data/odd%2C name%25.yml,line=2::message"),
        # A workbook's cell is no file of the repository: the annotation is the run's.
        (
            "Roles!B4: the level 'Senior' is not a level of the scale",
            "error",
            "::error::Roles!B4: the level 'Senior' is not a level of the scale",
        ),
        ("3 problems in the data: fix them and build again.", "error", "::error::3 problems in the data: fix them and build again."),
    ],
    ids=["problem", "warning", "escaped message", "escaped path", "workbook cell", "no place"],
)
def test_annotation(problem: str, level: Level, expected: str) -> None:
    assert annotation(problem, level=level) == expected


# The workflows' commands, run on copies of the project.


@pytest.mark.build
def test_github_check_annotates_each_problem_on_its_line(tmp_path: Path) -> None:
    project = _make_project(tmp_path)
    lines = _break_data(project)

    result = _run(project, _commands(_steps("build"))[0])

    assert result.returncode != 0
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    places = [re.findall(r"^::error file=([^,]+),line=(\d+)::", line) for line in annotations]
    assert places == [[(path, str(line))] for path, line in sorted(lines.items())], result.stdout
    assert "no role has the id 'staff-enginer'" in annotations[0]
    assert "the file is empty" in annotations[1]
    # The plain report is printed as well, for whoever reads the log.
    assert f"data/career_paths/engineering.yml:{lines['data/career_paths/engineering.yml']}: role 'senior-engineer'" in result.stderr
    assert _last_line(result) == "The check found problems: fix them and run `make check` again."


@pytest.mark.build
def test_github_pull_request_commands_pass_on_valid_data(tmp_path: Path) -> None:
    project = _make_project(tmp_path)
    for command in dict.fromkeys(_commands(_steps("build"))):
        result = _run(project, command)
        assert result.returncode == 0, f"{command}:\n{result.stdout}{result.stderr}"
        if "FORMAT=github" in command:
            # The test data has a review past its date: a warning, on its line.
            warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
            assert warnings
            assert [line for line in result.stdout.splitlines() if line.startswith("::")] == [
                annotation(warning, level="warning") for warning in warnings
            ]
    assert (project / "site" / "index.html").is_file()


@pytest.mark.build
def test_gitlab_pages_job_publishes_public(tmp_path: Path) -> None:
    project = _make_project(tmp_path)
    for command in _pipeline()["pages"]["script"]:
        result = _run(project, command)
        assert result.returncode == 0, f"{command}:\n{result.stdout}{result.stderr}"
    assert (project / "public" / "index.html").is_file()


# Plain output.


@pytest.mark.build
def test_a_failing_check_ends_in_a_plain_sentence(tmp_path: Path) -> None:
    project = _make_project(tmp_path)
    _break_data(project)

    result = _run(project, "make check")

    _assert_ends_plainly(result, "The check found problems: fix them and run `make check` again.")
    assert result.stderr.splitlines()[-2] == "2 problems in the data: fix them and build again."
    assert ".venv/bin/python" not in result.stdout + result.stderr, "make echoes no command"
    assert not (project / ".venv").exists()


@pytest.mark.build
def test_a_failing_build_ends_in_a_plain_sentence_and_keeps_the_site(tmp_path: Path) -> None:
    project = _make_project(tmp_path)
    _break_data(project)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the site as it was", encoding="utf-8")

    result = _run(project, "make build")

    _assert_ends_plainly(result, "The site was not built: fix the problems above and run `make build` again.")
    assert "no role has the id 'staff-enginer'" in result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "the site as it was"


@pytest.mark.build
def test_a_passing_check_says_only_what_it_found(tmp_path: Path) -> None:
    project = _make_project(tmp_path)

    result = _run(project, "make check")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: "), result.stdout
    assert "macros.commands.check" not in result.stdout + result.stderr


@pytest.mark.build
def test_editors_guide_says_how_to_publish(site: Site) -> None:
    text = site.text("/editing/")
    for words in (
        "Publishing",
        "On GitHub Pages",
        "the source GitHub Actions",
        "On GitLab Pages",
        "On an intranet web server",
        "try_files $uri $uri/ =404;",
        "DocumentRoot /var/www/career-guide",
        "frame-ancestors 'self'",
        "Editing in the browser, on GitHub or GitLab",
        "Files changed",
    ):
        assert words in text, words
