"""The Career Guide plugin: MkDocs' events wired to the modules that do the work.

Load and validate the data once per build (`loading`), add the generated pages
as virtual files and check their links (`pages`, `links`), hand MkDocs their
finished HTML instead of Markdown (`finished_page`) and their search entries
from the data (`search_sections`, `search_index`), shape the navigation
(`pages`, `theme_patches`), write pages compactly, each with its
Content-Security-Policy (`compact`, `security_policy`), lay out again
only what changed while previewing (`preview_cache`), and give the
hand-written chapters their macros (`chapter_macros`, through mkdocs-macros'
registration API). Everything a build needs lives on the plugin instance; nothing is kept
in module-level state or on MkDocs' config.
"""

from __future__ import annotations

import logging
import os
import posixpath
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from ..loading import load_guide
from ..loading.schema_check import SCHEMA_DIR
from ..model.errors import DataError, DataProblem
from ..model.guide import Company, Guide
from ..model.site_address import example_address_warning
from ..pages.catalogue import generated_pages
from ..pages.data_date import data_date
from ..pages.links import broken_links, unknown_search_pages
from ..pages.memo import PageMemo
from ..pages.navigation import expand_nav
from ..pages.plan_data import PLAN_DATA_PATH, plan_data_json
from ..pages.redirects import redirect_page, redirects
from ..rendering.browser_contract import ASSETS_DIR
from ..rendering.environment import PACKAGE_TEMPLATES, environment
from ..rendering.fragments import Once
from .assets import asset_files, link_assets
from .brand_theme import set_brand
from .chapter_macros import chapter_macros
from .chapter_needs import chapter_problems
from .compact import compact
from .finished_page import FinishedPage
from .garbage import BuildCollector
from .preview_cache import REUSED_LAYOUT, REUSED_LAYOUT_SOURCE, REUSED_OUTPUT, PreviewCache
from .preview_problems import problems_panel, stand_in_guide, with_panel
from .search_index import MaterialSearch
from .security_policy import with_policy
from .theme_patches import EDITS, PatchError, PatchingLoader, SectionListing, TextsOnce

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext
    from mkdocs_macros.plugin import MacrosPlugin


log = logging.getLogger("mkdocs.plugins.career-guide")
CHAPTER_SEARCH_BOOST = 2.0
"""How much a hand-written chapter outranks pages made from data in search."""


class CareerGuideConfig(base.Config):
    """The plugin's settings under `plugins: - career-guide:` in mkdocs.yml."""

    data_dir = c.Dir(default="data")
    """HR's YAML files, relative to mkdocs.yml."""
    schema_dir = c.Optional(c.Dir(exists=True))
    """The JSON Schemas the data is checked against; by default the plugin's own (a site's `data/schema/` is the editors' copy)."""
    nav_section_limit = c.Type(int, default=12)
    """A navigation section with more entries than this (job families, a family's
    roles, worksheets) lists only the entry being read and a link to its overview
    page: every sidebar stays short, and the build linear, however large the company."""


