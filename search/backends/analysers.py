"""The analysis settings of the per-locale Elasticsearch/OpenSearch indexes, generated from
the database backends' analysis (:mod:`search.analysis`, :mod:`search.suffixes`) so that both
find the same word forms.

- **ru, en**: the server's Snowball stemmers and stop words.
- **kk, ky, tg, tk, uz** (and any language without a stemmer): the database backends' fallback
  written as analysers. At index time every word is stored with all its prefixes
  (``edge_ngram``, the word itself kept); at query time (``default_search``) a word loses up
  to three inflectional endings of :data:`search.suffixes.SUFFIXES` (``pattern_replace``
  filters generated from the list: the longest ending that leaves at least
  :data:`~search.analysis.MIN_STEM` letters, as :func:`~search.analysis.truncated_stem`) and a
  mutable final consonant. The truncated stem then meets the same prefix of the page's word:
  ``нашақорлыққа`` → ``нашақорлы`` finds ``нашақорлықтың``.
- **Normalisation** as :func:`search.analysis.normalise`, with char filters only (no ICU
  plugin needed): decomposed letters composed (NFC for Latin and Cyrillic), ``ё`` → ``е``;
  for Uzbek the Cyrillic→Latin transliteration (``е`` as ``ye`` at a word's start and after a
  vowel), ``oʻ``/``gʻ`` in any apostrophe → ``ŏ``/``ğ``, the tutuq belgisi dropped.

Why analysers and not Python: documents and queries reach the server as text, and the
server's own analysis is what makes its relevance, highlighting and ``_analyze`` agree.
"""

from __future__ import annotations

import unicodedata
from copy import deepcopy

from search.analysis import (
    APOSTROPHES,
    MIN_STEM,
    MUTABLE_FINALS,
    UZ_CYRILLIC,
    UZ_VOWELS,
    base_language,
)
from search.suffixes import SUFFIXES

#: Longest prefix stored per word; a longer query stem is cut to it (the ``truncate`` filter),
#: so it still meets the word (only a little less precisely).
MAX_GRAM = 30
#: Endings stripped from a query word, one per pass, as ``truncated_stem``.
SUFFIX_PASSES = 3

#: Letters for "at a word's start" (Python's ``str.isalpha`` in ``search.analysis._uzbek``):
#: Latin, its extensions and modifier letters (``ʻ``), Cyrillic.
_LETTERS = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u02B0-\\u02FF\\u0400-\\u052F"

_STEMMED_ANALYZERS: dict[str, dict] = {
    "ru": {
        "type": "custom",
        "char_filter": ["nfc", "yo_as_ye"],
        "tokenizer": "standard",
        "filter": ["lowercase", "russian_stop", "russian_stemmer"],
    },
    "en": {
        "type": "custom",
        "char_filter": ["nfc", "yo_as_ye"],
        "tokenizer": "standard",
        "filter": ["english_possessive_stemmer", "lowercase", "english_stop", "english_stemmer"],
    },
}
_STEMMER_FILTERS = {
    "russian_stop": {"type": "stop", "stopwords": "_russian_"},
    "russian_stemmer": {"type": "stemmer", "language": "russian"},
    "english_stop": {"type": "stop", "stopwords": "_english_"},
    "english_stemmer": {"type": "stemmer", "language": "english"},
    "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
}


def _mapping(pairs: dict[str, str]) -> dict:
    return {"type": "mapping", "mappings": [f"{key} => {value}" for key, value in pairs.items()]}


def _replace(pattern: str, replacement: str = "") -> dict:
    return {"type": "pattern_replace", "pattern": pattern, "replacement": replacement}


def _nfc_pairs() -> dict[str, str]:
    """Decomposed Latin and Cyrillic letters -> their composed form (what NFC does to the
    letters of our languages: ``и`` + U+0306 -> ``й``, ``s`` + U+0327 -> ``ş``)."""
    pairs = {}
    for point in [*range(0xC0, 0x250), *range(0x400, 0x530)]:
        char = chr(point)
        decomposed = unicodedata.normalize("NFD", char)
        if decomposed != char and unicodedata.normalize("NFC", decomposed) == char:
            pairs[decomposed] = char
    return pairs


def _uzbek_pairs() -> dict[str, str]:
    """Uzbek Cyrillic letters (both cases) -> canonical Latin. ``е`` after the contextual
    ``ye`` filter is plain ``e``; the hard and soft signs are dropped by their own filter
    (a mapping rule cannot map to nothing on every server version)."""
    pairs = {}
    for cyrillic, latin in {**UZ_CYRILLIC, "е": "e"}.items():
        if latin:
            pairs[cyrillic] = latin
            pairs[cyrillic.upper()] = latin
    return pairs


