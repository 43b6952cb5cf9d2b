"""Career maps read on every screen and in both colour schemes: legible labels, no line through a box,
no line that reads as a move the data does not have, headings within their columns, visible borders,
and a map wider than its box says that it scrolls."""

from __future__ import annotations

import math
import shutil
import sys
from collections.abc import Iterator
from itertools import combinations, pairwise
from pathlib import Path
from random import Random
from typing import Any

import pytest
from helpers import FIXTURES, PROJECT
from playwright.sync_api import Browser, Page, expect

from macros.loading import load_guide
from macros.model.guide import Guide
from macros.rendering.career_map import NODE_HEIGHT, NODE_WIDTH, CareerMap, Edge, career_map, contact, touching
from macros.rendering.career_map import Segment as MapSegment
from macros.rendering.environment import environment, render

sys.path.insert(0, str(PROJECT / "bench"))  # the benchmark's way of making a larger company
from generate import scale_data

MAPS = ("/paths/", "/paths/engineering/")

LABEL_SIZES = """() => [...document.querySelectorAll('.cg-map__title, .cg-map__heading')]
  .map((label) => {
    const svg = label.closest('svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return parseFloat(getComputedStyle(label).fontSize) * scale;
  })"""

# Each line, in the map's own coordinates, that passes through a box other than the two it joins.
LINES_THROUGH_BOXES = r"""() => {
  const boxes = [...document.querySelectorAll('svg.cg-map__svg foreignObject:has([data-role])')].map((box) => ({
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


@pytest.mark.browser
@pytest.mark.parametrize("url", MAPS)
def test_map_labels_are_at_least_12_px_on_every_screen(screen: Page, site_url: str, url: str) -> None:
    screen.goto(site_url + url)
    sizes = screen.evaluate(LABEL_SIZES)
    assert sizes and min(sizes) >= 12, f"{url}: labels as small as {min(sizes):.1f} px"


@pytest.mark.browser
@pytest.mark.parametrize("url", MAPS)
def test_no_map_line_passes_through_a_box_other_than_its_ends(page: Page, site_url: str, url: str) -> None:
    page.goto(site_url + url)
    assert page.evaluate(LINES_THROUGH_BOXES) == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_map_boxes_stand_out_from_the_page_in_both_schemes(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site_url + "/paths/engineering/")
    contrast = page.evaluate(BORDER_CONTRAST)
    context.close()
    assert contrast >= 3, f"box borders {contrast:.2f}:1 against the page in the {scheme} scheme"


@pytest.mark.browser
def test_a_family_map_shows_the_roles_that_lead_into_the_family(page: Page, site_url: str, guide: Guide) -> None:
    family = next(family for family in guide.families if family.id == "engineering")
    inside = {role.id for role in family.roles}
    incoming = {role.id for role in guide.roles.values() if role.id not in inside and any(t in inside for _, t in role.moves)}
    assert incoming, "the test data has moves into Engineering"
    page.goto(site_url + "/paths/engineering/")
    drawn = set(page.locator(".cg-map__node--external").evaluate_all("nodes => nodes.map(node => node.dataset.role)"))
    assert incoming <= drawn


@pytest.mark.browser
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


# ---------- lines that read as moves ----------

Point = tuple[float, float]
Segment = tuple[Point, Point]
TOUCH = 3.0
"""Lines closer than this, in the map's pixels, read as joined."""


def _closest(point: Point, segment: Segment) -> float:
    (x1, y1), (x2, y2) = segment
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((point[0] - x1) * dx + (point[1] - y1) * dy) / length))
    return math.hypot(point[0] - x1 - t * dx, point[1] - y1 - t * dy)


def _meeting(one: Segment, other: Segment) -> Point | None:
    """Where two segments meet so that they read as one connector: at an end or a corner, or along each other.

    Lines that cross cleanly (at an angle, away from both lines' ends) read as two lines, as roads that cross do.
    """
    (a, b), (c, d) = one, other

    def turn(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    t1, t2, t3, t4 = turn(a, b, c), turn(a, b, d), turn(c, d, a), turn(c, d, b)
    if t1 * t2 < 0 and t3 * t4 < 0:
        share = t3 / (t3 - t4)
        point = (a[0] + share * (b[0] - a[0]), a[1] + share * (b[1] - a[1]))
        angle = abs(math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]) - math.atan2(d[1] - c[1], d[0] - c[0]))) % 180
        if min(angle, 180 - angle) >= 30 and min(math.dist(point, end) for end in (a, b, c, d)) > TOUCH:
            return None
        return point
    # Apart, or touching: the nearest approach is at one of the four ends.
    distance, point = min([(_closest(end, other), end) for end in (a, b)] + [(_closest(end, one), end) for end in (c, d)])
    return point if distance < TOUCH else None


