"""A renamed role, family, competency, template or worksheet keeps its old addresses working (previous_ids)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import Site
from playwright.sync_api import Page, expect

from macros.model.guide import Guide
from macros.pages.plan_data import PLAN_DATA_PATH
from macros.pages.redirects import Redirect, redirect_page, redirects
from macros.rendering.environment import environment

ROLE, OLD_ROLE = "senior-engineer", "senior-developer"
SHEET, OLD_SHEET = "follow-up-plan", "action-plan"


@pytest.mark.unit
def test_every_old_address_leads_to_the_page_now(guide: Guide) -> None:
    found = {(redirect.old, redirect.new) for redirect in redirects(guide)}
    assert (f"roles/{OLD_ROLE}/", f"roles/{ROLE}/") in found
    assert (f"roles/{OLD_ROLE}/worksheet/", f"roles/{ROLE}/worksheet/") in found, "a role's worksheet moves with it"
    assert (f"worksheets/{OLD_SHEET}/", f"worksheets/{SHEET}/") in found


@pytest.mark.unit
def test_a_redirect_page_moves_on_without_javascript_and_escapes_the_title() -> None:
    page = redirect_page(Redirect("roles/old/", "roles/new/", "R&D <lead>"))
    assert '<meta http-equiv="refresh" content="0; url=../new/">' in page
    assert '<link rel="canonical" href="../new/">' in page
    assert "R&amp;D &lt;lead&gt;" in page and "<lead>" not in page


@pytest.mark.unit
def test_a_redirect_page_is_laid_out_by_its_template_and_a_site_may_lay_it_out_itself(tmp_path: Path) -> None:
    assert redirect_page(Redirect("roles/old/", "roles/new/", "New")) == (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>New</title><meta name="robots" content="noindex">'
        '<link rel="canonical" href="../new/"><meta http-equiv="refresh" content="0; url=../new/">'
        '<script>location.replace(new URL("../new/", location.href).href + location.hash)</script>'
        '</head><body><p>This page has moved: <a href="../new/">New</a>.</p></body></html>\n'
    ), "one line, as the pages were before the template"
    (tmp_path / "career-guide").mkdir()
    (tmp_path / "career-guide" / "redirect.html").write_text("Moved to {{ target }}: {{ title }}", encoding="utf-8")
    assert redirect_page(Redirect("roles/old/", "roles/new/", "R&D"), environment(tmp_path)) == "Moved to ../new/: R&amp;D"


@pytest.mark.build
def test_old_addresses_are_written_but_not_listed(site: Site) -> None:
    page = (site.root / "roles" / OLD_ROLE / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../senior-engineer/"' in page
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    index = (site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert OLD_ROLE not in sitemap and OLD_ROLE not in index
    assert not re.search(rf'href="[^"]*{OLD_ROLE}/"', site.html(f"/roles/{ROLE}/"))


@pytest.mark.build
def test_the_plan_knows_renamed_ids(site: Site) -> None:
    data = json.loads((site.root / PLAN_DATA_PATH).read_text(encoding="utf-8"))
    assert data["renamed"]["roles"] == {OLD_ROLE: ROLE}


@pytest.mark.browser
def test_a_renamed_roles_old_address_lands_on_its_page(page: Page, site_url: str) -> None:
    page.goto(site_url + f"/roles/{OLD_ROLE}/#skills")
    page.wait_for_url(f"**/roles/{ROLE}/#skills")
    expect(page.locator("h1")).to_contain_text("Senior Software Engineer")


@pytest.mark.browser
def test_a_renamed_worksheet_keeps_its_answers_and_a_plan_its_roles(page: Page, site_url: str) -> None:
    page.goto(site_url + f"/worksheets/{SHEET}/")
    page.evaluate(f"localStorage.setItem('career-guide:worksheet:{OLD_SHEET}', JSON.stringify({{name: 'Sam Lee'}}))")
    page.evaluate(f"localStorage.setItem('career-guide:plan', JSON.stringify({{role: '{OLD_ROLE}', ratings: {{}}}}))")
    page.reload()
    expect(page.get_by_label("Your name")).to_have_value("Sam Lee")
    page.goto(site_url + "/plan/")
    expect(page.get_by_label("My role")).to_have_value(ROLE)
