"""The two forms of "Import a press release": the source (pasted or uploaded), then the
parsed parts for the editor to correct before the draft is created."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from importers.builder import BOILERPLATE_FIELDS
from importers.parsing.sources import FORMATS
from newsroom.models import NewsIndexPage, NewsPage
from programme.models import Boilerplate, ContactIndexPage, CountryTag, DonorContactPage, ThemeTag

MAX_UPLOAD = 10 * 1024 * 1024


class SourceForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the press release"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
    )
    file = forms.FileField(
        label=_("…or upload a file"),
        required=False,
        help_text=_("Plain text, Markdown, HTML or Word (.docx)."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("Guess from the file"))] + [(f, f) for f in FORMATS],
        required=False,
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if not data.get("text", "").strip() and upload is None:
            raise forms.ValidationError(_("Paste a press release or choose a file."))
        if upload is not None and upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return data


class NewsroomChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.locale.language_code})"


class ReviewForm(forms.Form):
    newsroom = NewsroomChoice(
        label=_("Newsroom (and so the language)"),
        queryset=NewsIndexPage.objects.select_related("locale").order_by("path"),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=NewsPage.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    dateline_place = forms.CharField(label=_("Dateline place"), max_length=100, required=False)
    publication_date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    standfirst = forms.CharField(
        label=_("Standfirst"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    body = forms.CharField(
        label=_("Body"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Blocks separated by a blank line. “## ” starts a heading. A quote: lines "
            "starting with “> ”, then a line “— Speaker | role | organisation”."
        ),
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries"),
        queryset=CountryTag.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=ThemeTag.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    media_contact = forms.ModelChoiceField(
        label=_("Media contact"),
        queryset=DonorContactPage.objects.order_by("title"),
        required=False,
    )
    contact_text = forms.CharField(
        label=_("Contact block found"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    create_contact = forms.BooleanField(
        label=_("Create a new contact (draft) from the contact block"), required=False
    )
    contact_index = forms.ModelChoiceField(
        label=_("…under"), queryset=ContactIndexPage.objects.order_by("path"), required=False
    )
    source = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, kind in BOILERPLATE_FIELDS.items():
            label = Boilerplate.Kind(kind).label
            self.fields[f"{name}_text"] = forms.CharField(
                label=_("%(kind)s: text found") % {"kind": label},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[name] = forms.ModelChoiceField(
                label=_("%(kind)s: use") % {"kind": label},
                queryset=Boilerplate.objects.filter(kind=kind),
                required=False,
                help_text=_("Empty: the site-wide default."),
            )
            self.fields[f"{name}_create"] = forms.BooleanField(
                label=_("Create a new boilerplate from the text found"), required=False
            )

    def boilerplate_rows(self):
        return [
            (self[f"{name}_text"], self[name], self[f"{name}_create"])
            for name in BOILERPLATE_FIELDS
        ]

    def clean(self):
        data = super().clean()
        for name in BOILERPLATE_FIELDS:
            if data.get(f"{name}_create") and not data.get(f"{name}_text", "").strip():
                self.add_error(f"{name}_text", _("There is no text to make a boilerplate of."))
        if data.get("create_contact"):
            if not data.get("contact_text", "").strip():
                self.add_error("contact_text", _("There is no contact block to create."))
            if data.get("contact_index") is None:
                self.add_error("contact_index", _("Choose where the new contact goes."))
        return data
