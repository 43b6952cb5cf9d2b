"""Text from YAML is content, never code: no Jinja, no live HTML, no script, in any field.

A copy of the project gets hostile text in a prose field, a plain-text field,
a question, a template and a worksheet; the real build must show it as text.
"""

from __future__ import annotations

import re

import pytest
from helpers import Site, built_site, copy_project

JINJA = "{{ 7 * 7 }} {% if true %}evaluated{% endif %} {# comment #}"
HOSTILE_PROSE = (
    f"{JINJA} <script>alert('prose')</script> <img src=x onerror=alert('img')> "
    "[click me](javascript:alert('link')) *kept emphasis* [a safe link](https://example.com/ok)"
)
HOSTILE_TEXT = "{{ config.site_name }} **not bold** [not a link](https://example.com)"


def _replace(path, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    data = project / "data"
    engineering = data / "career_paths" / "engineering.yml"
    _replace(engineering, "    title: Senior Software Engineer\n", f"    title: {_quoted(HOSTILE_TEXT)}\n")
    _replace(
        engineering,
        "    summary: Learns our code base and ways of working while delivering well-defined tasks with support from the team.\n",
        f"    summary: {_quoted(HOSTILE_PROSE)}\n",
    )
    _replace(
        data / "questions" / "self-assessment.yml",
        "    text: Which piece of work from the past year are you proudest of, and what did you do that made it succeed?\n",
        f"    text: {_quoted(HOSTILE_PROSE)}\n",
    )
    _replace(
        data / "templates" / "meeting-request.yml",
        "  Hi [Manager's Name],\n",
        f"  Hi [Manager's Name], {JINJA} <script>alert('body')</script> <b onmouseover=alert(1)>x</b>\n",
    )
    worksheet = data / "worksheets" / "self-assessment.yml"
    purpose = next(line for line in worksheet.read_text(encoding="utf-8").splitlines() if line.startswith("purpose: "))
    _replace(worksheet, purpose, f"purpose: {_quoted(HOSTILE_PROSE)}")
    return built_site(project, tmp_path_factory.mktemp("hostile-site"))


PAGES = [
    "/roles/associate-engineer/",
    "/roles/senior-engineer/",
    "/prepare/self-assessment/",
    "/templates/meeting-request/",
    "/meeting/request/",
    "/worksheets/self-assessment/",
    "/paths/engineering/",
]


@pytest.mark.build
@pytest.mark.parametrize("url", PAGES)
def test_no_script_event_handler_or_javascript_link_reaches_the_page(hostile: Site, url: str) -> None:
    article = hostile.html(url)
    article = article[article.index("<article") : article.index("</article>")]
    assert "<script" not in article
    assert not re.search(r"<[^>]+\son\w+\s*=", article), "an event-handler attribute is live"
    assert not re.search(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", article, re.I)


@pytest.mark.build
@pytest.mark.parametrize("url", PAGES[:-1])
def test_jinja_in_data_is_shown_not_evaluated(hostile: Site, url: str) -> None:
    text = hostile.text(url)
    assert "{{ 7 * 7 }}" in text or "{{ config.site_name }}" in text
    assert "evaluated" not in text.replace("{% if true %}evaluated{% endif %}", "")
    assert " 49 " not in f" {text} "


@pytest.mark.build
def test_markup_in_data_is_shown_as_text(hostile: Site) -> None:
    text = hostile.text("/roles/associate-engineer/")
    assert "<script>alert('prose')</script>" in text
    assert "<img src=x onerror=alert('img')>" in text


@pytest.mark.build
def test_allowed_markdown_still_works_in_prose(hostile: Site) -> None:
    html = hostile.html("/roles/associate-engineer/")
    assert "<em>kept emphasis</em>" in html
    assert 'href="https://example.com/ok"' in html


@pytest.mark.build
def test_plain_text_fields_take_no_markdown(hostile: Site) -> None:
    html = hostile.html("/roles/senior-engineer/")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert title and "{{ config.site_name }} **not bold** [not a link](https://example.com)" in re.sub(r"<[^>]+>", "", title.group(1))
    assert "<strong>not bold</strong>" not in html


@pytest.mark.browser
def test_nothing_hostile_runs_in_the_browser(hostile: Site, browser: object) -> None:
    """Opened from disk in Chromium: no dialog opens, whatever the page."""
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for url in PAGES:
            page.goto((hostile.root / url.strip("/") / "index.html").as_uri())
            page.mouse.move(300, 300)
        assert dialogs == []
    finally:
        context.close()
