"""The plugin's settings, its registration with MkDocs, the edits it makes to Material's templates, and where its HTML is written."""

from __future__ import annotations

import ast
import re
from importlib.metadata import entry_points, version
from pathlib import Path

import jinja2
import pytest
from helpers import PROJECT
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, get_files

from macros.integration.plugin import CareerGuideConfig, CareerGuidePlugin
from macros.integration.preview_problems import problems_panel
from macros.integration.theme_patches import EDITS, MATERIAL_TEMPLATES, NAV_ITEM, Edit, PatchError, PatchingLoader, TextsOnce, apply_edits
from macros.model.errors import DataProblem
from macros.rendering.environment import environment

pytestmark = pytest.mark.unit


def test_mkdocs_finds_the_plugin_by_its_name() -> None:
    (found,) = [point for point in entry_points(group="mkdocs.plugins") if point.name == "career-guide"]
    assert found.load() is CareerGuidePlugin


def test_settings_have_defaults_relative_to_mkdocs_yml(tmp_path: Path) -> None:
    config = CareerGuideConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({})
    failed, warnings = config.validate()
    assert not failed and not warnings
    assert config.data_dir == str(tmp_path / "data")
    assert config.schema_dir is None
    assert config.nav_section_limit == 12


@pytest.mark.parametrize(("name", "value"), [("nav_section_limit", "many"), ("schema_dir", "nowhere"), ("data_dir", 3)])
def test_a_wrong_setting_is_refused_with_its_name(tmp_path: Path, name: str, value: object) -> None:
    config = CareerGuideConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({name: value})
    failed, _ = config.validate()
    assert [key for key, _ in failed] == [name]


def _config(plugins: list[object]) -> MkDocsConfig:
    config = MkDocsConfig(config_file_path=str(PROJECT / "mkdocs.yml"))
    config.load_dict({"site_name": "t", "docs_dir": str(PROJECT / "docs"), "plugins": plugins})
    failed, _ = config.validate()
    assert not failed, failed
    return config


def _plugin(config: MkDocsConfig) -> CareerGuidePlugin:
    plugin = config.plugins["career-guide"]
    assert isinstance(plugin, CareerGuidePlugin)
    return plugin


def test_without_mkdocs_macros_the_build_says_what_to_add() -> None:
    config = _config(["career-guide"])
    with pytest.raises(PluginError, match="add `- macros` under `plugins:`"):
        _plugin(config).on_config(config)


def test_the_data_loads_once_per_build_and_the_chapters_get_their_macros() -> None:
    config = _config(["career-guide", "macros"])
    plugin = _plugin(config)
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)  # every plugin, in MkDocs' order
    assert plugin.guide is not None and plugin.guide.roles
    assert config.site_name == plugin.guide.company.guide_title
    assert {"company_name", "question_bank", "message", "worksheet"} <= set(config.plugins["macros"].macros)
    files = config.plugins.on_files(get_files(config), config=config)  # the chapters, as MkDocs finds them
    assert f"roles/{next(iter(plugin.guide.roles))}/index.md" in {file.src_uri for file in files}


def test_every_edit_applies_once_to_the_pinned_material() -> None:
    for name, edits in EDITS.items():
        original = (MATERIAL_TEMPLATES / name).read_text(encoding="utf-8")
        patched = apply_edits(name, original, edits)
        for edit in edits:
            assert original.count(edit.old) == 1 and edit.new in patched, (name, edit.why)


def test_no_loop_of_the_patched_sidebar_runs_over_all_of_a_sections_entries() -> None:
    # The sidebar is drawn on every page: a loop over every family or worksheet
    # there makes each page cost more as the company grows.
    patched = apply_edits(NAV_ITEM, (MATERIAL_TEMPLATES / NAV_ITEM).read_text(encoding="utf-8"), EDITS[NAV_ITEM])
    loops = re.findall(r"\{%-? for [^%]*%\}", patched)
    assert loops == ["{% for position, item in listing.entries %}"]