class CareerGuidePlugin(BasePlugin[CareerGuideConfig]):
    """Turns the data under `data_dir` into the guide's generated pages and macros."""

    def __init__(self) -> None:
        self.serving = False
        self.guide: Guide | None = None
        self.env: jinja2.Environment | None = None
        """The page templates of this build (the site's own first, from its custom_dir)."""
        self.search: MaterialSearch | None = None
        self.last_good: Guide | None = None
        """While previewing: the last data that loaded, shown while an edit is broken."""
        self.preview: PreviewCache | None = None
        """While previewing: the last rebuild's pages, written again when unchanged."""
        self.memo: PageMemo | None = None
        """While previewing: the last rebuild's generated pages, taken again when their data is unchanged."""
        self.nav: Navigation | None = None
        self.problems: list[DataProblem] = []
        """While previewing: the data's problems, shown over every page until a save fixes them."""
        self.search_words: dict[str, list[str]] = {}
        """Site address -> the words employees search for that this page answers (data/search.yml)."""
        self.brand_css: str | None = None
        """The brand's stylesheet of this build (see brand_theme); None when the company sets no colour."""
        self.collector = BuildCollector()
        self.layouts: SectionListing | None = None
        """The theme's parts laid out once for many pages (see theme_patches), for this build."""

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        """The preview rebuilds when the data changes, or the guide's own templates, stylesheet and scripts:
        a site lists none of them under `watch` (an installed package has no folder of the site's)."""
        server.watch(str(Path(self.config.data_dir).resolve()))
        for folder in (PACKAGE_TEMPLATES, ASSETS_DIR):
            server.watch(str(folder))
        return server

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup also keeps this instance across the rebuilds of
        # `mkdocs serve`, which is what lets `last_good` outlive a broken edit.
        self.serving = command == "serve"
        # mkdocs-macros lists its variables, macros and filters at every build: the same
        # five lines on every save of a preview. Its warnings and errors still show.
        logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)
        self.last_good = None
        self.preview = PreviewCache() if self.serving else None
        self.memo = PageMemo() if self.serving else None

    @event_priority(100)  # before mkdocs-macros reads the macros registered here
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.collector.begin()
        guide = self._load(Path(config.docs_dir))
        self.guide = guide
        config.site_name = guide.company.guide_title
        # Printed at the foot of every page (see overrides/main.html): which data a sheet on paper shows.
        config.extra["data_date"] = data_date(Path(self.config.data_dir))
        if guide.company.tagline:
            config.site_description = guide.company.tagline
        _set_repository(config, guide.company)
        _set_address(config, guide.company, serving=self.serving)
        self.brand_css = set_brand(config, guide.company.brand)
        link_assets(config, branded=self.brand_css is not None)
        if config.nav:
            config.nav = expand_nav(config.nav, guide)
        custom_dir = config.theme.custom_dir
        self.env = environment(Path(custom_dir) if custom_dir else None)
        macros = _macros_plugin(config)
        loaded = not self.problems or self.last_good is not None
        # What the chapters name of the data is checked before any page is written (see chapter_needs).
        if chapters := chapter_problems(guide, Path(config.docs_dir)):
            report = "The chapters name data the guide does not have:\n" + DataError(chapters).report()
            if not self.serving:
                raise PluginError(report)
            # Previewing: shown over every page, as the data's problems are, and the chapters show a note in their place.
            self.problems += chapters
            loaded = False
            print(f"{report}\nThe preview keeps running: save a fix and the page reloads.", file=sys.stderr, flush=True)
        schema_dir = Path(self.config.schema_dir) if self.config.schema_dir else SCHEMA_DIR
        docs_dir = Path(config.docs_dir)
        macros.register_macros(
            chapter_macros(guide, self.env, lambda: macros.page.url, data_loaded=loaded, schema_dir=schema_dir, docs_dir=docs_dir)
        )
        self.collector.settle()  # the data, kept until the build ends
        return config

    def _load(self, docs_dir: Path) -> Guide:
        """The data (the files it names looked for in `docs_dir`); while previewing, the last good data when an edit broke it."""
        data_dir = Path(self.config.data_dir)
        schema_dir = Path(self.config.schema_dir) if self.config.schema_dir else SCHEMA_DIR
        self.problems = []
        try:
            guide = load_guide(data_dir, schema_dir, docs_dir=docs_dir)
        except DataError as error:
            report = "The guide's data has problems:\n" + error.report()
            if not self.serving:
                # PluginError stops the build before anything is written, with no traceback.
                raise PluginError(report) from None
            # Previewing: the problems are shown on every page (see preview_problems).
            # Printed, not logged: under `strict`, a logged warning would fail the
            # preview's rebuild instead of keeping the last good pages.
            self.problems = list(error.problems)
            keeping = "the last good data" if self.last_good else "no data"
            print(f"{report}\nThe preview shows {keeping} until a save fixes this.", file=sys.stderr, flush=True)
            return self.last_good or stand_in_guide(str(data_dir))
        if self.serving:
            self.last_good = guide
        return guide

    @event_priority(100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add one virtual page per generated page: nothing is ever written into docs/."""
        assert self.guide is not None and self.env is not None, "on_config loads the data first"
        docs = _docs_path(config)
        self.search = MaterialSearch(config)
        pages = generated_pages(self.guide, self.env, self.memo)
        for page in pages:
            # Explicit inclusion also overrides MkDocs' default `exclude_docs`, which
            # would silently drop every page under templates/.
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content="", inclusion=inclusion)
            # "Edit this page" opens the YAML file the page comes from (the path is
            # relative to docs/, as MkDocs joins it to edit_uri).
            file.edit_uri = posixpath.relpath(page.origin.path, docs) if page.origin else None
            FinishedPage(page, file, config)  # becomes file.page: MkDocs uses it, not a page of its own
            files.append(file)
        for asset in asset_files(config, self.brand_css):
            files.append(asset)
        # The plan page's data, once for the whole site rather than inside every page.
        files.append(File.generated(config, PLAN_DATA_PATH, content=plan_data_json(self.guide)))
        # Renamed records' old addresses keep working (see redirects).
        for redirect in redirects(self.guide):
            # Included explicitly: MkDocs' default exclude_docs would drop the old address of a template.
            moved = File.generated(
                config,
                f"{redirect.old}index.html",
                content=self._secured(redirect_page(redirect, self.env)),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            files.append(moved)
        # The home page's URL is './', the path a link to it resolves to ''.
        site_urls = {"" if file.url == "./" else file.url for file in files}
        self.search_words = {}
        for term in self.guide.search_terms:
            self.search_words.setdefault(term.page.strip("/") + "/" if term.page != "/" else "", []).extend(term.words)
        if problems := broken_links(pages, site_urls) + unknown_search_pages(self.guide, site_urls):
            if not self.serving:
                raise PluginError("The guide's data has problems:\n" + DataError(problems).report())
            self.problems += problems
            print("The guide's data has problems:\n" + DataError(problems).report(), file=sys.stderr, flush=True)
        self.collector.settle()  # the generated pages, kept until each is written
        return files

    @event_priority(-200)  # after every other plugin and hook has seen the page's HTML (they use -100 at the latest)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Set a generated page's HTML aside until the page is laid out (see FinishedPage.set_aside)."""
        if isinstance(page, FinishedPage):
            page.set_aside(html)
            return page.content or ""
        return html

    @event_priority(100)  # before any other plugin sees the page again
    def _take_back_content(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        if isinstance(page, FinishedPage) and not self._indexes_itself(page):
            page.take_back()
        return context

    def _indexes_itself(self, page: FinishedPage) -> bool:
        """Whether the page is indexed from its data (see _index_for_search), so Material's search plugin skips it."""
        return page.search_sections is not None and self.search is not None and self.search.enabled

    @event_priority(-1)  # after Material's search plugin (0), before the search words (-50) and the preview (-100)
    def _take_back_indexed(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        """A page indexed from its data gets its HTML back only once Material's search plugin has passed:
        for every page, that plugin removes `data-search-` attributes from its HTML with a pattern tried at
        each character (about 4 % of a build), and this HTML has none to remove."""
        if isinstance(page, FinishedPage):
            page.take_back()
        return context

    @event_priority(50)  # before Material's search plugin would parse the page's HTML
    def _index_for_search(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        """Index a generated page by the sections built from its data (see search_index); rank chapters first."""
        if not isinstance(page, FinishedPage):
            # A chapter answers questions, a page made from data lists facts: for the
            # same words, the chapter comes first (unless its front matter says otherwise).
            search = page.meta.setdefault("search", {}) if isinstance(page.meta.get("search", {}), dict) else {}
            search.setdefault("boost", CHAPTER_SEARCH_BOOST)
        if isinstance(page, FinishedPage) and page.search_sections is not None and self.search is not None:
            self.search.add(page, page.search_sections(), page.search_boost)
            page.search_sections = None
        return context

    @event_priority(-50)  # after Material's search plugin has indexed the page
    def _add_search_words(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        """The words employees search for (data/search.yml) find the page that answers them."""
        words = self.search_words.get("" if page.url == "./" else page.url)
        if words and self.search is not None:
            self.search.add_words(page, words)
        return context

    @event_priority(-100)  # after every other plugin has seen the page
    def _reuse_unchanged(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        """While previewing, hand a page unchanged since the last rebuild its previous output (see preview_cache)."""
        if self.preview is not None and (output := self.preview.reused_output(page)) is not None:
            context[REUSED_OUTPUT] = output  # type: ignore[literal-required]
        return context

    on_page_context = CombinedEvent(_take_back_content, _index_for_search, _take_back_indexed, _add_search_words, _reuse_unchanged)

    def _write_compactly(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Write the page without the theme's indentation (see compact), and let go of its HTML:
        nothing reads it again, and keeping every page's until the build ends would make
        memory grow with the company. (Its Markdown stays: other pages' navigation may
        take its title from it.)"""
        page.content = None
        if self.preview is None:
            return compact(output)
        if self.problems:
            assert self.env is not None, "on_config lays out the templates first"
            # Never kept for reuse: the next good save must write the page without the panel.
            return with_panel(compact(output), problems_panel(self.env, self.problems, self.last_good is not None))
        if page.meta.get("template") == REUSED_LAYOUT:
            return output
        output = compact(output)
        self.preview.keep(page, output)
        return output

    @event_priority(-200)  # after every other plugin has changed the page: the hashes are of what is written
    def _add_security_policy(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self._secured(output)

    on_post_page = CombinedEvent(_write_compactly, _add_security_policy)

    @event_priority(-200)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The theme's page for a missing address (404.html) carries the policy too; sitemap.xml is no page."""
        return self._secured(output_content) if template_name.endswith(".html") else output_content

    def _secured(self, page_html: str) -> str:
        """`page_html` with its Content-Security-Policy (see security_policy). Not while previewing:
        the preview's live-reload script, which MkDocs adds as each page is served, differs every time."""
        return page_html if self.serving else with_policy(page_html)

    @event_priority(100)  # before Material's search plugin writes its index (see garbage)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Every page is written: what was kept to lay out many of them goes before the index is written.
        if self.layouts is not None:
            self.layouts.release()
        if self.env is not None and isinstance(once := self.env.globals.get("once"), Once):
            once.release()
        self.collector.end()
        if self.preview is not None and self.memo is not None and self.preview.planned:
            # One line a rebuild: the preview's terminal is for the data's problems, not for chatter.
            log.info(
                f"Rebuilt: laid out {self.preview.planned - self.preview.reused} changed pages ({self.preview.reused} unchanged reused); "
                f"made {self.memo.made} pages from data ({self.memo.reused} reused)"
            )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Patch Material's templates (see theme_patches) and give them the plugin's settings."""
        assert env.loader is not None
        patching = PatchingLoader(env.loader)
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({REUSED_LAYOUT: REUSED_LAYOUT_SOURCE}), patching])
        # MkDocs compiles the theme's templates anew on every build (about 40
        # of Material's): keep them compiled, keyed by their (patched) source.
        env.bytecode_cache = jinja2.FileSystemBytecodeCache()
        for name in EDITS:
            try:
                patching.get_source(env, name)
            except PatchError as error:
                raise PluginError(str(error)) from None
        self.layouts = env.globals["career_guide"] = SectionListing(self.config.nav_section_limit)
        env.globals["career_guide_texts"] = TextsOnce()
        if self.preview is not None and self.nav is not None:
            pages = [file.page for file in files.documentation_pages() if file.page is not None]
            self.preview.plan(pages, self.nav, config)
        self.collector.settle()  # every page read and converted, kept until the build ends
        return env

    def on_build_error(self, *, error: Exception) -> None:
        self.collector.end()


def _macros_plugin(config: MkDocsConfig) -> MacrosPlugin:
    macros: Any = config.plugins.get("macros")
    if macros is None or not hasattr(macros, "register_macros"):
        raise PluginError(
            "The career-guide plugin needs mkdocs-macros for the chapters' macros: add `- macros` under `plugins:` in mkdocs.yml."
        )
    return macros  # type: ignore[no-any-return]


def _docs_path(config: MkDocsConfig) -> str:
    """docs_dir relative to the project, as a POSIX path (`docs`): where edit links start."""
    project = Path(config.config_file_path).resolve().parent
    return Path(config.docs_dir).resolve().relative_to(project).as_posix()


def _set_repository(config: MkDocsConfig, company: Company) -> None:
    """'Edit this page' links: hand-written pages open their Markdown in the repository."""
    if not company.repository_url:
        return
    config.repo_url = company.repository_url
    config.repo_name = urlsplit(company.repository_url).path.strip("/") or company.repository_url
    config.edit_uri = posixpath.join(company.edit_uri, _docs_path(config), "")


def _set_address(config: MkDocsConfig, company: Company, *, serving: bool) -> None:
    """The published address: `site_url` in data/company.yml, unless the build is given SITE_URL (mkdocs.yml reads it).

    An address still naming the example company is said, printed rather than
    logged: under `strict`, a logged warning would fail the build, and this one
    must not (`make check` warns about it too). The preview keeps its own address."""
    if serving:
        return
    if company.site_url and not os.environ.get("SITE_URL"):
        config.site_url = company.site_url
    if warning := example_address_warning(company, config.site_url):
        print(warning, file=sys.stderr, flush=True)
