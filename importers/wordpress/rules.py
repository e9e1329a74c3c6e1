"""How WordPress categories and tags become the kind, countries and themes of a news item.

Rules map a term's slug (or name) to a kind, a country code or a theme slug:
``{"kinds": {"press-releases": "press_release"}, "countries": {"kazakhstan": "kz"},
"themes": {"drug-prevention": "prevention"}}``, from ``settings.IMPORTERS_WORDPRESS_RULES``
or a JSON file given to the command. A term no rule names is still matched against the
vocabularies' labels in every language ("Казахстан", "Prevention")."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from importers import matching
from importers.wordpress.wxr import Item
from programme.models import CountryTag, ThemeTag

DEFAULT_RULES = {
    "kinds": {
        "press-release": "press_release",
        "press-releases": "press_release",
        "press": "press_release",
        "statement": "statement",
        "statements": "statement",
        "event": "event_report",
        "events": "event_report",
        "event-reports": "event_report",
        "news": "news",
    },
    "countries": {},
    "themes": {},
}
KINDS = {"news", "press_release", "event_report", "statement"}


@dataclass
class Rules:
    kinds: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | None = None) -> Rules:
        data = {key: dict(value) for key, value in DEFAULT_RULES.items()}
        configured = getattr(settings, "IMPORTERS_WORDPRESS_RULES", None) or {}
        extra = json.loads(Path(path).read_text(encoding="utf-8")) if path else {}
        for source in (configured, extra):
            unknown = set(source) - set(data)
            if unknown:
                raise ValueError(f"unknown rule groups {sorted(unknown)}; use {sorted(data)}")
            for key, mapping in source.items():
                data[key].update({str(k).lower(): v for k, v in mapping.items()})
        bad = {v for v in data["kinds"].values() if v not in KINDS}
        if bad:
            raise ValueError(f"unknown kinds {sorted(bad)}; use {sorted(KINDS)}")
        return cls(**data)

    def _terms(self, item: Item):
        return item.terms_of("category") + item.terms_of("post_tag")

    def kind_of(self, item: Item) -> str:
        for term in self._terms(item):
            for key in (term.slug.lower(), term.name.lower()):
                if key in self.kinds:
                    return self.kinds[key]
        return "news"

    def countries_of(self, item: Item) -> list[CountryTag]:
        found: dict[str, CountryTag] = {}
        for term in self._terms(item):
            code = self.countries.get(term.slug.lower()) or self.countries.get(term.name.lower())
            if code:
                found[code] = CountryTag.for_code(code)
            else:
                for tag in matching.find_countries(term.name):
                    found[tag.slug] = tag
        return [found[code] for code in sorted(found)]

    def themes_of(self, item: Item) -> list[ThemeTag]:
        found: dict[str, ThemeTag] = {}
        for term in self._terms(item):
            slug = self.themes.get(term.slug.lower()) or self.themes.get(term.name.lower())
            if slug:
                theme = ThemeTag.objects.filter(slug=slug).first()
                if theme is None:
                    raise ValueError(f"rule names theme {slug!r}, which does not exist")
                found[slug] = theme
            else:
                for theme in matching.find_themes(term.name):
                    found[theme.slug] = theme
        return [found[slug] for slug in sorted(found)]
