"""The company's brand and address (data/company.yml `brand` and `site_url`): checked as HR types
and by `make check`, readable (WCAG AA) in light and dark, on every page."""

from __future__ import annotations

import colorsys
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from helpers import SAMPLE_DATA, Preview, Site, axe_violations, built_site, copy_project, run_build, run_check, serving, settled
from playwright.sync_api import Page, expect

from macros.integration.assets import BRAND_STYLESHEET, SITE_FOLDER
from macros.integration.brand_theme import set_brand, slate_background
from macros.loading import load_guide
from macros.model.colours import (
    AA_TEXT,
    WHITE,
    contrast,
    darker_to_pass,
    hsl_colour,
    light_scheme_shortfall,
    lighter_to_pass,
    ratio_text,
    relative_luminance,
    rgb,
)
from macros.model.errors import DataError
from macros.model.guide import Brand
from macros.model.site_address import example_address_warning, names_example_company, published_address
from macros.rendering.brand import brand_stylesheet

FAINT = "#2ab3a6"
"""A teal too light for white text: the colour the issue's HR team tried."""
PASSING = "#1f847b"
"""The nearest darker shade of FAINT that passes: the one `make check` suggests, only just readable."""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#fff"/></svg>'
BRANDED = f"""site_url: https://careers.northwind.example/
brand:
  colour: "{PASSING.upper()}"
  logo: images/logo.svg
"""


def _hsl(colour: str) -> tuple[float, float, float]:
    hue, lightness, saturation = colorsys.rgb_to_hls(*(channel / 255 for channel in rgb(colour)))
    return hue * 360, saturation, lightness


def _nearer(colour: str, shade: str, direction: int) -> str:
    """A shade of `colour` (its hue and saturation) nearer to it than `shade`, lighter (1) or darker (-1): by
    a little more than rounding to #rrggbb can move a shade's lightness."""
    hue, saturation, _ = _hsl(colour)
    return hsl_colour(hue, saturation * 100, (_hsl(shade)[2] + direction * 0.004) * 100)


# The colour maths.


@pytest.mark.unit
@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes on white
        ("#777777", "#ffffff", 4.48),
        ("#595959", "#ffffff", 7.0),  # the lightest grey for WCAG AAA
        (FAINT, "#ffffff", 2.59),
        ("#0000FF", "#FFFF00", 8.0),
    ],
)
def test_contrast_of_known_pairs(first: str, second: str, ratio: float) -> None:
    assert contrast(first, second) == pytest.approx(ratio, abs=0.01)
    assert contrast(second, first) == contrast(first, second)


@pytest.mark.unit
def test_luminance_runs_from_black_to_white() -> None:
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)


@pytest.mark.unit
def test_a_ratio_is_shown_rounded_down_so_a_failing_one_never_reads_as_enough() -> None:
    assert ratio_text(4.4999) == "4.4:1"
    assert ratio_text(AA_TEXT) == "4.5:1"
    assert ratio_text(21.0) == "21:1"


@pytest.mark.unit
@pytest.mark.parametrize("colour", [FAINT, "#ffcc00", "#ff5a5f", "#8fbc8f", "#7f7f7f", "#00aeef"])
def test_the_suggested_shade_passes_and_is_the_nearest_darker_one(colour: str) -> None:
    suggestion = darker_to_pass(colour, [WHITE])
    assert contrast(suggestion, WHITE) >= AA_TEXT
    hue, saturation, lightness = _hsl(colour)
    new_hue, new_saturation, new_lightness = _hsl(suggestion)
    assert new_lightness < lightness, "darker"
    assert new_hue == pytest.approx(hue, abs=1.5) and new_saturation == pytest.approx(saturation, abs=0.02), "the same colour, darker"
    assert contrast(_nearer(colour, suggestion, 1), WHITE) < AA_TEXT, "a shade lighter no longer passes: it is the nearest"


@pytest.mark.unit
def test_a_passing_colour_is_its_own_suggestion() -> None:
    assert darker_to_pass(PASSING, [WHITE]) == PASSING
    assert light_scheme_shortfall(PASSING) is None
    assert light_scheme_shortfall("#4051b5") is None


@pytest.mark.unit
def test_a_faint_colour_falls_short_for_header_text_and_links_alike() -> None:
    shortfall = light_scheme_shortfall(FAINT)
    assert shortfall is not None
    assert shortfall.uses == ("white header text", "links on the white page")
    assert ratio_text(shortfall.ratio) == "2.5:1"
    assert shortfall.suggestion == PASSING


