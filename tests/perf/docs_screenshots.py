"""The screenshots of docs/frontend.md (not a test): the first screen of each main page type
in Russian, at 1280x800 and 390x844, reduced to small palette PNGs.

    python tests/perf/docs_screenshots.py http://127.0.0.1:8000
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PIL import Image
from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
from tests.browser.test_pages import PAGE_TYPES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "frontend"
SHOWN = ["home", "listing", "article", "programme", "partner", "contact", "search"]
#: Components shown on their own: {name: (page type, CSS selector)}.
COMPONENTS = {"country-map": ("home", ".country-map-section")}


def shrink(png: bytes, width: int) -> Image.Image:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    return image.quantize(colors=96, method=Image.Quantize.MEDIANCUT)


def main(base: str) -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for label, (w, h), out_width in [("desktop", (1280, 800), 960), ("phone", (390, 844), 390)]:
            page = browser.new_page(viewport={"width": w, "height": h})
            for name in SHOWN:
                page.goto(base + PAGE_TYPES[name].format(lang="ru"))
                page.wait_for_load_state("networkidle")
                shrink(page.screenshot(), out_width).save(
                    DOCS / f"{name}-{label}.png", optimize=True
                )
            for name, (kind, selector) in COMPONENTS.items():
                page.goto(base + PAGE_TYPES[kind].format(lang="ru"))
                page.wait_for_load_state("networkidle")
                shot = page.locator(selector).first.screenshot()
                shrink(shot, out_width).save(DOCS / f"{name}-{label}.png", optimize=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
