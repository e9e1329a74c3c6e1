"""Abstract page bases shared by page types of the programme and of the apps built on it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from programme.blocks import RICH_TEXT_FEATURES


class IntroIndexPage(Page):
    """An index page (partners, contacts, newsroom): an introduction above a listing of its
    children. Each subclass names its children (``subpage_types``) and lists them."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True
