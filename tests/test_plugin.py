"""The plugin's settings, its registration with MkDocs, and the edits it makes to Material's templates."""

from __future__ import annotations

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
from macros.integration.theme_patches import EDITS, MATERIAL_TEMPLATES, NAV_ITEM, Edit, PatchError, PatchingLoader, TextsOnce, apply_edits

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
