"""The Content-Security-Policy every page of the guide carries.

The guide is static files that any host serves, so the policy travels inside
each page, as a `<meta http-equiv="Content-Security-Policy">` at the top of
its `<head>`, before anything it governs. It allows what the site itself
serves and nothing else: no other origin, no `eval`, no plugins, and no inline
code but the page's own inline `<script>` and `<style>` elements, each allowed
by the SHA-256 of its exact text. Material writes a few small inline scripts,
some of which differ from page to page (the site's address relative to the
page), so each page is hashed as it is written. Nothing else inline runs: no
`style="..."` attribute and no `onclick="..."` handler (the guide's own markup
has none; scripts may still set `element.style`, which the policy allows).

With instant navigation, the policy of the page first opened stays in force
while Material swaps in the next page (a policy, once in a page, is never
lifted), and Material runs again only the inline scripts inside the page's
content: those are the same on every page, so their hash is in every policy.
Code of the guide's own belongs in macros/rendering/assets/, never inline in a chapter.

A `<script type="application/json">` (Material's settings) is data the
browser never runs, and needs no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re

from ..rendering.fragments import POLICY_META as POLICY_META  # how a page's policy begins, for finding it
from ..rendering.fragments import policy_meta

# Everything from the site's own origin; images may also be `data:` URLs
# (Material's stylesheet draws its icons from inline SVG). A policy in a
# <meta> cannot say `frame-ancestors` (browsers ignore it there): a host that
# wants to forbid framing sends that as a header.
_FIXED = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

# An inline element's text ends at its first end tag, as the browser reads it.
# The attributes hold no ">": Material's and the guide's scripts and styles have none.
_INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_SRC = re.compile(r"(?:^|\s)src\s*=", re.I)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
# The `type` values a browser runs as a script (HTML's JavaScript MIME types, and modules).
_SCRIPT_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"}
    | {f"text/javascript1.{minor}" for minor in range(6)}
    | {"application/x-ecmascript", "application/x-javascript", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript"}
)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"\s*<meta\s+charset\b[^>]*>", re.I)
_START = re.compile(r"(?:\s*<!doctype\b[^>]*>)?(?:\s*<html\b[^>]*>)?", re.I)


def source_hash(text: str) -> str:
    """The policy's source expression allowing exactly `text`, an inline element's content."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_hashes(page_html: str) -> tuple[list[str], list[str]]:
    """The hashes of the page's inline scripts that run, and of its inline `<style>` elements, in page order."""
    scripts: list[str] = []
    styles: list[str] = []
    for element in _INLINE.finditer(page_html):
        name, attributes, text = element.group(1).lower(), element.group(2), element.group(3)
        if name == "style":
            styles.append(source_hash(text))
        elif not _SRC.search(attributes) and _runs(attributes):
            scripts.append(source_hash(text))
    return scripts, styles


def _runs(attributes: str) -> bool:
    """Whether a script with these attributes is run, rather than kept as data (`type="application/json"`)."""
    found = _TYPE.search(attributes)
    kind = next((value for value in found.groups() if value is not None), "") if found else ""
    return kind.strip().lower() in _SCRIPT_TYPES


def policy(page_html: str) -> str:
    """The policy for one page: the fixed directives, with the page's inline scripts and styles allowed by hash."""
    scripts, styles = inline_hashes(page_html)
    directives = {**_FIXED, "script-src": _FIXED["script-src"] + _unique(scripts), "style-src": _FIXED["style-src"] + _unique(styles)}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def _unique(sources: list[str]) -> list[str]:
    return list(dict.fromkeys(sources))


def with_policy(page_html: str) -> str:
    """`page_html` with its policy first in its `<head>` (after `<meta charset>`, which must come early)."""
    meta = policy_meta(policy(page_html))
    head = _HEAD.search(page_html)
    if head is None:
        # Without a <head> tag a browser opens the head itself at the first
        # element, so the policy goes first after the doctype and <html>.
        start = _START.match(page_html)
        end = start.end() if start else 0
    else:
        charset = _CHARSET.match(page_html, head.end())
        end = charset.end() if charset else head.end()
    return page_html[:end] + meta + page_html[end:]
