"""Admin forms that ask for the alt text of the images an editor chooses
(``programme.images``): the error shows on the alt text field, beside the chooser."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from programme.images import MISSING_ALT, MISSING_DESCRIPTION, needs_alt


class ImageAltFormMixin:
    """Checks the model's ``image_alt_fields``: (image, alt text, decorative) field names;
    an alt text or decorative field may be None when the model has none."""

    def clean(self):
        cleaned = super().clean()
        for image_name, alt_name, decorative_name in getattr(
            self._meta.model, "image_alt_fields", []
        ):
            if image_name not in self.fields:
                continue
            image = cleaned.get(image_name)
            alt = cleaned.get(alt_name, "") if alt_name else ""
            decorative = bool(cleaned.get(decorative_name)) if decorative_name else False
            if not needs_alt(image, alt, decorative):
                continue
            if alt_name in self.fields:
                self.add_error(alt_name, MISSING_ALT)
            else:
                self.add_error(image_name, MISSING_DESCRIPTION)
        return cleaned


class HeroImagePageForm(ImageAltFormMixin, WagtailAdminPageForm):
    """The edit form of page types with a hero image (``HeroImageMixin``)."""


class ImageAltModelForm(ImageAltFormMixin, WagtailAdminModelForm):
    """The same for snippets and settings (the funder logo)."""
