"""How a news item presents itself outside the site: share links for social networks, the
share image, and schema.org ``NewsArticle`` data for search engines.

A mixin of ``NewsPage`` (it reads the page's own fields), kept apart so the page module
holds what the item is and this one what others are told about it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from newsroom.models.querysets import SHARE_RENDITION


class SharingMixin:
    def share_links(self, request: HttpRequest | None = None) -> list[tuple[str, str]]:
        url = quote(self.get_full_url(request) or "", safe="")
        title = quote(self.title, safe="")
        return [
            ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
            ("X", f"https://twitter.com/intent/tweet?url={url}&text={title}"),
            ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
            ("Telegram", f"https://t.me/share/url?url={url}&text={title}"),
            ("WhatsApp", f"https://wa.me/?text={title}%20{url}"),
            (_("E-mail"), f"mailto:?subject={title}&body={url}"),
        ]

    def share_image_url(self, request: HttpRequest | None = None) -> str:
        if self.hero_image is None:
            return ""
        url = self.hero_image.get_rendition(SHARE_RENDITION).url
        if url.startswith(("http://", "https://")):
            return url
        if request is not None:
            return request.build_absolute_uri(url)
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url

    def json_ld(self, request: HttpRequest | None = None) -> dict[str, Any]:
        """schema.org ``NewsArticle`` for search engines (rendered as escaped JSON)."""
        url = self.get_full_url(request)
        site_name = getattr(settings, "WAGTAIL_SITE_NAME", "")
        site = Site.find_for_request(request) if request is not None else None
        site = site or self.get_site()  # the request's site is already read: no query
        if site is not None and site.site_name:
            site_name = site.site_name
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "inLanguage": self.locale.language_code,
            "articleSection": self.get_kind_display(),
            "publisher": {"@type": "Organization", "name": site_name},
            "author": {"@type": "Organization", "name": site_name},
        }
        if self.standfirst:
            data["description"] = self.standfirst
        if self.publication_date:
            data["datePublished"] = self.publication_date.isoformat()
        modified = self.last_published_at or self.publication_date
        if modified:
            data["dateModified"] = modified.isoformat()
        if self.dateline_place:
            data["dateline"] = self.dateline(self.locale.language_code)
            data["contentLocation"] = {"@type": "Place", "name": self.dateline_place}
        image = self.share_image_url(request)
        if image:
            data["image"] = [image]
        keywords = [tag.label(self.locale.language_code) for tag in self.theme_tags()]
        keywords += [tag.label(self.locale.language_code) for tag in self.country_tags()]
        if keywords:
            data["keywords"] = keywords
        return data
