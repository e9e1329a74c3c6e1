"""Inline SVG marks of the site frame: the EU emblem (funder visibility) and the brand mark.

The EU emblem is public domain; its geometry follows the EU's graphic specification: on a
blue rectangle of 3:2, twelve five-pointed gold stars stand upright on an invisible circle
whose radius is a third of the height, each star's points on a circle of an eighteenth of it.
The points are computed here, not pasted, so each emblem on a page is self-contained (no
shared <defs> ids that would collide when the emblem appears twice).
"""

from __future__ import annotations

import math

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

EU_BLUE = "#003399"
EU_GOLD = "#FFCC00"


def _star(cx: float, cy: float, radius: float) -> str:
    inner = radius * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append(f"{cx + r * math.cos(angle):.2f},{cy + r * math.sin(angle):.2f}")
    return " ".join(points)


def eu_emblem_points(width: float = 81, height: float = 54) -> list[str]:
    """The twelve stars' polygon points on a ``width`` x ``height`` flag."""
    cx, cy = width / 2, height / 2
    ring, star = height / 3, height / 18
    return [
        _star(cx + ring * math.cos(math.radians(-90 + 30 * i)),
              cy + ring * math.sin(math.radians(-90 + 30 * i)), star)
        for i in range(12)
    ]


@register.simple_tag
def eu_emblem(css_class: str = "funder-logo") -> SafeString:
    """The EU emblem as decorative inline SVG (the statement beside it names the EU)."""
    stars = "".join(
        format_html('<polygon points="{}"/>', points) for points in eu_emblem_points()
    )
    return format_html(
        '<svg class="{}" viewBox="0 0 81 54" width="81" height="54" aria-hidden="true" '
        'focusable="false"><rect width="81" height="54" fill="{}"/><g fill="{}">{}</g></svg>',
        css_class, EU_BLUE, EU_GOLD, SafeString(stars),
    )


@register.simple_tag
def brand_mark() -> SafeString:
    """The site's own mark: a blue tile with a gold ring of dots (decorative)."""
    dots = "".join(
        format_html(
            '<circle cx="{}" cy="{}" r="2"/>',
            f"{24 + 12 * math.cos(math.radians(30 * i)):.2f}",
            f"{24 + 12 * math.sin(math.radians(30 * i)):.2f}",
        )
        for i in range(12)
    )
    return format_html(
        '<svg class="brand-mark" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" '
        'focusable="false"><rect width="48" height="48" rx="8" fill="#003399"/>'
        '<g fill="#FFCC00">{}</g><path d="M17 20h14M17 24h14M17 28h9" stroke="#fff" '
        'stroke-width="2.5" stroke-linecap="round"/></svg>',
        SafeString(dots),
    )
