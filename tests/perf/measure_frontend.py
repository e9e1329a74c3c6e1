"""Front-end figures for docs/frontend.md (not a test): axe-core violations per page type and
page weight (HTML + CSS + JS + images) of the home page and an article at 390 px.

    python tests/perf/measure_frontend.py http://127.0.0.1:8000 [ru]

Runs against a server with the demo content (`make run`); needs `make node` for axe-core.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import sync_playwright

from tests.browser.audit import axe_violations, page_weight
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
from tests.browser.test_pages import PAGE_TYPES as PAGES


def main(base: str, lang: str = "ru") -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for width, height in [(1280, 800), (390, 844)]:
            page = browser.new_page(viewport={"width": width, "height": height}, bypass_csp=True)
            print(f"## axe-core violations at {width} px ({lang})")
            for name, path in PAGES.items():
                page.goto(base + path.format(lang=lang))
                violations = axe_violations(page)
                detail = ", ".join(f"{v['id']} ({v['impact']}, {len(v['targets'])})"
                                   for v in violations)
                print(f"{name:13} {len(violations):3}  {detail}")
            page.close()
        for name in ("home", "article"):
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            sizes = page_weight(page, base + PAGES[name].format(lang=lang))
            print(f"weight {name} 390px: " + ", ".join(f"{k} {v}" for k, v in sizes.items()))
            context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
