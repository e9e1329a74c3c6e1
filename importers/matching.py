"""Match the parts of a parsed release to what the site already has: the same boilerplate
text, the same contact office, the countries and themes named in the text (in any locale's
label, in Russian in any case ending)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from django.conf import settings
from django.utils.html import strip_tags

from programme.models import Boilerplate, CountryTag, DonorContactPage, ThemeTag
from programme.models.vocabularies import country_label_overrides

#: Other names a country goes by in releases, besides CLDR's and PROGRAMME_COUNTRY_LABELS.
DEFAULT_COUNTRY_ALIASES = {
    "kz": ["Республика Казахстан", "Republic of Kazakhstan", "РК"],
    "kg": ["Кыргызская Республика", "Kyrgyz Republic", "Кыргызстан", "КР"],
    "tj": ["Республика Таджикистан", "Republic of Tajikistan"],
    "tm": ["Туркменистан", "Туркмения"],
    "uz": ["Республика Узбекистан", "Republic of Uzbekistan"],
}
#: Cities of a dateline that tell the country when the text does not name it.
DEFAULT_CITY_COUNTRIES = {
    "алматы": "kz",
    "almaty": "kz",
    "астана": "kz",
    "astana": "kz",
    "нур-султан": "kz",
    "nur-sultan": "kz",
    "бишкек": "kg",
    "bishkek": "kg",
    "ош": "kg",
    "osh": "kg",
    "душанбе": "tj",
    "dushanbe": "tj",
    "ашхабад": "tm",
    "ashgabat": "tm",
    "туркменабат": "tm",
    "turkmenabat": "tm",
    "ташкент": "uz",
    "tashkent": "uz",
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", strip_tags(text or "")).strip().lower()


def similar(a: str, b: str) -> float:
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def match_boilerplate(text: str, kind: str, locale=None, threshold: float = 0.9):
    """The boilerplate of ``kind`` with the same text (allowing typography and spacing
    differences), preferring the given locale; None when there is none."""
    if not normalise(text):
        return None
    candidates = Boilerplate.objects.filter(kind=kind)
    best, best_score = None, threshold
    for boilerplate in candidates:
        score = similar(text, boilerplate.text)
        if locale is not None and boilerplate.locale_id == locale.pk:
            score += 0.001
        if score >= best_score:
            best, best_score = boilerplate, score
    return best


def match_contact(emails: list[str], office: str = "", locale=None):
    """The contact page with one of these e-mails, else with this office name."""
    pages = DonorContactPage.objects.all()
    if locale is not None:
        pages = pages.filter(locale=locale)
    for email in emails:
        found = pages.filter(email__iexact=email).first()
        if found is not None:
            return found
    if office:
        return pages.filter(office_name__iexact=office.strip()).first()
    return None


def _stem(word: str) -> str:
    """A word's stem for Cyrillic case endings ("Казахстана", "профилактики"): long words
    lose their last letters; Latin words stay as written, plural aside."""
    if re.search(r"[а-яё]", word, re.I):
        if len(word) > 6:
            return word[:-2]
        return word[:-1] if len(word) > 4 else word
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def _phrase_pattern(label: str) -> re.Pattern | None:
    words = re.findall(r"\w[\w-]*", label)
    if not words:
        return None
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 3:  # "РК", "КР"
        return re.compile(rf"(?<!\w){re.escape(words[0])}(?!\w)")
    stems = [re.escape(_stem(word)) for word in words]
    return re.compile(r"(?<!\w)" + r"\w*\s+".join(stems) + r"\w*", re.I)


def _country_labels(tag: CountryTag) -> set[str]:
    labels = {tag.name}
    for language, _name in settings.LANGUAGES:
        labels.add(tag.label(language))
    for overrides in country_label_overrides().values():
        if tag.code in overrides:
            labels.add(overrides[tag.code])
    aliases = getattr(settings, "IMPORTERS_COUNTRY_ALIASES", DEFAULT_COUNTRY_ALIASES)
    labels.update(aliases.get(tag.slug, []))
    return {label for label in labels if label}


def find_countries(text: str, place: str = "") -> list[CountryTag]:
    found = []
    for tag in CountryTag.objects.all():
        patterns = [_phrase_pattern(label) for label in _country_labels(tag)]
        if any(p is not None and p.search(text) for p in patterns):
            found.append(tag)
    cities = getattr(settings, "IMPORTERS_CITY_COUNTRIES", DEFAULT_CITY_COUNTRIES)
    city = (place or "").split(",")[0].strip().lower()
    if cities.get(city) and all(tag.slug != cities[city] for tag in found):
        tag = CountryTag.objects.filter(slug=cities[city]).first()
        if tag is not None:
            found.append(tag)
    return sorted(found, key=lambda tag: tag.slug)


def find_themes(text: str) -> list[ThemeTag]:
    found = []
    for theme in ThemeTag.objects.prefetch_related("labels"):
        labels = {theme.name, *(item.label for item in theme.labels.all())}
        patterns = [_phrase_pattern(label) for label in labels if label]
        if any(p is not None and p.search(text) for p in patterns):
            found.append(theme)
    return sorted(found, key=lambda theme: theme.slug)
