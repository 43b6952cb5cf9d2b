"""Pages lose the theme's indentation, never the spaces that content keeps."""

from __future__ import annotations

import pytest

from macros.integration.compact import compact

pytestmark = pytest.mark.unit


def test_indentation_goes_outside_the_article_and_preformatted_text() -> None:
    page = (
        "<nav>\n    <ul>\n      <li>Home</li>\n    </ul>\n</nav>\n"
        '<article class="md-content__inner">\n  <div class="cg-message__body">Dear Sam,\n\n    - one\n    - two</div>\n</article>\n'
        "<footer>\n\t<pre>a\n    b</pre>\n  <textarea>\n  kept</textarea>\n"
        '  <script type="application/json">{\n    "a": 1\n  }</script>\n</footer>'
    )
    assert compact(page) == (
        "<nav>\n<ul>\n<li>Home</li>\n</ul>\n</nav>\n"
        '<article class="md-content__inner">\n  <div class="cg-message__body">Dear Sam,\n\n    - one\n    - two</div>\n</article>\n'
        "<footer>\n<pre>a\n    b</pre>\n<textarea>\n  kept</textarea>\n"
        '<script type="application/json">{\n    "a": 1\n  }</script>\n</footer>'
    )


def test_a_page_without_indentation_is_unchanged() -> None:
    assert compact("<p>a b</p>") == "<p>a b</p>"


def test_blank_lines_go_outside_the_article_and_stay_inside_it() -> None:
    page = "<nav>\n\n\n  <ul>\n   \n<li>Home</li></ul></nav>\n<article>\n\n  <p>a</p>\n\n</article>\n\n<footer></footer>"
    assert compact(page) == "<nav>\n<ul>\n<li>Home</li></ul></nav>\n<article>\n\n  <p>a</p>\n\n</article>\n<footer></footer>"