def test_an_edit_that_no_longer_applies_names_material_and_its_version() -> None:
    edits = (Edit("do something", old="text that Material no longer has", new=""),)
    with pytest.raises(PatchError) as raised:
        apply_edits(NAV_ITEM, "{# a changed template #}", edits)
    message = str(raised.value)
    assert f"mkdocs-material {version('mkdocs-material')}" in message and NAV_ITEM in message
    assert "cannot 'do something'" in message and "macros/integration/theme_patches.py" in message


def _material_loader(sources: dict[str, str]) -> jinja2.FunctionLoader:
    """A loader that finds `sources` as if they were Material's own files."""
    return jinja2.FunctionLoader(lambda name: (sources[name], str(MATERIAL_TEMPLATES / name), lambda: True))


def test_the_build_stops_when_material_changed_under_an_edit() -> None:
    config = _config(["career-guide", "macros"])
    changed = dict.fromkeys(EDITS, "{# nothing the edits expect #}")
    env = jinja2.Environment(loader=_material_loader(changed))
    with pytest.raises(PluginError, match=r"mkdocs-material [\d.]+'s partials/"):
        _plugin(config).on_env(env, config=config, files=Files([]))


def test_a_sites_own_copy_of_a_template_is_left_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / NAV_ITEM).write_text("{# the site's own navigation #}", encoding="utf-8")
    env = jinja2.Environment(loader=PatchingLoader(jinja2.FileSystemLoader(tmp_path)))
    assert env.loader is not None
    assert env.loader.get_source(env, NAV_ITEM)[0] == "{# the site's own navigation #}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_edited_language_template_gives_every_text_as_materials_own(language: str) -> None:
    # The edit only keeps Material's answers: every interface text, and an unknown key, come out the same.
    keys = re.findall(r'^  "([a-z.]+)":', (MATERIAL_TEMPLATES / "partials/languages/en.html").read_text(encoding="utf-8"), re.M)
    assert len(keys) > 50
    calls = "\n".join(f"{{{{ lang.t({key!r}) }}}}" for key in [*keys, "no.such.text"])
    page = '{% import "partials/language.html" as lang with context %}' + calls

    def render(loader: jinja2.BaseLoader, texts: TextsOnce | None = None) -> str:
        env = jinja2.Environment(loader=jinja2.ChoiceLoader([jinja2.DictLoader({"page.html": page}), loader]), autoescape=True)
        env.globals["career_guide_texts"] = texts
        return env.get_template("page.html").render(config={"theme": {"language": language}})

    materials = render(jinja2.FileSystemLoader(MATERIAL_TEMPLATES))
    texts = TextsOnce()
    edited = render(PatchingLoader(jinja2.FileSystemLoader(MATERIAL_TEMPLATES)), texts)
    assert edited == materials
    assert render(PatchingLoader(jinja2.FileSystemLoader(MATERIAL_TEMPLATES)), texts) == materials, "and again, from what it kept"


# ---------- where HTML is written ----------

HTML_ELEMENTS = frozenset(
    re.findall(
        r"\w+",
        """a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup
    data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head
    header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object
    ol optgroup option output p picture pre progress q rp rt ruby s samp script search section select slot small source span
    strong style sub summary sup svg table tbody td textarea tfoot th thead time title tr track u ul var video wbr""",
    )
)
"""HTML's elements. `template` is left out: `<template>` is how messages name a template's id (data/templates/<template>.yml)."""
_TAG = re.compile(r"<!doctype\b|</?([a-zA-Z][a-zA-Z0-9]*)(?:\s*/?>|\s+[a-zA-Z_:][-\w:.]*(?:\s*=|\s|/?>))", re.I)
_SEARCHES = frozenset({"find", "rfind", "index", "rindex", "startswith", "endswith", "count", "split", "rsplit", "partition", "rpartition"})
HTML_IN_PYTHON = {
    "macros/rendering/fragments.py": "the escaped fragments written many times a build (headings, links, paragraphs, lists, the policy)",
    "macros/integration/theme_patches.py": "edits of Material's templates: template source, matched against Material's own",
}