def _joined_lines(map: CareerMap) -> list[str]:
    """Each pair of moves whose lines meet, except at a box both of them start or end at."""
    boxes = {node.role.id: node for node in map.nodes}

    def at_box(point: Point, role: str) -> bool:
        box, margin = boxes[role], 8
        return (
            box.x - margin <= point[0] <= box.x + map.node_width + margin and box.y - margin <= point[1] <= box.y + map.node_height + margin
        )

    joined = []
    for one, other in combinations(map.edges, 2):
        for first in pairwise(one.points):
            for second in pairwise(other.points):
                point = _meeting(first, second)
                if point and not any(at_box(point, role) for role in set(one.ends) & set(other.ends)):
                    joined.append(f"{' -> '.join(one.ends)} meets {' -> '.join(other.ends)} at {point[0]:.0f},{point[1]:.0f}")
    return joined


@pytest.mark.unit
def test_lines_that_touch_are_found() -> None:
    down = ((0.0, 0.0), (0.0, 100.0))
    assert _meeting(down, ((0.0, 50.0), (0.0, 150.0))), "along each other"
    assert _meeting(down, ((0.0, 50.0), (80.0, 50.0))), "one starts on the other"
    assert _meeting(down, ((2.0, 100.0), (2.0, 200.0))), "end to end"
    assert _meeting(down, ((-40.0, 50.0), (40.0, 50.0))) is None, "a clean crossing"
    assert _meeting(down, ((10.0, 0.0), (10.0, 100.0))) is None, "side by side, apart"


@pytest.mark.unit
@pytest.mark.parametrize("fixture", ["brightwell", "framework"])
def test_no_line_of_a_map_joins_another(fixture: str) -> None:
    guide = load_guide(FIXTURES / fixture / "data")
    maps = [career_map(guide, [family], caption=family.name) for family in guide.families]
    maps.append(career_map(guide, list(guide.families), caption="All families"))
    joined = {map.caption: _joined_lines(map) for map in maps}
    assert all(len(map.edges) for map in maps[-1:]), "the test data has moves"
    assert joined == {map.caption: [] for map in maps}


@pytest.mark.unit
def test_no_line_of_a_large_company_map_joins_another(tmp_path: Path) -> None:
    """Six interleaved copies of the test company (as the benchmark makes them): lateral moves that cross
    much of the map, gaps crowded with lanes, and a first layout whose gaps are too narrow for them."""
    data = shutil.copytree(FIXTURES / "brightwell" / "data", tmp_path / "data")
    scale_data(data, 6)
    guide = load_guide(data)
    map = career_map(guide, list(guide.families), caption="All families")
    assert len(map.edges) == 6 * 34
    assert _joined_lines(map) == []
    boxes = {node.role.id: node for node in map.nodes}
    through = [
        edge.ends for edge in map.edges if any(_passes_through(edge.points, box) for role, box in boxes.items() if role not in edge.ends)
    ]
    assert through == []


def _passes_through(points: list[Point], box: Any) -> bool:
    """Whether a line passes through the inside of a box, sampled every pixel along it."""
    for (x1, y1), (x2, y2) in pairwise(points):
        if max(x1, x2) < box.x or min(x1, x2) > box.x + NODE_WIDTH or max(y1, y2) < box.y or min(y1, y2) > box.y + NODE_HEIGHT:
            continue
        steps = max(1, int(math.dist((x1, y1), (x2, y2))))
        for step in range(steps + 1):
            x, y = x1 + (x2 - x1) * step / steps, y1 + (y2 - y1) * step / steps
            if box.x + 1 < x < box.x + NODE_WIDTH - 1 and box.y + 1 < y < box.y + NODE_HEIGHT - 1:
                return True
    return False


@pytest.mark.unit
def test_the_lines_found_touching_are_those_any_two_segments_would_show() -> None:
    """The map's index of lines against a comparison of every segment with every other, on random lines
    snapped to a coarse grid so that many run along, end on or cross one another at every angle."""
    random = Random(7)

    def point() -> tuple[float, float]:
        return random.randrange(0, 600, 6) * 1.0, random.randrange(0, 400, 6) * 1.0

    edges = []
    for number in range(160):
        start = point()
        points = [start]
        for _ in range(random.choice((1, 2, 3))):
            x, y = points[-1]
            shape = random.random()
            # Level, upright, or any slant: a bent line of the map is level and upright.
            points.append((point()[0], y) if shape < 0.4 else (x, point()[1]) if shape < 0.8 else point())
        edges.append(Edge("next", points, (f"from-{number}", f"to-{number}")))

    def touch(one: Edge, other: Edge) -> bool:
        return any(contact(MapSegment(*a, *b), MapSegment(*c, *d)) for a, b in pairwise(one.points) for c, d in pairwise(other.points))

    expected = {(one, other) for one, other in combinations(range(len(edges)), 2) if touch(edges[one], edges[other])}
    assert len(expected) > 100, "the random lines touch often"
    assert {(one, other) for one, other, _ in touching(edges, {})} == expected
    asked = set(range(0, len(edges), 3))
    assert {(one, other) for one, other, _ in touching(edges, {}, among=asked)} == {pair for pair in expected if set(pair) & asked}


# ---------- column headings ----------

