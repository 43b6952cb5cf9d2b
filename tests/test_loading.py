"""Loading and validating data/: the default data, and mistakes HR will make."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, PROJECT, SAMPLE_DATA

from macros.loading import load_guide
from macros.loading.schema_check import SCHEMA_DIR
from macros.model.errors import DataError
from macros.model.guide import Guide, LevelDetail

pytestmark = pytest.mark.unit


def test_default_data_is_complete(guide: Guide) -> None:
    assert guide.company.name == "Brightwell"
    assert len(guide.families) >= 4
    assert len(guide.roles) >= 16
    assert len(guide.competencies) >= 8
    assert len(guide.banks) >= 3
    assert len(guide.questions) >= 40
    assert {"meeting-request", "meeting-request-chat", "agenda", "thank-you"} <= set(guide.templates)
    assert {"self-assessment", "meeting-preparation", "follow-up-plan"} <= set(guide.worksheets)


def test_default_data_has_lateral_moves_across_families(guide: Guide) -> None:
    across = {
        (role.id, target) for role in guide.roles.values() for target in role.lateral if guide.roles[target].family_id != role.family_id
    }
    assert len(across) >= 4


def test_roles_are_in_level_order_within_their_family(guide: Guide) -> None:
    for family in guide.families:
        levels = [role.level for role in family.roles]
        assert levels == sorted(levels)


def test_template_placeholders_are_derived_from_the_text(guide: Guide) -> None:
    assert guide.templates["meeting-request"].placeholders == ("Manager's Name", "Your Name")  # [Company Name] is written in


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the test data to break."""
    return Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))


def problems_after(data_dir: Path, relative: str, old: str, new: str) -> list[str]:
    path = data_dir / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {relative}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    return [str(problem) for problem in caught.value.problems]


def line_of(data_dir: Path, relative: str, needle: str) -> int:
    """Line of the last occurrence of `needle` (the changed one, where a value is duplicated)."""
    lines = (data_dir / relative).read_text(encoding="utf-8").splitlines()
    return max(number for number, line in enumerate(lines, start=1) if needle in line)


ENGINEERING = "career_paths/engineering.yml"