def _vowel_class() -> str:
    return "".join(sorted(set(UZ_VOWELS + UZ_VOWELS.upper())))


CHAR_FILTERS: dict[str, dict] = {
    "nfc": _mapping(_nfc_pairs()),
    "yo_as_ye": _mapping({"ё": "е", "Ё": "Е"}),
    "uz_ye": _replace(f"(?<![{_LETTERS}])[еЕ]|(?<=[{_vowel_class()}])[еЕ]", "ye"),
    "uz_signs": _replace("[ъьЪЬ]"),
    "uz_cyrillic": _mapping(_uzbek_pairs()),
    "uz_o": _replace(f"[oO][{APOSTROPHES}]", "ŏ"),
    "uz_g": _replace(f"[gG][{APOSTROPHES}]", "ğ"),
    "uz_apostrophes": _replace(f"[{APOSTROPHES}]"),
}
#: Char filters in ``normalise()``'s order, per language (Uzbek: transliterate, then the
#: apostrophes of the Latin script).
NORMALISE = ["nfc", "yo_as_ye"]
NORMALISE_UZ = ["nfc", "uz_ye", "uz_signs", "uz_cyrillic", "uz_o", "uz_g", "uz_apostrophes"]


def suffix_pattern(suffixes: tuple[str, ...]) -> str:
    """A regex stripping the longest of ``suffixes`` that leaves at least MIN_STEM letters:
    the reluctant stem tries the shortest stem first, so the first ending that fits to the
    end of the word is the longest one."""
    alternatives = "|".join(sorted(suffixes, key=len, reverse=True))
    return f"^(.{{{MIN_STEM},}}?)(?:{alternatives})$"


def fallback_filters(language: str) -> dict[str, dict]:
    """The token filters of the truncated-stem fallback of ``language``."""
    suffixes = SUFFIXES.get(language) or SUFFIXES["*"]
    filters = {
        "prefixes": {
            "type": "edge_ngram",
            "min_gram": 1,
            "max_gram": MAX_GRAM,
            "preserve_original": True,
        },
        f"{language}_endings": _replace(suffix_pattern(suffixes), "$1"),
        "prefix_length": {"type": "truncate", "length": MAX_GRAM},
    }
    finals = MUTABLE_FINALS.get(language)
    if finals:
        filters[f"{language}_final"] = _replace(f"^(.{{{MIN_STEM + 1},}})[{finals}]$", "$1")
    return filters


def language_analysis(language: str) -> dict:
    """``settings.analysis`` of ``language``'s index: ``default`` analyses documents, and for
    the fallback languages ``default_search`` analyses queries (the mapping names no analyser,
    so both apply to every text field, Wagtail's ``_all_text`` included). ``<lang>_text`` and
    ``<lang>_search`` are the same analysers under names a caller can ask ``_analyze`` for."""
    language = base_language(language) or language
    char_filter = NORMALISE_UZ if language == "uz" else NORMALISE
    chars = {name: deepcopy(CHAR_FILTERS[name]) for name in char_filter}
    if language in _STEMMED_ANALYZERS:
        analyzer = deepcopy(_STEMMED_ANALYZERS[language])
        used = [n for n in analyzer["filter"] if n in _STEMMER_FILTERS]
        filters = {n: deepcopy(_STEMMER_FILTERS[n]) for n in used}
        analyzers = {"default": analyzer, f"{language}_text": deepcopy(analyzer)}
        return {"analyzer": analyzers, "filter": filters, "char_filter": chars}
    filters = fallback_filters(language)
    base = {"type": "custom", "char_filter": list(char_filter), "tokenizer": "standard"}
    index = {**base, "filter": ["lowercase", "prefixes"]}
    endings = [f"{language}_endings"] * SUFFIX_PASSES
    finals = [f"{language}_final"] if f"{language}_final" in filters else []
    search = {**base, "filter": ["lowercase", *endings, *finals, "prefix_length"]}
    analyzers = {
        "default": index,
        "default_search": search,
        f"{language}_text": deepcopy(index),
        f"{language}_search": deepcopy(search),
    }
    return {"analyzer": analyzers, "filter": filters, "char_filter": chars}


def language_index_settings(language: str) -> dict:
    """The index settings of ``language``'s locale index (merged into Wagtail's own)."""
    return {"settings": {"analysis": language_analysis(language)}}
