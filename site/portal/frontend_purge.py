"""Purging a CDN or Varnish in front of the site (``FRONTEND_CACHE_URL``) on the same events
that move the content clock, so the CDN is as never-stale as the response cache behind it.

Wagtail's ``frontend_cache`` purges a page's own URL when it is published or unpublished. A
newsroom page shows more than itself: a news item is on its listing, the home page, its
country and theme pages and in the feeds, and a snippet, a tag label or a site setting shows
on every page. So:

* a page event purges the page and its translations, their ancestors (the listings, the home
  page), the country and theme pages of its tags with their feeds, the tag indexes and the
  sitemap;
* a change of other content (``portal.webhooks.signals.shows_content``: snippets, settings,
  tags and labels, images, documents) or of a view restriction (a page or a collection made
  private or public again) purges every live page and every tag page.

Every language's URL is purged: Wagtail's purge task rewrites each URL's language prefix to
each content language. The URLs are gathered in a task (django-tasks) enqueued once per
transaction after its commit, so the editor's request never waits for the CDN and the CDN
fetches committed content. The API's answers are not purged by URL (their query strings
cannot be listed): they carry a short ``max-age`` (``API_CACHE_SECONDS``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from portal.webhooks.signals import SHOWN_SETTINGS, shows_content
from programme.models import CountryTag, ThemeTag

#: Routes outside the page tree that list content, per tag kind.
TAG_ROUTES = {"country_tags": "country", "theme_tags": "theme"}
INDEX_ROUTES = ("programme:country_index", "programme:theme_index")


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _site_root() -> str:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else ""


def _route_url(root: str, name: str, **kwargs: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return root + reverse(name, kwargs=kwargs or None)


def _feeds(page: Page, tags: dict[str, set[str]]) -> list[str]:
    """A listing's feeds: its own, and those of the given tags."""
    if not hasattr(page, "feed_url"):
        return []
    urls = [page.feed_url("rss"), page.feed_url("atom")]
    for kind, slugs in tags.items():
        for slug in sorted(slugs):
            urls += [page.feed_url(f"{kind}_{fmt}", slug=slug) for fmt in ("rss", "atom")]
    return urls


def _fixed_urls(root: str) -> list[str]:
    """What lists every item outside the page tree: the tag indexes and the sitemap."""
    return [_route_url(root, name) for name in INDEX_ROUTES] + [root + "/sitemap.xml"]


def related_urls(page_ids: Iterable[int]) -> list[str]:
    """Every URL that shows one of these pages (see the module docstring)."""
    root = _site_root()
    ids = set(page_ids)
    keys = Page.objects.filter(pk__in=ids).values_list("translation_key", flat=True)
    pages = list(Page.objects.filter(translation_key__in=list(keys)).specific())
    tags: dict[str, set[str]] = {kind: set() for kind in TAG_ROUTES.values()}
    for page in pages:
        for method, kind in TAG_ROUTES.items():
            if hasattr(page, method):
                tags[kind].update(tag.slug for tag in getattr(page, method)())
    batch = PurgeBatch()
    batch.add_pages(page for page in pages if page.live)
    ancestors = Page.objects.none()
    for page in pages:
        ancestors |= Page.objects.ancestor_of(page).filter(depth__gt=1)
    listings = list(ancestors.live().specific())
    batch.add_pages(listings)
    relative = [url for listing in listings for url in _feeds(listing, tags)]
    batch.add_urls(root + url for url in relative if url.startswith("/"))
    batch.add_urls(_fixed_urls(root))
    for kind, slugs in tags.items():
        batch.add_urls(_route_url(root, f"programme:{kind}", slug=slug) for slug in slugs)
    return batch.urls


def site_urls() -> list[str]:
    """Every live page of the site with its feeds, every tag page, the sitemap."""
    root = _site_root()
    batch = PurgeBatch(_fixed_urls(root))
    pages = Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=500)
    for page in pages:
        batch.add_page(page)
        batch.add_urls(root + url for url in _feeds(page, {}) if url.startswith("/"))
    for model, kind in ((CountryTag, "country"), (ThemeTag, "theme")):
        slugs = model.objects.values_list("slug", flat=True)
        batch.add_urls(_route_url(root, f"programme:{kind}", slug=slug) for slug in slugs)
    return batch.urls


@task()
def purge_task(page_ids: list[int], everything: bool) -> int:
    """Purge what the changes show; returns how many URLs were sent (before Wagtail adds
    each language's)."""
    urls = site_urls() if everything else related_urls(page_ids)
    purge_urls_from_cache_task.call(urls)
    return len(urls)


def schedule(page_ids: Iterable[int] = (), everything: bool = False) -> None:
    """Note what changed; one purge task per transaction, enqueued after its commit."""
    if not enabled():
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        purge_task.enqueue(sorted(set(page_ids)), everything)
        return
    flush = next(
        (func for _, func, _ in connection.run_on_commit if hasattr(func, "purge_state")),
        None,
    )
    if flush is None:
        state: dict = {"pages": set(), "everything": False}

        def flush() -> None:
            purge_task.enqueue(sorted(state["pages"]), state["everything"])

        flush.purge_state = state
        transaction.on_commit(flush, robust=True)
    flush.purge_state["pages"].update(page_ids)
    flush.purge_state["everything"] |= everything


def on_page_event(sender, instance, **kwargs) -> None:
    """The page and its ancestors, noted now: a deleted page has none by the commit."""
    if not enabled():
        return
    ancestors = Page.objects.ancestor_of(instance).filter(depth__gt=1)
    schedule([instance.pk, *ancestors.values_list("pk", flat=True)])


def on_content_saved(sender, **kwargs) -> None:
    if not kwargs.get("raw") and (shows_content(sender) or issubclass(sender, SHOWN_SETTINGS)):
        schedule(everything=True)


def connect_signals() -> None:
    page_published.connect(on_page_event, dispatch_uid="portal-purge-published")
    page_unpublished.connect(on_page_event, dispatch_uid="portal-purge-unpublished")
    post_save.connect(on_content_saved, dispatch_uid="portal-purge-content-saved")
    post_delete.connect(on_content_saved, dispatch_uid="portal-purge-content-deleted")