@pytest.mark.parametrize(
    ("relative", "old", "new", "needle", "expected"),
    [
        (
            ENGINEERING,
            "next: [staff-engineer, engineering-manager]",
            "next: [staff-enginer, engineering-manager]",
            "staff-enginer",
            "role 'senior-engineer': no role has the id 'staff-enginer' (next) (did you mean 'staff-engineer'?)",
        ),
        (
            ENGINEERING,
            "    lateral: [senior-product-manager]",
            "    lateral: [senior-product-manger]",
            "senior-product-manger",
            "role 'senior-engineer': no role has the id 'senior-product-manger' (lateral)",
        ),
        (
            ENGINEERING,
            "      technical-craft: 3\n      problem-solving: 3\n      communication: 3\n"
            "      collaboration: 3\n      ownership: 3\n      customer-focus: 2",
            "      technical-craft: 3\n      problem-solving: 3\n      communication: 3\n"
            "      collaboration: 3\n      ownership: 3\n      customer-focus: 9",
            "customer-focus: 9",
            "skill 'customer-focus' is set to level 9, but the competency defines levels 1 to 5",
        ),
        (
            ENGINEERING,
            "      technical-craft: 1\n",
            "      technical-kraft: 1\n",
            "technical-kraft",
            "skill 'technical-kraft' is not a competency (did you mean 'technical-craft'?)",
        ),
        (
            ENGINEERING,
            "    summary: Delivers features independently",
            "    sumary: Delivers features independently",
            "sumary",
            "role 'software-engineer': unknown key 'sumary' (did you mean 'summary'?)",
        ),
        (
            ENGINEERING,
            "  - id: staff-engineer\n",
            "  - id: senior-engineer\n",
            "id: senior-engineer",
            "role id 'senior-engineer' is already used at data/career_paths/engineering.yml:",
        ),
        (ENGINEERING, "    level: 2\n", "    level: two\n", "level: two", "level 'two' is not a grade: use a whole number"),
        (ENGINEERING, "id: engineering\n", "id: Engineering\n", "id: Engineering", "'id' is 'Engineering', which is not a valid id"),
        (
            "questions/manager.yml",
            "    families: [engineering]",
            "    families: [enginering]",
            "families: [enginering]",
            "question 'mgr-eng-tech-lead': job family 'enginering' does not exist (did you mean 'engineering'?)",
        ),
        (
            "worksheets/self-assessment.yml",
            "questions: [sa-proud-of,",
            "questions: [sa-proud,",
            "sa-proud,",
            "question 'sa-proud' does not exist (did you mean 'sa-proud-of'?)",
        ),
        (
            "templates/agenda.yml",
            "title: Agenda for the conversation",
            "title: Agenda\ntitle: Again",
            "title: Again",
            "key 'title' appears twice",
        ),
        (
            "career_paths/design.yml",
            "    title: Product Designer\n",
            "",
            "  - id: product-designer",
            "role 'product-designer': missing required key 'title'",
        ),
        (
            "company.yml",
            "guide_title: Brightwell Career Guide",
            "guide_title: no",
            "guide_title: no",
            "'guide_title' is no, which YAML reads as false, not as text: put it in quotes",
        ),
        (
            "company.yml",
            "guide_title: Brightwell Career Guide",
            "guide_title: on",
            "guide_title: on",
            "'guide_title' is on, which YAML reads as true, not as text: put it in quotes",
        ),
        (
            "templates/agenda.yml",
            "title: Agenda for the conversation",
            "title: 10:30",
            "title: 10:30",
            "'title' is 10:30, which YAML reads as the number 630 (base 60), not as text: put it in quotes",
        ),
        (
            "worksheets/meeting-preparation.yml",
            "  - title: Questions to ask\n",
            "  - title: Questions to ask\n    bank: managr\n",
            "bank: managr",
            "question bank 'managr' does not exist (did you mean 'manager'?)",
        ),
        (
            "career_paths/customer-success.yml",
            "roles:\n",
            "roles:\n\t- id: x\n",
            "\t- id: x",
            "a tab is used for indentation: YAML needs spaces, replace the tab with spaces",
        ),
        (
            "competencies.yml",
            "  - id: research\n",
            "  - id: research\n    name: [unclosed\n",
            # The parser notices one line later; the message says to look at the line above too.
            "name: User research",
            "YAML syntax error (did not find expected ',' or ']'",
        ),
        # `|` keeps a final line break, which would end up in the page address.
        (
            ENGINEERING,
            "  - id: staff-engineer\n",
            "  - id: |\n      staff-engineer\n",
            "id: |",
            "role 'staff-engineer': 'id' ends with a line break: write it on one line",
        ),
        # Each entry of a list line takes its own value: its blank cannot also be elsewhere.
        (
            "templates/thank-you.yml",
            "  - You will [Manager's Action], for example",
            "  - You will [My Action], for example",
            "You will [My Action]",
            "the blank [My Action] is in a list line and also elsewhere in the message",
        ),
        # An old address leads to one page only.
        (
            ENGINEERING,
            "previous_ids: [senior-developer]",
            "previous_ids: [staff-engineer]",
            "  - id: senior-engineer",
            "role 'senior-engineer' lists 'staff-engineer' under previous_ids, but 'staff-engineer' is the id of another role",
        ),
        (
            ENGINEERING,
            "  - id: staff-engineer\n",
            "  - id: staff-engineer\n    previous_ids: [senior-developer]\n",
            "  - id: staff-engineer",
            "role 'staff-engineer' lists 'senior-developer' under previous_ids, and so does role 'senior-engineer'",
        ),
        (
            "templates/meeting-request-chat.yml",
            "kind: chat",
            "kind: chat\nsubject: Hello",
            "subject: Hello",
            "a chat message has no subject: remove 'subject' or set kind to email",
        ),
        (
            "templates/agenda.yml",
            "title: Agenda for the conversation",
            "title: !!binary aGVsbG8=",
            "title: !!binary",
            "'title' should be text, not binary data",
        ),
    ],
)
def test_mistakes_are_reported_with_file_line_and_fix(
    data_dir: Path, relative: str, old: str, new: str, needle: str, expected: str
) -> None:
    problems = problems_after(data_dir, relative, old, new)
    line = line_of(data_dir, relative, needle)
    prefix = f"data/{relative}:{line}: "
    assert any(problem.startswith(prefix) and expected in problem for problem in problems), problems


