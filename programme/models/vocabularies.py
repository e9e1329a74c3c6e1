"""The country and theme vocabularies every app tags with, and the pieces tagged pages share.

Countries and themes are django-taggit tags with a stable slug in every locale and a label per
locale. A tagged page type declares its tag fields with ``tags_field`` and reads its tags with
``CountryTagsMixin`` / ``ThemeTagsMixin``, so newsroom and programme pages read tags the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from babel import Locale as BabelLocale
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from headless.memo import once_per_generation, table_memo
from programme.models.reader import current_language
from programme.tagging import HELP_TEXT as TAG_HELP_TEXT
from programme.tagging import VocabularyTagField

DEFAULT_COUNTRY_LABELS = {"ru": {"KG": "Кыргызстан"}}
# CLDR territories that are no ISO 3166-1 country: unknown, pseudo, unions, regions.
NOT_COUNTRIES = {"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB"}


def country_label_overrides() -> dict[str, dict[str, str]]:
    return getattr(settings, "PROGRAMME_COUNTRY_LABELS", DEFAULT_COUNTRY_LABELS)


@functools.lru_cache(maxsize=4096)
def cldr_territory(language: str, code: str) -> str | None:
    """CLDR's name of the territory ``code`` in ``language``, None when CLDR has none (or
    does not know the language). The data ships with Babel and never changes while the
    process runs, so each name is looked up once: a listing labels every item's countries."""
    try:
        return BabelLocale.parse(language).territories.get(code)
    except (ValueError, LookupError):
        return None


def is_iso_country(code: str) -> bool:
    """ISO 3166-1 alpha-2 codes known to CLDR (``kz``); regions (``150``), ``EU``, ``ZZ``
    and the like are not countries."""
    code = (code or "").upper()
    return (
        len(code) == 2
        and code.isalpha()
        and code not in NOT_COUNTRIES
        and code in BabelLocale.parse("en").territories
    )


class CountryTag(TagBase):
    """A country, identified by its ISO 3166-1 alpha-2 code as slug (``kz``) in every locale.

    Labels come from CLDR through Babel, so no one translates country names by hand.
    ``free_tagging = False`` makes Wagtail's tag widget offer existing countries only.
    """

    free_tagging = False

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["slug"]

    @property
    def code(self) -> str:
        return self.slug.upper()

    panels = [FieldPanel("slug"), FieldPanel("name")]

    def label(self, language: str | None = None) -> str:
        """CLDR's name, unless ``PROGRAMME_COUNTRY_LABELS`` prefers another (the region
        writes "Кыргызстан" where CLDR's Russian says "Киргизия")."""
        language = language or current_language()
        override = country_label_overrides().get(language, {}).get(self.code)
        if override:
            return override
        return cldr_territory(language, self.code) or self.name

    def aliases(self) -> list[str]:
        """Other names editors may type: the ISO code and CLDR's own name in every site
        language (``Киргизия`` beside the preferred ``Кыргызстан``)."""
        names = [self.code]
        for language, _name in settings.LANGUAGES:
            try:
                names.append(BabelLocale.parse(language).territories.get(self.code) or "")
            except (ValueError, LookupError):
                continue
        return [name for name in names if name]

    def clean(self) -> None:
        self.slug = (self.slug or "").strip().lower()
        if not is_iso_country(self.slug):
            raise ValidationError(
                {
                    "slug": _("“%(code)s” is not an ISO 3166-1 alpha-2 country code.")
                    % {"code": self.slug}
                }
            )
        if not self.name:
            self.name = self.label(settings.LANGUAGE_CODE)

    def save(self, *args, **kwargs):
        # The slug is the ISO code, never derived from the (localised) name.
        self.slug = (self.slug or "").strip().lower()
        if not self.name and self.slug:
            self.name = self.label(settings.LANGUAGE_CODE)
        return super().save(*args, **kwargs)

    @classmethod
    def for_code(cls, code: str) -> CountryTag:
        """The tag of an ISO code, created (named from CLDR) on first use."""
        code = code.strip().lower()
        if not is_iso_country(code):
            raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
        tag = cls.objects.filter(slug=code).first()
        if tag is None:
            tag = cls(slug=code)
            tag.name = tag.label(settings.LANGUAGE_CODE)
            tag.save()
        return tag


