"""StreamField blocks shared by every content app (newsroom and the host site build on them)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from programme.images import MISSING_ALT, alt_text, needs_alt

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    """An image in the body, with its alt text (or the image's description) unless it is
    marked decorative: the admin refuses an image with neither (``programme.images``)."""

    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Alt text"),
        help_text=_("Empty: the image’s description in the image library."),
    )
    decorative = blocks.BooleanBlock(required=False, label=_("Decorative image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    credit = blocks.CharBlock(required=False, label=_("Credit"))

    class Meta:
        icon = "image"
        template = "blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        if needs_alt(value.get("image"), value.get("alt", ""), value.get("decorative", False)):
            raise StructBlockValidationError(block_errors={"alt": ValidationError(MISSING_ALT)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["alt"] = alt_text(value.get("image"), value.get("alt", ""), value.get("decorative"))
        return context


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, label=_("Link text"))

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"


class FactBoxBlock(blocks.StructBlock):
    """A highlighted figure ("EUR 6.8 million", "5 countries") with its explanation."""

    title = blocks.CharBlock(required=False, label=_("Title"))
    facts = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("figure", blocks.CharBlock(label=_("Figure"), max_length=60)),
                ("label", blocks.CharBlock(label=_("Label"), max_length=255)),
            ],
            icon="pick",
        ),
        label=_("Facts"),
    )

    class Meta:
        icon = "pick"
        template = "blocks/fact_box.html"


def base_blocks() -> list[tuple[str, blocks.Block]]:
    """The common body blocks; apps append their own (quotes, calls to action...)."""
    return [
        ("paragraph", blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))),
        ("heading", HeadingBlock()),
        ("image", ImageBlock()),
        ("document", DocumentBlock()),
        ("embed", EmbedBlock(label=_("Embed"), icon="media")),
        ("fact_box", FactBoxBlock(label=_("Fact box"))),
    ]
