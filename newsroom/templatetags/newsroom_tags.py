"""Template helpers of the newsroom: escaped JSON-LD, tag labels in the reader's language."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from programme.models.reader import current_language

register = template.Library()

# Inside <script> only "<", ">" and "&" can end the element or start markup; JSON allows
# them as \u escapes, so the data stays valid JSON and cannot break out of the element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict, nonce: str = "") -> SafeString:
    """``nonce``: the page's Content-Security-Policy nonce, if it has one."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    text = text.translate(_JSON_SCRIPT_ESCAPES)
    if nonce:
        return format_html(
            '<script type="application/ld+json" nonce="{}">{}</script>', nonce, mark_safe(text)
        )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def tag_label(tag) -> str:
    """A country or theme label in the reader's language."""
    return tag.label(current_language())


@register.simple_tag(takes_context=True)
def dateline(context, page) -> str:
    return page.dateline(current_language())


@register.simple_tag(takes_context=True)
def display_date(context, page) -> str:
    return page.display_date(current_language())


@register.simple_tag(takes_context=True)
def event_period(context, page) -> str:
    return page.event_period(current_language())
