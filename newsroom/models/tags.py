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


class NewsTheme(ItemBase):
    tag = models.ForeignKey(ThemeTag, on_delete=models.CASCADE, related_name="news_items")
    content_object = ParentalKey(
        "newsroom.NewsPage", on_delete=models.CASCADE, related_name="theme_items"
    )