@pytest.mark.unit
def test_the_dark_schemes_background_is_read_from_materials_own_stylesheet() -> None:
    # Material 9's slate: hsla(var(--md-hue), 15%, 14%, 1) with the hue of :root, 225deg.
    assert slate_background() == "#1e2129"


@pytest.mark.unit
@pytest.mark.parametrize("colour", [PASSING, "#4051b5", "#000000", "#13524d", "#6a1b9a"])
def test_dark_mode_links_take_the_nearest_lighter_shade_that_reads_on_slate(colour: str) -> None:
    links = lighter_to_pass(colour, [slate_background()])
    assert contrast(links, slate_background()) >= AA_TEXT
    assert _hsl(links)[2] >= _hsl(colour)[2]
    if links != colour:
        assert contrast(_nearer(colour, links, -1), slate_background()) < AA_TEXT, "a shade darker no longer passes: it is the nearest"


@pytest.mark.unit
def test_the_stylesheet_sets_materials_custom_palette_in_light_and_dark() -> None:
    css = brand_stylesheet(PASSING, slate_background())
    dark_links = lighter_to_pass(PASSING, [slate_background()])
    assert re.search(rf'\[data-md-color-primary="custom"\] \{{[^}}]*--md-primary-fg-color: {PASSING};', css)
    assert re.search(rf'\[data-md-color-primary="custom"\] \{{[^}}]*--md-typeset-a-color: {PASSING};', css)
    assert re.search(rf'\[data-md-color-accent="custom"\] \{{[^}}]*--md-accent-fg-color: {PASSING};', css)
    assert f'[data-md-color-scheme="slate"][data-md-color-primary="custom"] {{ --md-typeset-a-color: {dark_links}; }}' in css
    assert "<" not in css and "@import" not in css


@pytest.mark.unit
def test_the_theme_takes_the_brand_in_every_palette_and_nothing_without_one() -> None:
    palettes = [{"scheme": "default", "primary": "indigo", "accent": "indigo", "toggle": {"name": "Dark"}}, {"scheme": "slate"}]
    theme: dict[str, Any] = {"palette": palettes, "logo": None}
    config: Any = SimpleNamespace(theme=theme)
    assert set_brand(config, Brand()) is None
    assert theme == {"palette": palettes, "logo": None}, "without a brand the site keeps its own palette and logo"

    css = set_brand(config, Brand(colour=PASSING, logo="images/logo.svg"))
    assert css == brand_stylesheet(PASSING, slate_background())
    assert theme["logo"] == "images/logo.svg"
    assert theme["palette"] == [
        {"scheme": "default", "primary": "custom", "accent": "custom", "toggle": {"name": "Dark"}},
        {"scheme": "slate", "primary": "custom", "accent": "custom"},
    ]
    assert palettes[0]["primary"] == "indigo", "mkdocs.yml's own settings are not changed in place"


@pytest.mark.unit
@pytest.mark.parametrize(
    ("address", "example"),
    [
        ("https://careers.brightwell.example/", True),
        ("https://brightwell.example/careers/", True),
        ("https://CAREERS.BRIGHTWELL.EXAMPLE/", True),
        ("https://careers.northwind.example/", False),
        ("https://notbrightwell.example/", False),
        ("https://example.com/brightwell.example/", False),
    ],
)
def test_the_example_companys_address_is_recognised(address: str, example: bool) -> None:
    assert names_example_company(address) is example


@pytest.mark.unit
def test_site_url_in_company_yml_is_the_address_unless_the_build_is_given_one(data_dir: Path) -> None:
    company = load_guide(data_dir).company
    assert published_address(company, None, "https://careers.brightwell.example/") == "https://careers.brightwell.example/"
    _append(data_dir, "site_url: https://careers.northwind.example/\n")
    company = load_guide(data_dir).company
    assert published_address(company, None, "https://careers.brightwell.example/") == "https://careers.northwind.example/"
    assert published_address(company, "https://pages.example.org/guide/", "https://x.example/") == "https://pages.example.org/guide/"


