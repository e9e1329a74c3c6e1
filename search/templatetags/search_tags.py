"""The search box for every page and URL helpers for facet links and pagination."""

from __future__ import annotations

from django import template
from django.http import QueryDict

register = template.Library()


@register.inclusion_tag("search/search_box.html", takes_context=True)
def search_box(context) -> dict:
    request = context.get("request")
    query = request.GET.get("q", "") if request is not None else ""
    return {"request": request, "search_query": query[:300]}


def _params(request) -> QueryDict:
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    params.pop("page", None)
    return params


@register.simple_tag(takes_context=True)
def facet_toggle_url(context, name: str, value: str) -> str:
    """The current search with ``name=value`` added, or removed when already selected."""
    params = _params(context.get("request"))
    values = params.getlist(name)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    params.setlist(name, values)
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    params = _params(context.get("request"))
    if number > 1:
        params["page"] = str(number)
    return "?" + params.urlencode()


@register.simple_tag(takes_context=True)
def suggestion_url(context, suggestion: str) -> str:
    params = _params(context.get("request"))
    params["q"] = suggestion
    return "?" + params.urlencode()
