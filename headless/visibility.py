"""The one "publicly visible" rule: what a reader may see, whoever reads (HTML listings, feeds,
sitemap, search and autocomplete on every backend, our API, Wagtail's stock v2/v3 page routes,
routing by path, translations, navigation, counts).

A page is publicly visible when it is

- **live** (published; drafts and scheduled pages are not),
- **public**: no view restriction on it or on an ancestor (password, login or group: the API
  and the listings show nothing that needs one, whoever asks),
- **not an alias**: wagtail-localize's synchronised trees make aliases of untranslated pages;
  the route would show another page's (the source's) content, so they are never listed
  (the one exception, ``readable_pages``, is the HTML of a locale with partial content, where
  they are shown labelled with their language: ``NEWSROOM_MISSING_TRANSLATION = "source"``),
- **not expired**: ``expired`` not set and ``expire_at`` not passed, and
- **not embargoed**: a page type may declare a date field before which it is hidden
  (``embargo_field = "publication_date"`` on the model); a date in the future hides it.

The clock parts compare with *now* when the statement is compiled (``CurrentTime``), never
with a stored flag, so a scheduled item appears everywhere at its time without a republish
(and an expiry takes effect before Wagtail's ``publish_scheduled`` command has run).

This module sits below every plugin and imports none of them: it discovers the page types
that declare an embargo field among Wagtail's page models, both for a queryset of one page
type and for a ``Page`` queryset mixing types.
"""

from __future__ import annotations

import datetime

from django.db.models import DateTimeField, Exists, Expression, F, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils import timezone
from wagtail.models import Locale, Page, PageQuerySet, PageViewRestriction, get_page_models

from headless.messages import NO_PUBLISHED, message

#: The class attribute a page model sets to the name of its embargo date field.
EMBARGO_ATTRIBUTE = "embargo_field"


def embargo_field(model: type[Page]) -> str | None:
    """The date field before which ``model``'s pages are hidden, if it declares one."""
    return getattr(model, EMBARGO_ATTRIBUTE, None) or None


def embargoed_types(model: type[Page]) -> list[type[Page]]:
    """The outermost page types at or below ``model`` that declare an embargo field (a
    subclass of one of them is covered by its parent's subquery: multi-table inheritance
    puts its rows in the parent's table too)."""
    declaring = [m for m in get_page_models() if issubclass(m, model) and embargo_field(m)]
    return [m for m in declaring if not any(m is not o and issubclass(m, o) for o in declaring)]


class CurrentTime(Expression):
    """The application's time (``timezone.now()``), read when the statement is compiled, not
    when the queryset is built: a queryset of the visible pages built once serves every
    request at its own moment (``public_pages``), and a test that moves the clock
    (``mock.patch("django.utils.timezone.now")``) moves it here too. Not the database's
    ``now()``, which would disagree with the application's clock whenever the two differ."""

    output_field = DateTimeField()

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        return "%s", [connection.ops.adapt_datetimefield_value(timezone.now())]


#: A moment to compare with: a fixed one, or the time the statement is compiled at.
Moment = datetime.datetime | CurrentTime


def hidden_by_clock_q(model: type[Page], now: Moment) -> Q:
    """What the clock hides among ``model``'s pages at ``now``: an expiry that has passed, an
    embargo date still to come (on ``model`` itself, or on any page type below it)."""
    hidden = Q(expire_at__lte=now)
    field = embargo_field(model)
    if field:
        return hidden | Q(**{f"{field}__gt": now})
    for embargoed in embargoed_pages(model, now):
        hidden |= Q(pk__in=embargoed)
    return hidden


def embargoed_pages(model: type[Page], now: Moment) -> list[QuerySet]:
    """``values("pk")`` of the pages an embargo still hides at ``now``, one queryset per page
    type at or below ``model`` that declares one (few rows: the items dated ahead)."""
    return [
        page_type._base_manager.filter(**{f"{embargo_field(page_type)}__gt": now}).values("pk")
        for page_type in embargoed_types(model)
    ]


def restricted() -> Exists:
    """A view restriction on the page or an ancestor: one whose page's tree path begins the
    page's own. A correlated subquery rather than Wagtail's ``public()``, which reads the
    restrictions in a query of its own each time a queryset is built: here the restrictions
    are read by the statement itself, when it runs, and cost no extra query."""
    prefix = Substr(OuterRef("path"), 1, Length("page__path"))
    return Exists(
        PageViewRestriction.objects.annotate(prefix=prefix).filter(page__path=F("prefix"))
    )