# The loader: what HR is told, on which line.


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the test data beside a docs/ folder holding a logo."""
    (tmp_path / "docs" / "images").mkdir(parents=True)
    (tmp_path / "docs" / "images" / "logo.svg").write_text(LOGO, encoding="utf-8")
    return Path(shutil.copytree(SAMPLE_DATA, tmp_path / "data"))


def _append(data_dir: Path, text: str) -> int:
    """Add `text` to data/company.yml; the line number of its first line."""
    company = data_dir / "company.yml"
    before = company.read_text(encoding="utf-8")
    company.write_text(before + text, encoding="utf-8")
    return len(before.splitlines()) + 1


def _problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.unit
def test_a_valid_brand_and_address_load(data_dir: Path) -> None:
    _append(data_dir, BRANDED)
    company = load_guide(data_dir).company
    assert company.brand == Brand(colour=PASSING, logo="images/logo.svg")
    assert company.site_url == "https://careers.northwind.example/"


@pytest.mark.unit
def test_without_a_brand_nothing_is_set(data_dir: Path) -> None:
    company = load_guide(data_dir).company
    assert company.brand == Brand() and company.site_url is None


@pytest.mark.unit
def test_a_colour_too_light_for_white_text_is_refused_with_the_nearest_darker_shade(data_dir: Path) -> None:
    line = _append(data_dir, f'brand:\n  colour: "{FAINT}"\n')
    assert _problems(data_dir) == [
        f"data/company.yml:{line + 1}: the colour {FAINT} gives white header text and links on the white page a contrast of 2.5:1 "
        f"(WCAG AA needs 4.5:1): use {PASSING} or darker"
    ]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('"#12345"', "'colour' is '#12345', which is not a colour: write # and six hexadecimal digits, in quotes, e.g. \"#1f847b\""),
        ('"teal"', "'colour' is 'teal', which is not a colour: write # and six hexadecimal digits, in quotes, e.g. \"#1f847b\""),
        ("#1f847b", "'colour' is empty: in YAML a # starts a comment, so write the colour in quotes, e.g. colour: \"#1f847b\""),
    ],
    ids=["five digits", "a name", "without quotes"],
)
def test_a_colour_that_is_not_rrggbb_is_refused_on_its_line(data_dir: Path, written: str, message: str) -> None:
    line = _append(data_dir, f"brand:\n  colour: {written}\n")
    assert _problems(data_dir) == [f"data/company.yml:{line + 1}: {message}"]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("logo", "message"),
    [
        (
            "images/missing.svg",
            "the logo file docs/images/missing.svg does not exist: the logo's path is written from the docs/ folder "
            "(images/logo.svg is docs/images/logo.svg); put the image there or correct the path",
        ),
        (
            "images/logo.gif",
            "'logo' is 'images/logo.gif', which is not the path of an image under docs/: write it from the docs/ folder, "
            "without a leading /, ending in .svg, .png, .jpg or .webp, e.g. images/logo.svg",
        ),
        (
            "/images/logo.svg",
            "'logo' is '/images/logo.svg', which is not the path of an image under docs/: write it from the docs/ folder, "
            "without a leading /, ending in .svg, .png, .jpg or .webp, e.g. images/logo.svg",
        ),
        (
            "../logo.svg",
            "the logo '../logo.svg' is outside the docs/ folder: put the image inside it, e.g. in docs/images/, and write images/logo.svg",
        ),
        (
            "templates/logo.svg",
            "the logo 'templates/logo.svg' would not be published: MkDocs leaves out docs/templates/ and hidden folders and files; "
            "move the image, e.g. to docs/images/",
        ),
    ],
    ids=["missing", "not an image browsers show", "from the root", "outside docs", "not published"],
)
def test_a_logo_that_cannot_be_shown_is_refused_on_its_line(data_dir: Path, logo: str, message: str) -> None:
    line = _append(data_dir, f"brand:\n  logo: {logo}\n")
    assert _problems(data_dir) == [f"data/company.yml:{line + 1}: {message}"]


@pytest.mark.unit
def test_a_logo_in_any_case_of_a_known_type_is_shown(data_dir: Path) -> None:
    (data_dir.parent / "docs" / "Logo.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    _append(data_dir, "brand:\n  logo: Logo.PNG\n")
    assert load_guide(data_dir).company.brand.logo == "Logo.PNG"


@pytest.mark.unit
@pytest.mark.parametrize(
    "address", ["https://careers.northwind.example", "careers.northwind.example/", "https://careers.northwind.example/?a/"]
)
def test_an_address_that_is_not_a_web_address_ending_in_a_slash_is_refused(data_dir: Path, address: str) -> None:
    line = _append(data_dir, f"site_url: {address}\n")
    assert _problems(data_dir) == [
        f"data/company.yml:{line}: 'site_url' is '{address}', which is not a web address ending in /: "
        "write it in full, e.g. https://careers.example.com/"
    ]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("written", "lines"),
    [
        (f'site_url: https://x.example/\nbrand:\n  colour: "{FAINT}"\n  logo: images/none.png\n', (2, 3)),
        ('site_url: http://x\nbrand:\n  colour: "#12"\n  logo: logo.gif\n', (0, 2, 3)),
    ],
    ids=["contrast and logo file", "forms"],
)
def test_every_brand_problem_is_reported_at_once(data_dir: Path, written: str, lines: tuple[int, ...]) -> None:
    line = _append(data_dir, written)
    assert [problem.split(": ", 1)[0] for problem in _problems(data_dir)] == [f"data/company.yml:{line + offset}" for offset in lines]


@pytest.mark.unit
def test_the_example_address_is_a_warning_on_its_line(data_dir: Path) -> None:
    company = load_guide(data_dir).company
    warning = example_address_warning(company, "https://careers.brightwell.example/")
    assert warning is not None and str(warning) == (
        f"data/company.yml:{company.origin.line}: warning: the guide will be published at https://careers.brightwell.example/, "
        "the example company's address: set site_url in data/company.yml to your guide's own address, e.g. https://careers.example.com/"
    )
    line = _append(data_dir, "site_url: https://careers.brightwell.example/\n")
    company = load_guide(data_dir).company
    warning = example_address_warning(company, company.site_url)
    assert warning is not None and warning.line == line
    assert example_address_warning(company, "https://careers.northwind.example/") is None


# `make check`.


@pytest.mark.build
def test_check_refuses_a_low_contrast_colour_with_the_darker_shade(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    line = _append(project / "data", f'site_url: https://careers.northwind.example/\nbrand:\n  colour: "{FAINT}"\n')
    result = run_check(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"data/company.yml:{line + 2}: the colour {FAINT} gives white header text and links on the white page a contrast of 2.5:1 "
        f"(WCAG AA needs 4.5:1): use {PASSING} or darker"
    )


@pytest.mark.build
def test_check_warns_while_the_guide_has_the_example_companys_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    project = copy_project(tmp_path / "project")  # mkdocs.yml's site_url is the example's; data/company.yml has none
    result = run_check(project)
    assert result.returncode == 0, result.stderr
    warning = (
        "warning: the guide will be published at https://careers.brightwell.example/, the example company's address: "
        "set site_url in data/company.yml"
    )
    assert any(line.startswith("data/company.yml:") and warning in line for line in result.stderr.splitlines()), result.stderr
    assert result.stdout.startswith("OK: ")

    _append(project / "data", "site_url: https://careers.northwind.example/\n")
    result = run_check(project)
    assert result.returncode == 0 and "published at" not in result.stderr, result.stderr


# The built site.


@pytest.fixture(scope="module")
def branded_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("branded-project"))
    (project / "docs" / "images").mkdir(exist_ok=True)
    (project / "docs" / "images" / "logo.svg").write_text(LOGO, encoding="utf-8")
    _append(project / "data", BRANDED)
    return project


@pytest.fixture(scope="module")
def branded(branded_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The test company with its own colour, logo and address, built as `make build` builds it (no SITE_URL)."""
    with pytest.MonkeyPatch.context() as environment:
        environment.delenv("SITE_URL", raising=False)
        return built_site(branded_project, tmp_path_factory.mktemp("branded-site"))


