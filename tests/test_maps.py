"""Career maps read on every screen and in both colour schemes: legible labels, no line through a box, visible borders."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from macros.model.guide import Guide

pytestmark = pytest.mark.browser

MAPS = ("/paths/", "/paths/engineering/")

LABEL_SIZES = """() => [...document.querySelectorAll('.cg-map__title, .cg-map__heading')]
  .map((label) => {
    const svg = label.closest('svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return parseFloat(getComputedStyle(label).fontSize) * scale;
  })"""

# Each line, in the map's own coordinates, that passes through a box other than the two it joins.
LINES_THROUGH_BOXES = r"""() => {
  const boxes = [...document.querySelectorAll('svg.cg-map__svg foreignObject')].map((box) => ({
    x: +box.getAttribute('x'), y: +box.getAttribute('y'), w: +box.getAttribute('width'), h: +box.getAttribute('height'),
    role: box.querySelector('[data-role]').dataset.role,
  }));
  const inside = (box, x, y) => x >= box.x - 1 && x <= box.x + box.w + 1 && y >= box.y - 1 && y <= box.y + box.h + 1;
  const crossings = [];
  for (const line of document.querySelectorAll('svg.cg-map__svg .cg-map__edge')) {
    const points = line.getAttribute('points').trim().split(/\s+/).map((pair) => pair.split(',').map(Number));
    const [first, last] = [points[0], points[points.length - 1]];
    for (const box of boxes) {
      if (inside(box, ...first) || inside(box, ...last)) continue;
      for (let index = 1; index < points.length; index += 1) {
        const [[x1, y1], [x2, y2]] = [points[index - 1], points[index]];
        let crossed = false;
        for (let step = 1; step < 200 && !crossed; step += 1) {
          const x = x1 + ((x2 - x1) * step) / 200, y = y1 + ((y2 - y1) * step) / 200;
          crossed = x > box.x + 2 && x < box.x + box.w - 2 && y > box.y + 2 && y < box.y + box.h - 2;
        }
        if (crossed) {
          crossings.push(`${line.getAttribute('points')} through ${box.role}`);
          break;
        }
      }
    }
  }
  return crossings;
}"""

BORDER_CONTRAST = """() => {
  const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const node = document.querySelector('.cg-map__node');
  const border = luminance(rgb(getComputedStyle(node).borderTopColor));
  const page = luminance(rgb(getComputedStyle(document.body).backgroundColor));
  return (Math.max(border, page) + 0.05) / (Math.min(border, page) + 0.05);
}"""


@pytest.fixture(params=(360, 1280), ids=("phone", "laptop"))
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("url", MAPS)
def test_map_labels_are_at_least_12_px_on_every_screen(screen: Page, site_url: str, url: str) -> None:
    screen.goto(site_url + url)
    sizes = screen.evaluate(LABEL_SIZES)
    assert sizes and min(sizes) >= 12, f"{url}: labels as small as {min(sizes):.1f} px"


@pytest.mark.parametrize("url", MAPS)
def test_no_map_line_passes_through_a_box_other_than_its_ends(page: Page, site_url: str, url: str) -> None:
    page.goto(site_url + url)
    assert page.evaluate(LINES_THROUGH_BOXES) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_map_boxes_stand_out_from_the_page_in_both_schemes(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site_url + "/paths/engineering/")
    contrast = page.evaluate(BORDER_CONTRAST)
    context.close()
    assert contrast >= 3, f"box borders {contrast:.2f}:1 against the page in the {scheme} scheme"


def test_a_family_map_shows_the_roles_that_lead_into_the_family(page: Page, site_url: str, guide: Guide) -> None:
    family = next(family for family in guide.families if family.id == "engineering")
    inside = {role.id for role in family.roles}
    incoming = {role.id for role in guide.roles.values() if role.id not in inside and any(t in inside for _, t in role.moves)}
    assert incoming, "the test data has moves into Engineering"
    page.goto(site_url + "/paths/engineering/")
    drawn = set(page.locator(".cg-map__node--external").evaluate_all("nodes => nodes.map(node => node.dataset.role)"))
    assert incoming <= drawn


def test_the_skills_matrix_keeps_its_competencies_in_view_on_a_phone(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(site_url + "/paths/engineering/")
    scroller = page.locator(".cg-table-scroll").first
    assert scroller.evaluate("element => element.scrollWidth > element.clientWidth"), "wider than a phone: it scrolls"
    before = page.locator(".cg-matrix tbody th").first.bounding_box()
    scroller.evaluate("element => { element.scrollLeft = element.scrollWidth; }")
    after = page.locator(".cg-matrix tbody th").first.bounding_box()
    legend = page.locator(".cg-matrix__legend").inner_text()
    context.close()
    assert before and after and abs(before["x"] - after["x"]) < 1, "the competency column stays in place while the table scrolls"
    assert "different scales" in legend and "▲" in legend and "–" in legend
