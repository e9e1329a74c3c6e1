"""StreamField blocks shared by every content app (newsroom and the host site build on them)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

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
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    credit = blocks.CharBlock(required=False, label=_("Credit"))

    class Meta:
        icon = "image"
        template = "blocks/image.html"


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
