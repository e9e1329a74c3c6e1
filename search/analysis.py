"""Language analysis shared by every database search backend: normalising, stemming, and
the "truncated stem" fallback for languages no stemmer covers.

- **ru, en**: Snowball stemmers (``snowballstemmer``, the same algorithms as PostgreSQL's
  ``russian``/``english`` configurations). On SQLite the index holds the stems and the query
  is stemmed the same way; on PostgreSQL the configurations stem and Python only normalises.
- **kk, ky, tg, tk, uz**: no stemmer exists (not in Snowball, not in PostgreSQL). A query word
  loses its common inflectional endings (:mod:`search.suffixes`) and the rest is matched as a
  *prefix* of the indexed words, so ``нашақорлыққа`` finds ``нашақорлықпен``. A prefix only
  ever widens a match, so a too-eager ending list costs precision, never a lost result.
- **Normalisation** before all of it: lower case, NFC, ``ё`` → ``е``; Uzbek in both scripts
  becomes one canonical Latin form (``Ўзбекистон``, ``O‘zbekiston``, ``Oʻzbekiston`` and
  ``O'zbekiston`` all give ``ŏzbekiston``), so a reader may type either script.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

from search.suffixes import SUFFIXES

STEMMERS = {"ru": "russian", "en": "english"}
FALLBACK_LANGUAGES = ("kk", "ky", "tg", "tk", "uz")
MIN_STEM = 4  # a truncated stem shorter than this matches too much to be a prefix
# Turkic stems change their last consonant before a vowel (нашақорлық → нашақорлығы,
# neşekeşlik → neşekeşligi): the prefix stops before it.
MUTABLE_FINALS = {"kk": "кқп", "ky": "кп", "tk": "kp", "uz": "kq"}

APOSTROPHES = "ʻʼ'`‘’ʹ′"
WORD_RE = re.compile(rf"\w+(?:[{APOSTROPHES}]\w+)*", re.UNICODE)
TOKEN_RE = re.compile(r"\w+", re.UNICODE)

UZ_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "j", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts", "ч": "ch", "ш": "sh",
    "ъ": "", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ё": "yo", "ў": "ŏ", "қ": "q",
    "ғ": "ğ", "ҳ": "h",
}  # fmt: skip
UZ_VOWELS = "аеёиоуўэюяъь"  # after these (and at a word's start) е is "ye"
_UZ_LATIN_APOSTROPHE = re.compile(rf"([og])[{APOSTROPHES}]")
_APOSTROPHE_RE = re.compile(rf"[{APOSTROPHES}]")


def base_language(language: str | None) -> str | None:
    return language.split("-")[0].lower() if language else None


def _uzbek(text: str) -> str:
    """Uzbek in one canonical Latin form: Cyrillic transliterated, ``oʻ``/``gʻ`` in any
    apostrophe as ``ŏ``/``ğ`` (one letter: an apostrophe splits words in every tokenizer),
    the tutuq belgisi (``maʼno``, ``маъно``) dropped."""
    out: list[str] = []
    previous = ""
    for char in text:
        if char == "е":
            out.append("ye" if not previous.isalpha() or previous in UZ_VOWELS else "e")
        else:
            out.append(UZ_CYRILLIC.get(char, char))
        previous = char
    latin = _UZ_LATIN_APOSTROPHE.sub(lambda m: "ŏ" if m.group(1) == "o" else "ğ", "".join(out))
    return _APOSTROPHE_RE.sub("", latin)


def normalise(text: str, language: str | None) -> str:
    """Lower-cased, NFC, ``ё`` as ``е``; Uzbek in its canonical Latin form."""
    text = unicodedata.normalize("NFC", text.lower())
    if base_language(language) == "uz":
        return _uzbek(text)
    return text.replace("ё", "е")


def words(text: str, language: str | None) -> list[str]:
    """The normalised words of ``text`` (apostrophes split words, except in Uzbek)."""
    return [w.strip("_") for w in TOKEN_RE.findall(normalise(text, language)) if w.strip("_")]


@lru_cache(maxsize=8)
def _stemmer(algorithm: str):
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=50_000)
def stem(word: str, language: str | None) -> str:
    """The Snowball stem of a normalised word in ``language`` (the word itself when the
    language has no stemmer)."""
    algorithm = STEMMERS.get(base_language(language) or "")
    return _stemmer(algorithm).stemWord(word) if algorithm else word


@lru_cache(maxsize=50_000)
def truncated_stem(word: str, language: str | None) -> str:
    """``word`` without up to three inflectional endings of ``language`` (longest first),
    never shorter than :data:`MIN_STEM`, and without a final consonant that inflection
    mutates: the prefix other forms of the word start with."""
    suffixes = SUFFIXES.get(base_language(language) or "") or SUFFIXES["*"]
    for _ in range(3):
        for suffix in suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[: -len(suffix)]
                break
        else:
            break
    finals = MUTABLE_FINALS.get(base_language(language) or "", "")
    if word[-1:] and word[-1] in finals and len(word) > MIN_STEM + 1:
        word = word[:-1]
    return word


def has_stemmer(language: str | None) -> bool:
    return base_language(language) in STEMMERS


def index_words(text: str, language: str | None) -> list[str]:
    """What the SQLite index stores for a page's text: stems where the language has a
    stemmer, the normalised words otherwise (the query then matches them by prefix)."""
    tokens = words(text, language)
    if has_stemmer(language):
        return [stem(token, language) for token in tokens]
    return tokens


def query_words(query: str, language: str | None) -> list[str]:
    """The normalised words of a query, in order, without repeats."""
    seen: list[str] = []
    for word in words(query, language):
        if word not in seen:
            seen.append(word)
    return seen


def same_word(word: str, term: str, language: str | None) -> bool:
    """Whether ``word`` (from a page) is a form of the query word ``term``, as the search
    decided: same stem, or starting with the term's truncated stem. For highlighting."""
    word, term = normalise(word, language), normalise(term, language)
    if word == term:
        return True
    if has_stemmer(language):
        return stem(word, language) == stem(term, language)
    prefix = truncated_stem(term, language)
    return len(prefix) >= MIN_STEM and word.startswith(prefix)


class Alternative(NamedTuple):
    """One way a query word may match."""

    word: str  # the normalised word, or its truncated stem
    language: str | None  # the stemmer to apply (ru, en), or None for the word as it is
    prefix: bool  # match the start of indexed words


def alternatives(word: str, language: str | None, autocomplete: bool = False) -> list[Alternative]:
    """The ways the normalised query word ``word`` of a ``language`` reader matches (OR).

    Search: the stem (ru, en), or the truncated stem as a prefix (the rest). A reader of no
    known language (Wagtail's admin, the stock pages API) gets every way at once. The
    autocomplete index holds plain normalised words, so there every way is a prefix.
    """
    language = base_language(language)
    found: list[Alternative] = []
    if language is None:
        found = [Alternative(word, "ru", False), Alternative(word, "en", False)]
        found.append(Alternative(truncated_stem(word, None), None, True))
    elif has_stemmer(language):
        found = [Alternative(word, language, autocomplete)]
    else:
        found = [Alternative(truncated_stem(word, language), None, True)]
    if autocomplete:
        found.append(Alternative(word, None, True))
    return list(dict.fromkeys(found))