def _pages(site: Site) -> Iterator[tuple[str, str]]:
    for path in sorted(site.root.rglob("*.html")):
        yield path.relative_to(site.root).as_posix(), path.read_text(encoding="utf-8")


@pytest.mark.build
def test_the_brand_stylesheet_is_made_from_the_data(branded: Site) -> None:
    css = (branded.root / SITE_FOLDER / BRAND_STYLESHEET).read_text(encoding="utf-8")
    assert css == brand_stylesheet(PASSING, slate_background())


@pytest.mark.build
def test_every_page_links_the_brand_stylesheet_after_the_guides_and_uses_the_custom_palette(branded: Site) -> None:
    linked = 0
    for path, html in _pages(branded):
        if "career-guide/guide.css" not in html:
            continue  # a renamed record's old address: a redirect, with no styles
        linked += 1
        stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        guide = next(index for index, href in enumerate(stylesheets) if href.endswith("career-guide/guide.css"))
        assert stylesheets[guide + 1].endswith(f"{SITE_FOLDER}/{BRAND_STYLESHEET}"), (path, stylesheets)
        assert 'data-md-color-primary="custom" data-md-color-accent="custom"' in html, path
        assert "--md-primary-fg-color" not in html, "the colour comes from a file: the pages' policy allows no inline style"
    assert linked > 40