def test_all_problems_are_reported_at_once(data_dir: Path) -> None:
    problems_after(data_dir, ENGINEERING, "    level: 2\n", "    level: two\n")
    problems = problems_after(data_dir, "questions/manager.yml", "    families: [engineering]", "    families: [enginering]")
    assert len(problems) == 2
    assert problems[0].startswith("data/career_paths/engineering.yml:")
    assert problems[1].startswith("data/questions/manager.yml:")


def test_a_broken_record_does_not_hold_back_the_problems_of_its_neighbours(data_dir: Path) -> None:
    # One role breaks the schema; another role of the same file has a wrong move.
    # Both are reported now, so fixing the first never uncovers the second.
    problems_after(data_dir, ENGINEERING, "    level: 2\n", "    level: 2.5\n")
    problems = problems_after(data_dir, ENGINEERING, "next: [staff-engineer, engineering-", "next: [staff-enginer, engineering-")
    assert len(problems) == 2, problems
    assert "'level'" in problems[0] and "no role has the id 'staff-enginer'" in problems[1]


def test_a_broken_file_does_not_cause_a_cascade_of_missing_ids(data_dir: Path) -> None:
    problems = problems_after(data_dir, "career_paths/product.yml", "id: product\n", "id: product\n  bad indent: [\n")
    assert len(problems) == 1 and problems[0].startswith("data/career_paths/product.yml:"), problems


def test_an_id_with_a_line_break_is_one_problem_not_a_cascade(data_dir: Path) -> None:
    # Other files refer to 'staff-engineer'; they are right, the id is not.
    problems = problems_after(data_dir, ENGINEERING, "  - id: staff-engineer\n", "  - id: |\n      staff-engineer\n")
    assert problems == [
        f"data/{ENGINEERING}:{line_of(data_dir, ENGINEERING, 'id: |')}: role 'staff-engineer': 'id' ends with a line break: "
        "write it on one line after the colon, without | or >"
    ]


def test_a_duplicate_id_is_reported_once_not_through_every_role_using_it(data_dir: Path) -> None:
    # A second 'communication' with 8 levels: roles asking for level 6 must not
    # each report "level 6, but the competency defines 1 to 5".
    extra = "  - id: communication\n    name: Talking\n    description: Again.\n    levels: [a, b, c, d, e, f, g, h]\n"
    path = data_dir / "competencies.yml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    problems = problems_after(data_dir, ENGINEERING, "      communication: 3\n", "      communication: 6\n")
    assert len(problems) == 1, problems
    assert "competency id 'communication' is already used at data/competencies.yml:" in problems[0]


def test_a_removed_role_is_not_mistaken_for_another(data_dir: Path) -> None:
    # senior-engineer removed: roles still listing it get no "did you mean" to a role of another family.
    engineering = data_dir / ENGINEERING
    text = engineering.read_text(encoding="utf-8")
    start = text.index("  - id: senior-engineer\n")
    end = text.index("  - id: ", start + 10)
    engineering.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    messages = [str(problem) for problem in caught.value.problems]
    about_it = [message for message in messages if "'senior-engineer'" in message]
    assert about_it and all("did you mean" not in message for message in about_it), about_it
    assert any("no role has the id 'senior-engineer'" in message and "if you removed or renamed" in message for message in about_it)


