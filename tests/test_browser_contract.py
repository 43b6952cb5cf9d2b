"""The page templates and the browser script speak the contract declared in macros/rendering/browser_contract.py."""

from __future__ import annotations

import re

import pytest
from helpers import PROJECT

from macros.rendering.browser_contract import PLAN_BLANKS, STORAGE_PREFIX, Action, Attribute, Export, Part, PlanPart

pytestmark = pytest.mark.unit

ASSETS = PROJECT / "macros" / "rendering" / "assets"
CORE_SCRIPT = (ASSETS / "guide-core.js").read_text(encoding="utf-8")
GUIDE_SCRIPT = (ASSETS / "guide.js").read_text(encoding="utf-8")
PLAN_SCRIPT = (ASSETS / "plan.js").read_text(encoding="utf-8")
SCRIPT = CORE_SCRIPT + GUIDE_SCRIPT + PLAN_SCRIPT
TEMPLATES = "\n".join(path.read_text(encoding="utf-8") for path in sorted((PROJECT / "macros" / "rendering" / "templates").rglob("*.*")))


def _attribute(dataset_name: str) -> str:
    """`cgSlotInput` (as the script's `dataset` spells it) as `data-cg-slot-input`."""
    return "data-" + re.sub(r"[A-Z]", lambda letter: "-" + letter.group(0).lower(), dataset_name)


def _attributes_in_script() -> set[str]:
    spelled = set(re.findall(r"data-cg-[a-z-]*[a-z]", SCRIPT))
    through_dataset = {_attribute(name) for name in re.findall(r"\.dataset\.(cg[A-Za-z]+)", SCRIPT)}
    return spelled | through_dataset


def test_the_script_uses_exactly_the_declared_attributes() -> None:
    assert _attributes_in_script() == {attribute.value for attribute in Attribute}


def test_the_templates_use_only_declared_attributes_and_all_the_script_reads() -> None:
    in_templates = set(re.findall(r"data-cg-[a-z-]*[a-z]", TEMPLATES))
    set_by_the_script = {Attribute.LABEL.value, Attribute.ENTRY_COPY.value}
    assert in_templates == {attribute.value for attribute in Attribute} - set_by_the_script


@pytest.mark.parametrize(
    ("attribute", "values"),
    [(Attribute.ACTION, Action), (Attribute.PART, Part), (Attribute.EXPORT, Export), (Attribute.PLAN_PART, PlanPart)],
)
def test_the_values_of_each_attribute_are_the_declared_ones(attribute: Attribute, values: type[Action | Part | Export | PlanPart]) -> None:
    declared = {value.value for value in values}
    in_templates = set(re.findall(rf'{attribute.value}="([a-z-]+)"', TEMPLATES))
    if attribute is Attribute.EXPORT:  # headings are marked through the `h` macro's last argument
        in_templates |= set(re.findall(r'\{\{ h\([^)]*, "([a-z-]+)"\) \}\}', TEMPLATES))
    assert in_templates == declared, "the templates"
    in_script = set(re.findall(r'"([a-z]+(?:-[a-z]+)*)"', SCRIPT)) & declared
    assert in_script == declared, f"the script handles every {attribute.value}"


def test_the_script_keeps_everything_under_one_storage_prefix_through_one_layer() -> None:
    assert f'const PREFIX = "{STORAGE_PREFIX}";' in CORE_SCRIPT
    assert "PREFIX = " not in GUIDE_SCRIPT + PLAN_SCRIPT, "the prefix is declared once"
    assert len(re.findall(r"backend\.(?:getItem|setItem|removeItem)\(", CORE_SCRIPT)) >= 3, "the storage layer reaches the storage"
    assert "localStorage" not in CORE_SCRIPT + PLAN_SCRIPT
    assert re.findall(r"localStorage[.\w]*", GUIDE_SCRIPT) == ["localStorage"], "guide.js only hands localStorage to the layer"


def test_the_script_finds_nothing_by_a_styling_class() -> None:
    """Selectors name data attributes (or plain elements), never `.cg-*` layout classes."""
    selectors = re.findall(r"querySelector(?:All)?\(\s*[\"'`]([^\"'`]+)[\"'`]", SCRIPT)
    selectors += re.findall(r"\.(?:closest|matches)\(\s*[\"'`]([^\"'`]+)[\"'`]", SCRIPT)
    by_class = [selector for selector in selectors if re.search(r"\.cg-", selector)]
    assert not by_class, by_class


def test_the_plan_fills_exactly_the_declared_blanks() -> None:
    declared = re.findall(r"const (?:NAME|AGENDA)_BLANKS = \{([^}]*)\}", PLAN_SCRIPT)
    filled = {name for block in declared for name in re.findall(r'"([^"]+)"', block)}
    assert filled == {*PLAN_BLANKS, "Your Name", "Manager's Name"}
    assert 'rememberShared("' not in PLAN_SCRIPT, "every blank the plan fills is one of those"