def _read_only(tree: ast.AST) -> set[int]:
    """The string constants that describe or find HTML rather than write it: docstrings, regular
    expressions, the argument of a search (`text.startswith("<p>")`) and the left side of `in`."""
    found: set[int] = set()
    for node in ast.walk(tree):
        reading: list[ast.AST] = []
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            reading = [node.value]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            pattern = isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
            if pattern or node.func.attr in _SEARCHES:
                reading = node.args
        elif isinstance(node, ast.Compare) and all(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            reading = [node.left]
        found |= {id(part) for read in reading for part in ast.walk(read)}
    return found


def _html_written(path: Path, root: Path = PROJECT) -> list[str]:
    """Where `path` writes HTML in a string: `file:line: the string`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    read_only = _read_only(tree)
    written = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in read_only and _has_tag(node.value)
    ]
    return [f"{path.relative_to(root).as_posix()}:{node.lineno}: {node.value!r}" for node in sorted(written, key=lambda node: node.lineno)]


def _has_tag(text: str) -> bool:
    return any(tag.group(1) is None or tag.group(1).lower() in HTML_ELEMENTS for tag in _TAG.finditer(text))


def test_html_is_written_only_in_templates_and_the_fragments() -> None:
    """Layouts are Jinja templates, autoescaped and overridable from a site's custom_dir; Python writes only the fragments."""
    sources = sorted((PROJECT / "macros").rglob("*.py"))
    assert {PROJECT / path for path in HTML_IN_PYTHON} <= set(sources)
    written = [line for path in sources if path.relative_to(PROJECT).as_posix() not in HTML_IN_PYTHON for line in _html_written(path)]
    assert not written, "HTML written in Python: lay it out in a template of macros/rendering/templates/career-guide/\n" + "\n".join(
        written
    )


def test_the_check_finds_html_written_but_not_html_described_or_searched_for(tmp_path: Path) -> None:
    lines = [
        'import re\n"""A <p> in a docstring describes one."""',
        'FOUND = re.compile(r"<p>(.*)</p>")',
        'SEEN = "<ul>" in FOUND.pattern',
        "LINK = f'<a href=\"{FOUND}\">'",
        'END = "page".rfind("</body>")',
        'NOTE = "<p>Written</p>"',
        'ASK = "make changes SINCE=<a commit, tag or branch>; data/templates/<template>.yml"',
        'PAGE = "<!doctype html>"',
    ]
    (tmp_path / "page.py").write_text("\n".join(lines), encoding="utf-8")
    assert [line.split(":")[1] for line in _html_written(tmp_path / "page.py", tmp_path)] == ["5", "7", "9"]


def test_the_previews_problem_panel_lists_every_problem_escaped_and_a_site_may_lay_it_out(tmp_path: Path) -> None:
    problems = [DataProblem("data/a.yml", 3, "unknown key '<b>'"), DataProblem("data/b.yml", 4, "level is empty")]
    panel = problems_panel(environment(), problems, keeping_last_good=True)
    assert panel.startswith('<div id="cg-preview-problems" role="alert">') and "\n" not in panel
    assert "The guide's data has 2 problems. This preview shows the last data that loaded." in panel
    assert "<li><code>data/a.yml:3</code>: unknown key &#39;&lt;b&gt;&#39;</li>" in panel
    assert "has 1 problem. This preview shows no data until they are fixed." in problems_panel(environment(), problems[:1], False)
    (tmp_path / "career-guide").mkdir()
    (tmp_path / "career-guide" / "preview-problems.html").write_text("{{ problems | length }} to fix", encoding="utf-8")
    assert problems_panel(environment(tmp_path), problems, keeping_last_good=True) == "2 to fix"
