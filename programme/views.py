"""Country and theme listing pages: every live page of the reader's language tagged so."""

from __future__ import annotations

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from taggit.models import TagBase
from wagtail.models import Locale

from programme.listings import tagged_pages, type_counts
from programme.models import CountryTag, ThemeTag
from programme.models.reader import current_language
from programme.templatetags.programme_tags import page_type

PER_PAGE = 20
#: What a tag slug can be; anything else is no tag, and never reaches the database (a NUL
#: byte in a lookup is an error on PostgreSQL, not a miss).
SLUG = re.compile(r"[-\w]{1,100}")


def group_by_type(items: list) -> list[tuple[str, list]]:
    """The page's items in sections by what they are (press releases, statements, news,
    phases, partners), each section in the listing's order, sections by first appearance."""
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(page_type(item), []).append(item)
    return list(groups.items())


def _tag_or_404(model: type[TagBase], slug: str) -> TagBase:
    queryset = model.objects.none() if not SLUG.fullmatch(slug) else model.objects.all()
    if model is ThemeTag:
        queryset = queryset.prefetch_related("labels")
    tag = queryset.filter(slug=slug).first()
    if tag is None:
        raise Http404(
            _("No such %(vocabulary)s: “%(slug)s”.")
            % {"vocabulary": model._meta.verbose_name, "slug": slug}
        )
    return tag


def _listing(request: HttpRequest, model: type[TagBase], slug: str, route: str) -> HttpResponse:
    if slug != slug.lower():
        return redirect(route, slug=slug.lower(), permanent=True)
    tag = _tag_or_404(model, slug)
    language = current_language()
    pages = tagged_pages(tag, Locale.get_active())
    paginator = Paginator(pages.specific(), PER_PAGE)
    bad_input = ""
    status = 200
    try:
        page_obj = paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        bad_input, status = _("The page number must be a whole number."), 400
        page_obj = None
    except EmptyPage:
        bad_input, status = _("There is no such page of results."), 404
        page_obj = None
    context = {
        "tag": tag,
        "tag_label": tag.label(language),
        "vocabulary": model._meta.verbose_name,
        "vocabulary_plural": model._meta.verbose_name_plural,
        "index_route": f"{route}_index",
        "page_obj": page_obj,
        "items": list(page_obj.object_list) if page_obj else [],
        "groups": group_by_type(list(page_obj.object_list) if page_obj else []),
        "type_counts": type_counts(pages) if page_obj else [],
        "bad_input": bad_input,
    }
    return render(request, "programme/tag_page.html", context, status=status)


def country(request: HttpRequest, slug: str) -> HttpResponse:
    return _listing(request, CountryTag, slug, "programme:country")


def theme(request: HttpRequest, slug: str) -> HttpResponse:
    return _listing(request, ThemeTag, slug, "programme:theme")


def _index(request: HttpRequest, model: type[TagBase], route: str) -> HttpResponse:
    language = current_language()
    tags = model.objects.all()
    if model is ThemeTag:
        tags = tags.prefetch_related("labels")
    entries = sorted(((tag, tag.label(language)) for tag in tags), key=lambda e: e[1])
    return render(
        request,
        "programme/tag_index.html",
        {
            "entries": entries,
            "route": route,
            "vocabulary_plural": model._meta.verbose_name_plural,
        },
    )


def country_index(request: HttpRequest) -> HttpResponse:
    return _index(request, CountryTag, "programme:country")


def theme_index(request: HttpRequest) -> HttpResponse:
    return _index(request, ThemeTag, "programme:theme")
