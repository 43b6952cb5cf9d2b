"""`make screenshot`: the README's picture of a family page with its career map, made from the current site.

Builds the guide into a temporary folder and photographs one family page in
Debian's Chromium, as a reader on a laptop sees it. Run it after changing the
look of the guide, and commit the new picture.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from macros.loading import load_guide
from macros.model.urls import family_url

PROJECT = Path(__file__).resolve().parents[1]
PICTURE = PROJECT / "scripts" / "family-page.png"
CHROMIUM = "/usr/bin/chromium"


def main() -> int:
    # The family with the most roles, whatever the data calls it: the fullest map.
    family = max(load_guide(PROJECT / "data").families, key=lambda family: len(family.roles))
    family_page = family_url(family.id) + "index.html"
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=PROJECT, check=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto((site / family_page).as_uri())
            # The map, with the page around it: its heading at the top of the window.
            page.evaluate("document.getElementById('career-map').scrollIntoView()")
            page.screenshot(path=str(PICTURE))
            browser.close()
    print(f"Wrote {PICTURE.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
