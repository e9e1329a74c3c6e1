"""How news items carry the programme's country and theme tags (taggit through models)."""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase

from programme.models import CountryTag, ThemeTag


class NewsCountry(ItemBase):
    tag = models.ForeignKey(CountryTag, on_delete=models.CASCADE, related_name="news_items")
    content_object = ParentalKey(
        "newsroom.NewsPage", on_delete=models.CASCADE, related_name="country_items"
    )

    class Meta:
        # "Items tagged kz": an index-only scan of one tag's items (listing filters).
        indexes = [models.Index(fields=["tag", "content_object"], name="news_country_items")]


class NewsTheme(ItemBase):
    tag = models.ForeignKey(ThemeTag, on_delete=models.CASCADE, related_name="news_items")
    content_object = ParentalKey(
        "newsroom.NewsPage", on_delete=models.CASCADE, related_name="theme_items"
    )

    class Meta:
        indexes = [models.Index(fields=["tag", "content_object"], name="news_theme_items")]