# Each column heading's text box, its column and the map's first row, in the page's pixels.
HEADINGS = """(figure) => {
  const svg = figure.querySelector('svg');
  const top = Math.min(...[...svg.querySelectorAll('.cg-map__node')].map((node) => node.getBoundingClientRect().top));
  return [...figure.querySelectorAll('.cg-map__heading')].map((heading) => {
    const lines = [...heading.querySelectorAll('.cg-map__heading-line')].map((line) => {
      const range = document.createRange();
      range.selectNodeContents(line);
      return range.getBoundingClientRect();
    });
    const text = {
      left: Math.min(...lines.map((line) => line.left)), right: Math.max(...lines.map((line) => line.right)),
      top: Math.min(...lines.map((line) => line.top)), bottom: Math.max(...lines.map((line) => line.bottom)),
    };
    const column = heading.closest('foreignObject').getBoundingClientRect();
    return { name: heading.textContent, text: [text.left, text.top, text.right, text.bottom], column: [column.left, column.right], top };
  });
}"""


def _heading_problems(headings: list[dict[str, Any]]) -> list[str]:
    problems = []
    for heading in headings:
        left, _, right, bottom = heading["text"]
        column_left, column_right = heading["column"]
        if left < column_left - 0.5 or right > column_right + 0.5:
            problems.append(
                f"{heading['name']}: {left:.0f} to {right:.0f}, wider than its column ({column_left:.0f} to {column_right:.0f})"
            )
        if bottom > heading["top"]:
            problems.append(f"{heading['name']}: runs into the roles under it")
    for one, other in combinations(headings, 2):
        a, b = one["text"], other["text"]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
            problems.append(f"{one['name']} overlaps {other['name']}")
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("url", MAPS)
def test_the_column_headings_of_a_map_fit_their_columns(page: Page, site_url: str, url: str) -> None:
    page.goto(site_url + url)
    assert _heading_problems(page.locator("figure.cg-map").evaluate(HEADINGS)) == []


@pytest.mark.browser
def test_the_column_headings_of_a_company_with_tracks_fit_their_columns(page: Page, site_url: str) -> None:
    """A family's name over each of its tracks' names, on the company-wide map of a framework with tracks,
    laid out with the site's own styles (the map is drawn into a page of the session's site)."""
    guide = load_guide(FIXTURES / "framework" / "data")
    assert any(family.tracks for family in guide.families)
    maps = [career_map(guide, list(guide.families), caption="All families")]
    maps += [career_map(guide, [family], caption=family.name) for family in guide.families if family.tracks]
    page.goto(site_url + "/paths/")
    for map in maps:
        figure = render(environment(), "career-map.html", map=map, page_url="/paths/")
        page.locator("figure.cg-map").evaluate("(figure, html) => { figure.outerHTML = html; }", figure)
        headings = page.locator("figure.cg-map").evaluate(HEADINGS)
        assert len(headings) == len(map.headings)
        assert _heading_problems(headings) == [], map.caption


# ---------- maps wider than their box ----------

SCROLL_STATE = """(figure) => {
  const scroller = figure.querySelector('.cg-map__scroll');
  const frame = figure.querySelector('.cg-map__frame');
  return {
    scrolls: scroller.scrollWidth > scroller.clientWidth,
    left: +getComputedStyle(frame, '::before').opacity,
    right: +getComputedStyle(frame, '::after').opacity,
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("url", ["/paths/", "/paths/engineering/", "/paths/design/"])
def test_a_map_wider_than_its_box_says_that_it_scrolls(screen: Page, site_url: str, url: str) -> None:
    screen.goto(site_url + url)
    figure = screen.locator("figure.cg-map")
    hint = figure.locator(".cg-map__hint")
    state = figure.evaluate(SCROLL_STATE)
    if not state["scrolls"]:
        expect(hint).to_be_hidden()
        assert state["left"] == state["right"] == 0, f"{url}: a shade over a map that fits"
        return
    expect(hint).to_be_visible()
    expect(hint).to_have_text("Scroll sideways to see the whole map.")
    assert state["right"] > 0 and state["left"] == 0, f"{url}: no shade where the map goes on ({state})"
    figure.locator(".cg-map__scroll").evaluate("scroller => { scroller.scrollLeft = scroller.scrollWidth; }")
    screen.wait_for_function(
        "figure => +getComputedStyle(figure.querySelector('.cg-map__frame'), '::after').opacity === 0", arg=figure.element_handle()
    )
    assert figure.evaluate(SCROLL_STATE)["left"] > 0, f"{url}: scrolled to its end, the map shows no shade where it went"


@pytest.mark.browser
def test_the_engineering_map_scrolls_on_a_laptop(page: Page, site_url: str) -> None:
    """The case of a map a little wider than the column next to both sidebars: the hint is shown."""
    page.goto(site_url + "/paths/engineering/")
    assert page.locator("figure.cg-map").evaluate(SCROLL_STATE)["scrolls"]
    expect(page.locator(".cg-map__hint")).to_be_visible()
