"""Alt text for the images editors choose: a rule shared by page fields and body blocks.

An image that is not decorative needs a text alternative in the page's language. It comes
from the page (an "alt text" field beside the chooser, translated with the page) or, when
that is empty, from the image's description in the image library (Wagtail's alt text). An
image that adds nothing to the text is marked decorative and gets ``alt=""``. The admin
refuses an image with neither (``programme.admin_forms``, ``programme.blocks.ImageBlock``).

The image's title is never used: it is usually a file name ("IMG_0042").
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

MISSING_ALT = _(
    "Describe the image for readers who cannot see it (alt text), or tick “decorative "
    "image”: this image has no description in the image library either."
)

MISSING_DESCRIPTION = _(
    "This image has no description in the image library, and the description is its alt "
    "text: add one there (Images > edit), or choose another image."
)


def alt_text(image: Any, alt: str = "", decorative: bool = False) -> str:
    """The ``alt`` attribute of a chosen image: empty when decorative, else the text given
    beside the chooser, else the image's description (empty for an old image without one)."""
    if image is None or decorative:
        return ""
    return (alt or "").strip() or (getattr(image, "description", "") or "").strip()


def needs_alt(image: Any, alt: str = "", decorative: bool = False) -> bool:
    """True when an image is chosen, not decorative, and nothing describes it."""
    return image is not None and not decorative and not alt_text(image, alt, decorative)
