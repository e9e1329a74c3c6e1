"""The sitemap: every published page of every language tree of the site, each with the same
hreflang alternates as its HTML head (``portal.i18n.alternates.alternates_for``).

Wagtail's own sitemap lists the descendants of the site's root page only, which with one tree
per locale means the default language alone. What it lists is the one visibility rule
(``headless.visibility``): no drafts, private, expired or embargoed pages, and no aliases made by
synchronised trees (their content is not translated).
"""

from __future__ import annotations

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from headless.visibility import visible_pages
from portal.i18n.alternates import alternates_for


class TranslatedSitemap(Sitemap):
    def items(self):
        roots = list(
            self.get_wagtail_site().root_page.get_translations(inclusive=True).only("path", "depth")
        )
        in_site = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            visible_pages(Page.objects.filter(in_site))
            .order_by("path")
            .defer_streamfields()
            .select_related("locale")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key: dict = defaultdict(list)
        for item in self.items().filter(
            translation_key__in={item.translation_key for item in pages}
        ):
            by_key[item.translation_key].append(item)
        # A page type may leave itself out of sitemaps the Wagtail way, by returning no URLs
        # from get_sitemap_urls (news items under embargo do): ask the specific pages, one
        # query per page type.
        specific = {
            item.pk: item
            for item in Page.objects.filter(pk__in=[item.pk for item in pages]).specific()
        }
        urls, last_mods = [], set()
        default_language = Locale.get_default().language_code
        for item in pages:
            if item.pk in specific and not specific[item.pk].get_sitemap_urls(self.request):
                continue
            alternates = alternates_for(
                by_key[item.translation_key], self.request, default_language
            )
            location = item.get_full_url(self.request)
            if not location:
                continue
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": lastmod,
                    "alternates": [
                        {"lang_code": code, "location": url} for code, url in alternates
                    ],
                }
            )
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
