"""What a schema resolver gets to know about the request.

django-ninja hands resolvers a ``context`` dict; ours always carries the request (absolute
URLs, the per-request locale cache), so every resolver reads it through this one accessor.
"""

from __future__ import annotations

from django.http import HttpRequest


def context_request(context: dict) -> HttpRequest:
    return context["request"]