@pytest.mark.build
def test_the_logo_is_in_the_header_of_every_page(branded: Site) -> None:
    assert (branded.root / "images" / "logo.svg").read_text(encoding="utf-8") == LOGO
    assert '<img src="images/logo.svg" alt="logo">' in branded.html("/")
    assert '<img src="../../images/logo.svg" alt="logo">' in branded.html("/roles/senior-engineer/")


@pytest.mark.build
def test_the_guide_is_published_at_the_address_in_company_yml(branded: Site) -> None:
    sitemap = (branded.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://careers.northwind.example/</loc>" in sitemap
    assert "brightwell.example" not in sitemap


@pytest.mark.build
def test_the_build_is_given_site_url_it_wins(branded_project: Path, tmp_path: Path) -> None:
    result = run_build(branded_project, tmp_path / "site", site_url="https://pages.example.org/guide/")
    assert result.returncode == 0, result.stderr
    assert "<loc>https://pages.example.org/guide/</loc>" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.build
def test_without_a_brand_the_site_keeps_its_palette_and_the_example_address_is_only_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.delenv("SITE_URL", raising=False)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, f"a strict build of the example still passes:\n{result.stderr}"
    assert (
        "data/company.yml:3: warning: the guide will be published at https://careers.brightwell.example/, "
        "the example company's address: set site_url in data/company.yml"
    ) in result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-primary="indigo"' in home and BRAND_STYLESHEET not in home
    assert not (tmp_path / "site" / SITE_FOLDER / BRAND_STYLESHEET).exists()


@pytest.mark.build
def test_a_brand_added_while_previewing_reaches_every_page_at_the_next_save(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "images").mkdir(exist_ok=True)
    (project / "docs" / "images" / "logo.svg").write_text(LOGO, encoding="utf-8")
    preview = Preview(project)
    try:
        preview.wait_for(lambda: 'data-md-color-primary="indigo"' in preview.page("/roles/senior-engineer/"), "the first build")
        _append(project / "data", BRANDED)
        for url in ("/", "/roles/senior-engineer/", "/conversation/"):
            preview.wait_for(lambda url=url: 'data-md-color-primary="custom"' in preview.page(url), f"the brand on {url}")
            html = preview.page(url)
            assert f"{SITE_FOLDER}/{BRAND_STYLESHEET}" in html and 'alt="logo"' in html, url
        assert PASSING in preview.page(f"/{SITE_FOLDER}/{BRAND_STYLESHEET}")
    finally:
        preview.stop()


# In a browser: the header is the colour, and axe finds nothing, in light and dark.


@pytest.fixture(scope="module")
def branded_url(branded: Site) -> Iterator[str]:
    with serving(branded.root) as (_, url):
        yield url


PALETTES = {"light": "default", "dark": "slate"}
BRANDED_PAGES = ["/", "/roles/senior-engineer/", "/paths/engineering/", "/templates/meeting-request/", "/competencies/communication/"]


def _open(page: Page, url: str, palette: str, *, switch: bool = True) -> None:
    """`url` in `palette`, switched as a reader does, with Material's toggle (see test_accessibility).
    Not `switch`: the palette chosen on an earlier page, which Material keeps."""
    page.goto(url)
    if palette == "dark" and switch:
        page.locator("label[title='Switch to dark mode']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", PALETTES[palette])
    expect(page.locator("body")).to_have_attribute("data-md-color-primary", "custom")
    settled(page)


def _css_rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*rgb(colour))


@pytest.mark.browser
@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_the_header_is_the_brand_colour_and_links_read(page: Page, branded_url: str, palette: str) -> None:
    _open(page, branded_url + "/", palette)
    expect(page.locator(".md-header")).to_have_css("background-color", _css_rgb(PASSING))
    link = page.locator("article p a").first
    links = PASSING if palette == "light" else lighter_to_pass(PASSING, [slate_background()])
    expect(link).to_have_css("color", _css_rgb(links))


@pytest.mark.browser
@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_axe_finds_nothing_on_branded_pages(page: Page, branded_url: str, palette: str) -> None:
    found = {}
    for number, url in enumerate(BRANDED_PAGES):
        _open(page, branded_url + url, palette, switch=number == 0)
        if violations := axe_violations(page):
            found[url] = [f"{violation['id']}: {violation['help']} -> {violation['nodes'][0]['target']}" for violation in violations]
    assert not found, found