class ThemeTag(TagBase, ClusterableModel):
    """A theme (``prevention``, ``treatment``...): stable slug, a label per locale.

    ``name`` is the label in the default language; ``labels`` hold the others and are
    edited by editors in the admin (Snippets > Themes), no code needed.
    """

    # A controlled vocabulary: an editor typing an English label into the tag widget must not
    # create a second "prevention"; new themes are added under Snippets > Themes.
    free_tagging = False

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["slug"]

    #: The theme's OECD DAC 5-digit purpose code: the sector of the IATI export
    #: (programme/iati). Chosen by editors, since themes and sectors do not map one to one.
    dac_sector = models.CharField(
        _("DAC sector code"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Five digits: an OECD DAC purpose code."))],
        help_text=_(
            "OECD DAC 5-digit purpose code for the IATI export, e.g. 16063 (narcotics "
            "control), 12220 (basic health care). Empty: the theme is no IATI sector."
        ),
    )

    panels = [
        FieldPanel("name", help_text=_("The label in the site's default language.")),
        FieldPanel("slug", help_text=_("Stable identifier shared by every language.")),
        FieldPanel("dac_sector"),
        InlinePanel("labels", label=_("Labels in other languages")),
    ]

    def label(self, language: str | None = None) -> str:
        language = language or current_language()
        if "labels" in getattr(self, "_prefetched_objects_cache", {}):
            labels = self.labels.all()
        else:
            # All labels of all themes, read once per request (a handful of rows): a page
            # with ten themes, or a facet list, costs one query instead of one per theme.
            table = theme_labels_by_theme()
            labels = table.get(self.pk, []) if table is not None else self.labels.all()
        for item in labels:
            if item.language == language:
                return item.label
        return self.name


def theme_labels_by_theme() -> dict[int, list[ThemeLabel]] | None:
    """{theme id: its labels} for the current request (None outside a request)."""

    def read() -> dict[int, list[ThemeLabel]]:
        table: dict[int, list[ThemeLabel]] = {}
        for item in ThemeLabel.objects.all():
            table.setdefault(item.theme_id, []).append(item)
        return table

    return table_memo("theme-labels", read)


class ThemeLabel(Orderable):
    theme = ParentalKey(ThemeTag, on_delete=models.CASCADE, related_name="labels")
    language = models.CharField(_("language"), max_length=10)
    label = models.CharField(_("label"), max_length=100)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)),
                FieldPanel("label"),
            ]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("theme label")
        verbose_name_plural = _("theme labels")
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "language"], name="unique_theme_label_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.theme.slug} [{self.language}] {self.label}"

    def clean(self) -> None:
        if self.language not in dict(settings.LANGUAGES):
            raise ValidationError({"language": _("Choose one of the site's languages.")})


def vocabulary_tags() -> tuple[list[CountryTag], list[ThemeTag]]:
    """Every country and every theme, in slug order, in ONE query (once per request)."""

    def read() -> tuple[list[CountryTag], list[ThemeTag]]:
        fields = ("pk", "slug", "name")
        rows = (
            CountryTag.objects.annotate(vocabulary=models.Value(0))
            .values_list("vocabulary", *fields)
            .order_by()
            .union(
                ThemeTag.objects.annotate(vocabulary=models.Value(1))
                .values_list("vocabulary", *fields)
                .order_by(),
                all=True,
            )
        )
        found: tuple[list, list] = ([], [])
        for vocabulary, pk, slug, name in rows:
            model = ThemeTag if vocabulary else CountryTag
            found[vocabulary].append(model(pk=pk, slug=slug, name=name))
        return sorted(found[0], key=lambda t: t.slug), sorted(found[1], key=lambda t: t.slug)

    return once_per_generation("vocabulary-tags", read)


def tag_ids(vocabulary: type[CountryTag | ThemeTag], slugs: Iterable[str]) -> list[int]:
    """The ids of the ``vocabulary``'s tags with these slugs (unknown slugs: none), from
    the vocabularies the request (or the content generation) has read: a filter on a tag
    relation then needs no join to the tag table, which also lets the database read the
    relation's (tag, page) index alone."""
    countries, themes = vocabulary_tags()
    wanted = set(slugs)
    return [
        tag.pk for tag in (countries if vocabulary is CountryTag else themes) if tag.slug in wanted
    ]


# --- What tagged pages share --------------------------------------------------------------


class VocabularyTaggableManager(ClusterTaggableManager):
    """modelcluster's tag manager whose admin form field resolves any label in any locale,
    the slug or the ISO code, and refuses what matches nothing (``programme.tagging``).

    Migrations see a plain ``ClusterTaggableManager``: only the form field differs."""

    def formfield(self, form_class=None, **kwargs):
        kwargs["form_class"] = VocabularyTagField
        kwargs["help_text"] = TAG_HELP_TEXT
        kwargs.setdefault("tag_model", self.related_model)
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "modelcluster.contrib.taggit.ClusterTaggableManager", args, kwargs


def tags_field(
    vocabulary: type[TagBase], through: str, related_name: str
) -> ClusterTaggableManager:
    """A page's tag field on ``vocabulary`` (editors type a label in any language, the slug
    or the ISO code), named after the vocabulary ("countries", "themes") so every tagged
    page type says it alike."""
    return VocabularyTaggableManager(
        through=through,
        blank=True,
        verbose_name=vocabulary._meta.verbose_name_plural,
        related_name=related_name,
    )


def tags_in_slug_order(page: models.Model, items: str) -> list[TagBase]:
    """The tags behind the through relation ``items`` (``country_items``, ``theme_items``).

    Listings may prefetch the items, ordered, into ``prefetched_<items>`` (``attach_tags``
    of ``programme.models.attached_tags``: anything with a ``tag``); otherwise the
    relation's ``.all()`` is read (and uses a plain ``prefetch_related`` cache when given).
    """
    prefetched = getattr(page, f"prefetched_{items}", None)
    if prefetched is None:
        relation = getattr(page, items).all()
        prefetched_cache = getattr(page, "_prefetched_objects_cache", {})
        if items not in prefetched_cache and hasattr(relation, "select_related"):
            relation = relation.select_related("tag")  # one query, not one per tag
        prefetched = sorted(relation, key=lambda item: item.tag.slug)
        # Remembered on the page: templates, sharing and JSON-LD ask several times.
        setattr(page, f"prefetched_{items}", prefetched)
    return [item.tag for item in prefetched]


class ThemeTagsMixin:
    """For page types with a ``theme_items`` through relation to ``ThemeTag``."""

    def theme_tags(self) -> list[ThemeTag]:
        return tags_in_slug_order(self, "theme_items")


class CountryTagsMixin:
    """For page types with a ``country_items`` through relation to ``CountryTag``."""

    def country_tags(self) -> list[CountryTag]:
        return tags_in_slug_order(self, "country_items")
