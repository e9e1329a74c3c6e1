"""The partner index's filters (kind, country, theme) as a form, so bad query parameters
become a message for the reader instead of an exception."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class PartnerFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, data, *, kinds, countries, themes, language: str) -> None:
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(kinds)
        self.fields["country"].choices = everything + sorted(
            ((c.slug, c.label(language)) for c in countries), key=lambda c: c[1]
        )
        self.fields["theme"].choices = everything + sorted(
            ((t.slug, t.label(language)) for t in themes), key=lambda t: t[1]
        )
        for name, field in self.fields.items():
            field.error_messages["invalid_choice"] = _(
                "There is no %(field)s “%(value)s”. Choose one from the list."
            ) % {"field": str(field.label).lower(), "value": "%(value)s"}
            field.widget.attrs["id"] = f"filter-{name}"

    def active_filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}
