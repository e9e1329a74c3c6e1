"""Wagtail's page routing in two queries instead of two per URL segment.

Stock ``Page.route_for_request`` walks the tree one level at a time: for each segment it reads
the child by slug and then its specific row, so ``/ru/news/<slug>/`` costs five queries
before the view starts. Here every page on the path is read at once by ``url_path`` (one
query), and only the page that answers is made specific (one more).

The walk keeps Wagtail's semantics: a page type that overrides ``route`` in any way other than
Wagtail's own ``Page.route`` or ``RoutablePageMixin.route`` gets the rest of the path handed to
its own ``route``, as stock Wagtail would; a routable page whose sub-URLs match the remaining
path answers it (its routes win over its children there, as in stock Wagtail); otherwise the
walk continues to the child. Missing pages raise ``Http404`` just as ``Page.route`` does.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.urls import Resolver404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from headless.memo import current_generation, once_per_request, table_memo

_stock_route_for_request = Page.route_for_request


def _hands_over(page: Page, remaining: list[str]) -> bool:
    """Whether ``page`` (a plain ``Page`` row) would answer ``remaining`` itself rather
    than pass it to a child."""
    cls = page.specific_class
    if cls is None:
        return True
    route = cls.route
    if route is Page.route:
        return False
    if route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            cls.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return False
        return True
    return True  # a custom route(): let it decide, as stock Wagtail does


def route(request: HttpRequest, path: str) -> RouteResult | None:
    """``Page.route_for_request`` with the path read in one query (cached on the request)."""
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    site = Site.find_for_request(request)
    if site is None:
        return _stock_route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    try:
        result = _route(localized_root(site), request, components)
    except Http404:
        result = None
    request._wagtail_route_for_request = result
    return result


def localized_root(site: Site) -> Page:
    """The site's root page in the reader's language, looked up once per request (routing
    and the page frame both need it)."""
    root = site.root_page
    language = translation.get_language() or ""
    return once_per_request(f"localized-root:{root.pk}:{language}", lambda: _localized(root))


def _localized(root: Page) -> Page:
    """``root.localized`` (its live translation in the active locale, else itself), read as
    its specific type in the same query: every translation of a page has the page's type,
    so the route to a home page in another language needs no second query for it."""
    locale = Locale.get_active()
    cls = root.specific_class
    if root.locale_id == locale.pk or cls is None:
        return root.localized
    found = cls._default_manager.filter(translation_key=root.translation_key, locale=locale)
    translation_ = found.first()
    return translation_ if translation_ is not None and translation_.live else root


def _route(root: Page, request: HttpRequest, components: list[str]) -> RouteResult:
    prefixes = [root.url_path]
    for component in components:
        prefixes.append(prefixes[-1] + component + "/")
    rows = Page.objects.filter(url_path__in=prefixes[1:], path__startswith=root.path)
    by_depth = {page.depth: page for page in rows}
    chain = [root]
    for level in range(1, len(prefixes)):
        page = by_depth.get(root.depth + level)
        if page is None or page.url_path != prefixes[level]:
            break
        chain.append(page)
    for level, page in enumerate(chain):
        remaining = components[level:]
        if not remaining:
            break
        if _hands_over(page, remaining):
            return page.specific.route(request, remaining)
        if level + 1 >= len(chain):
            raise Http404
    final = chain[-1] if len(chain) == len(prefixes) else None
    if final is None:
        raise Http404
    cls = final.specific_class
    if cls is None:
        specific = final.specific
    elif type(final) is cls and not getattr(cls, "serve_related", ()):
        specific = final  # read as its own type already (a home page: ``_localized``)
    else:
        # A page type may name the relations its template always shows (``serve_related``):
        # they come with the page in the same query.
        related = getattr(cls, "serve_related", ())
        specific = cls._default_manager.select_related(*related).get(pk=final.pk)
    if len(chain) > 1:
        specific._cached_parent_obj = chain[-2]
    return specific.route(request, [])


def view_restrictions(self: Page):
    """``Page.get_view_restrictions`` in one query instead of two: the ancestors' paths are
    prefixes of the page's own path, so no query is needed to list them. As in Wagtail, an
    alias on the path (the page itself or an ancestor) is checked through its source page."""
    steplen = self.steplen
    paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
    ).distinct()


def install() -> None:
    """Replace Wagtail's routing and view-restriction lookup (called once from
    ``PortalConfig.ready``)."""
    Page.route_for_request = staticmethod(route)
    Page.get_view_restrictions = view_restrictions


class KnownSiteMiddleware:
    """Wagtail finds the site of every request with a query (its hostname and port against
    the sites table). For a public read the answer is kept for the content generation
    (``headless.memo``, set by ``portal.page_cache`` for anonymous reads only): saving a site
    moves the content clock (``portal.webhooks.signals.SHOWN_SETTINGS``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if current_generation() is not None and not hasattr(request, "_wagtail_site"):
            hostname = split_domain_port(request._get_raw_host())[0]
            # Hosts named exactly in ALLOWED_HOSTS only: under a wildcard any Host header
            # would add to the process's memory.
            if hostname in settings.ALLOWED_HOSTS:
                key = f"site:{hostname}:{request.get_port()}"
                request._wagtail_site = table_memo(key, lambda: Site.find_for_request(request))
        return self.get_response(request)