def test_a_missing_file_is_reported(data_dir: Path) -> None:
    (data_dir / "company.yml").unlink()
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    assert any(str(problem).startswith("data/company.yml:") and "missing" in str(problem) for problem in caught.value.problems)


@pytest.mark.parametrize(
    ("relative", "content", "expected"),
    [
        ("questions/follow-up.yml", b"", "the file is empty: add its content or delete the file"),
        ("questions/follow-up.yml", b"# yaml-language-server: $schema=../schema/question-bank.json\n", "the file is empty"),
        (
            "templates/thank-you.yml",
            "id: thank-you\ntitle: Th\u00e9nk you\n".encode("latin-1"),
            "the file is not UTF-8 text (byte 0xe9): save it with the UTF-8 encoding",
        ),
        (
            "career_paths/notes.txt",
            b"Ideas for new roles",
            "only YAML files (.yml) belong in data/career_paths/: rename this file to .yml or move it elsewhere",
        ),
        ("career_paths/engineering.json", b"{}", "only YAML files (.yml) belong in data/career_paths/"),
        ("roles.yml", b"id: x", "unexpected file or folder in data/"),
    ],
)
def test_whole_file_mistakes_are_reported_with_file_and_line(data_dir: Path, relative: str, content: bytes, expected: str) -> None:
    (data_dir / relative).write_bytes(content)
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    problems = [str(problem) for problem in caught.value.problems]
    assert any(re.match(rf"data/{re.escape(relative)}:\d+: ", problem) and expected in problem for problem in problems), problems


def test_dotfiles_and_readmes_are_ignored(data_dir: Path) -> None:
    (data_dir / "career_paths" / ".DS_Store").write_bytes(b"\x00\x01")
    (data_dir / "README.md").write_text("Notes for editors", encoding="utf-8")
    assert load_guide(data_dir).roles


# A framework whose roles state what they expect: step descriptors are optional there.

FRAMEWORK = FIXTURES / "framework" / "data"
FRAMEWORK_ROLES = "career_paths/engineering.yml"
E4_QUALITY = (
    "    quality-skill:\n      level: Working knowledge\n      statements:\n"
    "      - 'Senior Engineer II keeps the tests of a service meaningful.'\n"
)
"""What Senior Engineer II states of quality, a competency without descriptors."""


@pytest.fixture
def framework_dir(tmp_path: Path) -> Path:
    """A copy of the framework fixture to break."""
    return Path(shutil.copytree(FRAMEWORK, tmp_path / "data"))


def _edit(data_dir: Path, relative: str, old: str, new: str) -> None:
    path = data_dir / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {relative}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_scale_and_competencies_without_descriptors_load_where_roles_state_each_step(framework_dir: Path) -> None:
    guide = load_guide(framework_dir)
    quality = guide.competencies["quality-skill"]
    assert quality.levels == () and quality.detail(3).descriptor is None and quality.level_text(3) == ""
    assert [step.description for step in quality.scale.steps] == [None] * 5
    assert guide.roles["e4"].expectations["quality-skill"].texts == ("Senior Engineer II keeps the tests of a service meaningful.",)


def test_a_step_nothing_describes_asks_for_a_statement_at_the_skills_line(framework_dir: Path) -> None:
    old = E4_QUALITY
    _edit(framework_dir, FRAMEWORK_ROLES, old, "    quality-skill: Working knowledge\n")
    with pytest.raises(DataError) as caught:
        load_guide(framework_dir)
    line = line_of(framework_dir, FRAMEWORK_ROLES, "quality-skill: Working knowledge")
    competency_line = line_of(framework_dir, "competencies.yml", "- id: quality-skill")
    assert [str(problem) for problem in caught.value.problems] == [
        f"data/{FRAMEWORK_ROLES}:{line}: role 'e4': skill 'quality-skill' expects Working knowledge, which nothing describes "
        f"(this role has no statements: for it, and competency 'quality-skill' at data/competencies.yml:{competency_line} and its "
        "scale 'NW proficiency' have no descriptor for Working knowledge): write what this role expects, e.g. quality-skill: "
        "{level: Working knowledge, statements: [What someone in this role does.]}, or give the competency levels: with a "
        "descriptor for Working knowledge"
    ]