def visible_pages(pages: PageQuerySet, now: Moment | None = None) -> PageQuerySet:
    """``pages`` narrowed to the publicly visible ones (the rule of this module's docstring),
    in the same SQL statement: building it runs no query. Without ``now``, visible when the
    statement runs."""
    now = CurrentTime() if now is None else now
    return (
        pages.live()
        .filter(~restricted(), alias_of__isnull=True, expired=False)
        .exclude(hidden_by_clock_q(pages.model, now))
    )


def readable_pages(pages: PageQuerySet, now: Moment | None = None) -> PageQuerySet:
    """``visible_pages`` plus the live aliases of publicly visible pages, for sites that show
    a locale's untranslated pages labelled with their language instead of leaving them out
    (``NEWSROOM_MISSING_TRANSLATION = "source"``). Everything else of the rule holds: a
    restricted, expired or embargoed alias is no more readable than its source."""
    now = CurrentTime() if now is None else now
    # A correlated EXISTS, probed by primary key for the aliases only: ``alias_of IN
    # (visible pages)`` made PostgreSQL hash every visible page of the site first (50,000
    # at 100,000 items) and lose the listing's index order.
    source_visible = Exists(visible_pages(Page.objects.all(), now).filter(pk=OuterRef("alias_of")))
    return (
        pages.live()
        .filter(~restricted(), expired=False)
        .filter(Q(alias_of__isnull=True) | Q(source_visible))
        .exclude(hidden_by_clock_q(pages.model, now))
    )


#: {(page type, every page type's embargo field): its visible pages}, built once per process
#: and cloned for each use.
_VISIBLE: dict[tuple, PageQuerySet] = {}


def public_pages(model: type[Page], locale: Locale | None = None) -> PageQuerySet:
    """The publicly visible pages of ``model`` (in ``locale`` when given).

    The rule's statement is built once per page type and cloned for each call: its moment is
    ``CurrentTime``, read when each clone is compiled. Building it (the restriction subquery,
    the clock's conditions) was about a tenth of a news listing's time."""
    # The declarations are part of the key: a page type may declare one after the first use
    # (a test does), and the statement must follow.
    key = (model, tuple(embargo_field(page_type) for page_type in get_page_models()))
    visible = _VISIBLE.get(key)
    if visible is None:
        visible = _VISIBLE[key] = visible_pages(model._default_manager.all())
    queryset = visible.all()
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def get_public_page(model: type[Page], page_id: int) -> Page:
    """The publicly visible ``model`` page with this id, else 404. A page type may prepare
    the query with what its detail shows (``api_detail_queryset(queryset)``: related rows
    joined or prefetched), so a detail answer costs a fixed number of queries."""
    queryset = public_pages(model)
    prepare = getattr(model, "api_detail_queryset", None)
    if prepare is not None:
        queryset = prepare(queryset)
    page = queryset.filter(pk=page_id).first()
    if page is None:
        raise Http404(message(NO_PUBLISHED, {"type": model._meta.verbose_name, "id": page_id}))
    return page


def is_publicly_visible(page: Page) -> bool:
    """Whether this one page is publicly visible now (one query)."""
    return public_pages(type(page)).filter(pk=page.pk).exists()


def is_hidden_by_clock(page: Page, now: datetime.datetime | None = None) -> bool:
    """Whether the clock hides this (live) page now: expired, or embargoed. No query: for
    serving a page that is already loaded."""
    now = now or timezone.now()
    if page.expire_at is not None and page.expire_at <= now:
        return True
    field = embargo_field(type(page))
    moment = getattr(page, field, None) if field else None
    return moment is not None and moment > now


def searchable(pages: QuerySet) -> QuerySet:
    """The same pages as one ``pk IN (subquery)`` filter, the form Wagtail's search backends
    accept: they filter on indexed fields only, and ``id`` is one, while ``alias_of``,
    ``expire_at`` or an embargo date on a page subtype are not. On Elasticsearch the
    subquery's ids go to the cluster as a terms filter."""
    return pages.model._default_manager.filter(pk__in=pages.values("pk"))


def hidden_by_clock(model: type[Page] = Page, now: datetime.datetime | None = None) -> QuerySet:
    """``values("pk")`` of the live pages the clock hides now. An index that holds the pages
    public when they were saved (Elasticsearch) excludes these at query time: few ids, where
    the visible ones would be every page of the site."""
    now = now or timezone.now()
    return (
        model._default_manager.filter(live=True).filter(hidden_by_clock_q(model, now)).values("pk")
    )
