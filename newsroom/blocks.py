"""Body blocks of a news item: the programme's common blocks plus quotes and calls to action."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from programme.blocks import base_blocks


class QuoteBlock(blocks.StructBlock):
    """A quoted official: press releases name who said it, in which role, for which body."""

    quote = blocks.TextBlock(label=_("Quote"))
    speaker = blocks.CharBlock(label=_("Speaker"), max_length=255)
    role = blocks.CharBlock(required=False, label=_("Role"), max_length=255)
    organisation = blocks.CharBlock(required=False, label=_("Organisation"), max_length=255)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    link = blocks.URLBlock(required=False, label=_("External link"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))

    class Meta:
        icon = "link"
        template = "blocks/call_to_action.html"


def news_body_blocks() -> list[tuple[str, blocks.Block]]:
    return base_blocks() + [
        ("quote", QuoteBlock()),
        ("call_to_action", CallToActionBlock(label=_("Call to action"))),
    ]