def test_examples_without_a_statement_do_not_describe_a_step(framework_dir: Path) -> None:
    old = "      statements:\n      - 'Senior Engineer II keeps the tests of a service meaningful.'\n"
    _edit(framework_dir, FRAMEWORK_ROLES, old, "      examples:\n      - 'Kept the payment tests meaningful.'\n")
    with pytest.raises(DataError) as caught:
        load_guide(framework_dir)
    assert "role 'e4': skill 'quality-skill' expects Working knowledge, which nothing describes" in caught.value.report()


def test_a_descriptor_written_for_a_step_is_enough(framework_dir: Path) -> None:
    # The scale describes its steps once: roles need no statements for competencies measured on it.
    for step in ("Awareness", "Foundational", "Working knowledge", "Practitioner", "Expert"):
        _edit(framework_dir, "competencies.yml", f"  - name: {step}\n", f"  - name: {step}\n    description: {step}, in general.\n")
    old = E4_QUALITY
    _edit(framework_dir, FRAMEWORK_ROLES, old, "    quality-skill: Working knowledge\n")
    guide = load_guide(framework_dir)
    assert guide.competencies["quality-skill"].detail(3).descriptor == "Working knowledge, in general."
    assert "quality-skill" not in guide.roles["e4"].expectations


def test_a_level_may_give_evidence_without_a_descriptor_but_not_a_descriptor_and_statements(framework_dir: Path) -> None:
    old = "  area: quality\n  name: Quality\n  description: Work that stays correct and easy to change.\n"
    levels = "".join(f"  - evidence: [Evidence of quality at step {rank}.]\n" for rank in range(1, 6))
    _edit(framework_dir, "competencies.yml", old, old + "  levels:\n" + levels)
    quality = load_guide(framework_dir).competencies["quality-skill"]
    assert quality.detail(2) == LevelDetail(None, ("Evidence of quality at step 2.",), ())
    both = "  - evidence: [Evidence of quality at step 2.]\n"
    _edit(framework_dir, "competencies.yml", both, "  - {descriptor: Two., statements: [Two.]}\n")
    with pytest.raises(DataError) as caught:
        load_guide(framework_dir)
    line = line_of(framework_dir, "competencies.yml", "descriptor: Two.")
    assert [str(problem) for problem in caught.value.problems] == [
        f"data/competencies.yml:{line}: competency 'quality-skill': level 2 has both a descriptor: and statements: write one "
        "of them (or neither, when the roles expecting this step say what it means for them)"
    ]


def test_a_statement_keeps_its_examples_and_needs_its_text(framework_dir: Path) -> None:
    guide = load_guide(framework_dir)
    (first, second) = guide.roles["operations-engineer"].expectations["operations-skill"].statements
    assert len(first.examples) == 2 and len(second.examples) == 1
    _edit(
        framework_dir,
        "career_paths/operations.yml",
        "      - statement: 'Operations Engineer statement: spots a failing check before it pages anyone.'\n",
        "      - statment: 'Operations Engineer statement: spots a failing check before it pages anyone.'\n",
    )
    with pytest.raises(DataError) as caught:
        load_guide(framework_dir)
    assert "unknown key 'statment' (did you mean 'statement'?)" in caught.value.report()


def test_a_grade_code_in_a_message_is_written_as_in_the_data(framework_dir: Path) -> None:
    _edit(framework_dir, "career_paths/operations.yml", "  next:\n  - operations-lead\n", "  next:\n  - operations-engineer\n")
    with pytest.raises(DataError) as caught:
        load_guide(framework_dir)
    assert "next role 'operations-engineer' is at J, not above this role's S" in caught.value.report()


