"""The one "publicly visible" rule of the API: every reader (listings, details, counts,
routing, translations, navigation) asks here, so extending the rule (embargo, expiry...)
is a change in one place.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from wagtail.models import Locale, Page, PageViewRestriction


def public_pages(model: type[Page], locale: Locale | None = None) -> QuerySet:
    """Live, public, non-alias pages of ``model`` (in ``locale`` when given).

    Drafts, view-restricted subtrees and wagtail-localize alias pages (untranslated copies
    of the source tree) never reach a front end.
    """
    queryset = model.objects.live().filter(alias_of__isnull=True)
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    for restriction in PageViewRestriction.objects.select_related("page"):
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def get_public_page(model: type[Page], page_id: int) -> Page:
    """The publicly visible ``model`` page with this id, else 404."""
    page = public_pages(model).filter(pk=page_id).first()
    if page is None:
        raise Http404(f"No published {model._meta.verbose_name} with id {page_id}.")
    return page
