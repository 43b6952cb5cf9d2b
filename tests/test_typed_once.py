"""What readers need not type: the company's name written in, and questions that ask for no blank."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import PROJECT, SAMPLE_DATA

from macros.commands.check import main as check
from macros.loading import load_guide
from macros.model.guide import Guide
from macros.rendering.browser_contract import CONVERSATION_DATE
from macros.rendering.views import PERSON_FIELDS

pytestmark = pytest.mark.unit


def test_the_company_name_is_written_into_the_messages_not_left_as_a_blank(guide: Guide) -> None:
    template = guide.templates["meeting-request"]
    assert "Company Name" not in template.placeholders
    assert f"my long-term development here at {guide.company.name}." in template.body


def test_a_company_name_that_reads_as_a_blank_is_left_to_the_reader(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    company = tmp_path / "data" / "company.yml"
    company.write_text(company.read_text(encoding="utf-8").replace("name: Brightwell", "name: Brightwell [EU]"), encoding="utf-8")
    assert "Company Name" in load_guide(tmp_path / "data").templates["meeting-request"].placeholders


def test_check_warns_at_its_line_about_a_question_with_a_blank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    bank = tmp_path / "data" / "questions" / "manager.yml"
    lines = bank.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "id: mgr-stretch-assignment" in text)

    assert check([str(tmp_path / "data")]) == 0, "a warning, not a problem"
    warnings = [text for text in capsys.readouterr().err.splitlines() if "cannot fill in" in text]
    assert f"data/questions/manager.yml:{line}: warning: question 'mgr-stretch-assignment' has the blank [skill], " in "\n".join(warnings)
    assert all("reword it so that it needs none" in text for text in warnings)

    # Reworded, or with a link in square brackets, a question has nothing to warn about.
    text = bank.read_text(encoding="utf-8")
    text = text.replace("practise [skill]?", "practise the skill I most want to develop?")
    text = text.replace("in [specific area]?", "in [the area I want to grow in](https://example.com/areas/)?")
    text = text.replace("goal to [your goal],", "goal,")
    bank.write_text(text, encoding="utf-8")
    assert check([str(tmp_path / "data")]) == 0
    assert "cannot fill in" not in capsys.readouterr().err


def test_the_conversation_date_is_one_blank_named_alike_in_python_and_the_script() -> None:
    assert ("date", "Conversation date", "date", CONVERSATION_DATE) in PERSON_FIELDS
    script = (PROJECT / "macros" / "rendering" / "assets" / "guide.js").read_text(encoding="utf-8")
    assert f'const CONVERSATION_DATE = "{CONVERSATION_DATE}";' in script