def test_a_duplicate_id_names_every_record_using_it_and_offers_make_rename(data_dir: Path) -> None:
    # Two frameworks in one catalogue: the roles naming 'communication' would silently take whichever keeps the id.
    extra = "  - id: communication\n    name: Talking\n    description: Again.\n    levels: [a, b, c, d, e]\n"
    path = data_dir / "competencies.yml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    (problem,) = caught.value.problems
    assert str(problem).startswith(
        f"data/competencies.yml:{line_of(data_dir, 'competencies.yml', '- id: communication')}: "
        "competency id 'communication' is already used at data/competencies.yml:"
    )
    design_roles = (data_dir / "career_paths" / "design.yml").read_text(encoding="utf-8").splitlines()
    design = next(number for number, line in enumerate(design_roles, start=1) if line.strip().startswith("communication:"))
    assert f"role 'product-designer' at data/career_paths/design.yml:{design}" in problem.message
    users = re.findall(r"role '[a-z-]+' at data/career_paths/[a-z-]+\.yml:\d+", problem.message)
    assert len(users) == sum(
        line.strip().startswith("communication:")
        for family in (data_dir / "career_paths").glob("*.yml")
        for line in family.read_text(encoding="utf-8").splitlines()
    ), "every role naming it, each with its line"
    assert "write it in each record above that means this competency" in problem.message
    assert "make rename KIND=competency OLD=... NEW=..." in problem.message


def test_a_duplicate_role_id_names_the_moves_and_questions_to_it(data_dir: Path) -> None:
    problems = problems_after(data_dir, ENGINEERING, "  - id: staff-engineer\n", "  - id: senior-engineer\n")
    (duplicate,) = [problem for problem in problems if "is already used at" in problem]
    assert re.search(r"role 'software-engineer' \(next\) at data/career_paths/engineering\.yml:\d+", duplicate)
    assert re.search(r"question 'mgr-eng-manager-path' at data/questions/manager\.yml:\d+", duplicate)
    assert "make rename KIND=role OLD=... NEW=..." in duplicate


@pytest.mark.parametrize(("first", "second"), [("A", "A"), ("Goals", "Goals"), ("Next steps", "Next Steps")])
def test_two_sections_of_a_worksheet_with_the_same_title_are_refused_at_the_second(data_dir: Path, first: str, second: str) -> None:
    # Answers in the browser are kept under a section's name, however short its title.
    relative = "worksheets/follow-up-plan.yml"
    path = data_dir / relative
    path.write_text(path.read_text(encoding="utf-8").replace("  - title: What you heard\n", f"  - title: {first}\n"), encoding="utf-8")
    problems = problems_after(data_dir, relative, "  - title: Action plan\n", f"  - title: {second}\n")
    lines = path.read_text(encoding="utf-8").splitlines()
    first_line = lines.index(f"  - title: {first}") + 1
    second_line = len(lines) - lines[::-1].index(f"  - title: {second}")
    assert problems == [
        f"data/{relative}:{second_line}: section '{second}' has the same name as section '{first}' at line {first_line}: "
        "give each section its own title"
    ]


def test_the_editors_schemas_are_the_ones_the_data_is_checked_against() -> None:
    """data/schema/ (where the data files' `$schema` lines point) is the editors' copy of the schemas the package ships."""
    shipped = {path.name: path.read_bytes() for path in SCHEMA_DIR.glob("*.json")}
    editors = {path.name: path.read_bytes() for path in (PROJECT / "data" / "schema").glob("*.json")}
    assert shipped, f"{SCHEMA_DIR} holds no schemas"
    differing = sorted(name for name in shipped.keys() | editors.keys() if shipped.get(name) != editors.get(name))
    assert not differing, (
        f"data/schema/ differs from macros/loading/schema/ in {', '.join(differing)}: the loader checks against "
        "macros/loading/schema/; change a schema there and copy it to data/schema/ for the editors"
    )
