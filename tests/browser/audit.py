"""What the front-end checks measure on a page, shared by the browser tests and by
`tests/perf/measure_frontend.py` (the before/after figures in docs/frontend.md).

Everything comes from files the setup installed (`make node`: axe-core and vnu-jar in
node_modules); nothing is fetched while the checks run.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"

# WCAG 2.0/2.1/2.2 A and AA plus axe's best practices: "zero violations of any impact".
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[dict]:
    """Run axe-core in the page and return its violations (id, impact, nodes' targets)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async (tags) => { const r = await axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})); }",
        AXE_TAGS,
    )
    return result


def horizontal_overflow(page) -> int:
    """How many CSS pixels the document is wider than the viewport (0 = no sideways scroll)."""
    return page.evaluate(
        "() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
    )


def broken_images(page) -> list[str]:
    """The src of every image that did not load, after scrolling lazy ones into view."""
    page.evaluate(
        "async () => { for (const img of document.images) { img.loading = 'eager'; } }"
    )
    page.wait_for_load_state("load")
    page.wait_for_function(
        "() => Array.from(document.images).every(i => i.complete)", timeout=10_000
    )
    return page.evaluate(
        "() => Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0))"
        ".map(i => i.currentSrc || i.src)"
    )


def vnu_errors(paths: list[Path]) -> dict[str, list[str]]:
    """Validate saved HTML files with the Nu HTML checker in one Java run.

    Returns {file name: [error messages]} for files with errors (warnings and info ignored).
    """
    if not paths:
        return {}
    proc = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always",
         *[str(p) for p in paths]],
        capture_output=True, text=True, timeout=600, check=False,
    )
    report = json.loads(proc.stderr or proc.stdout or '{"messages": []}')
    errors: dict[str, list[str]] = {}
    for message in report.get("messages", []):
        if message.get("type") != "error" and message.get("subType") != "fatal":
            continue
        name = Path(message.get("url", "").removeprefix("file:")).name
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message.get('message')}"
        )
    return errors


def page_weight(page, url: str) -> dict[str, int]:
    """Bytes of HTML, CSS, JS and images a fresh visit to `url` transfers (uncompressed)."""
    sizes = {"html": 0, "css": 0, "js": 0, "img": 0, "other": 0}
    kinds = {"document": "html", "stylesheet": "css", "script": "js", "image": "img"}

    def record(response):
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        sizes[kinds.get(response.request.resource_type, "other")] += len(body)

    page.on("response", record)
    page.goto(url, wait_until="load")
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    sizes["total"] = sum(v for k, v in sizes.items() if k != "total")
    return sizes
