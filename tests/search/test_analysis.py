"""The text analysis behind every database search: normalising, stems, truncated stems."""

from __future__ import annotations

import pytest

from search.analysis import index_words, normalise, query_words, same_word, truncated_stem


@pytest.mark.parametrize(
    "spelling",
    ["Ўзбекистон", "O‘zbekiston", "Oʻzbekiston", "O'zbekiston", "O`zbekiston", "Oʼzbekiston"],
)
def test_uzbek_in_either_script_and_any_apostrophe_is_one_word(spelling):
    assert query_words(spelling, "uz") == ["ŏzbekiston"]


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("ғалаба", "g'alaba"),
        ("қишлоқ", "qishloq"),
        ("ҳаёт", "hayot"),
        ("шаҳар", "shahar"),
        ("чорва", "chorva"),
        ("ер", "yer"),
        ("маъно", "ma'no"),
    ],
)
def test_uzbek_cyrillic_letters_meet_their_latin_spelling(cyrillic, latin):
    assert normalise(cyrillic, "uz") == normalise(latin, "uz")


def test_yo_is_ye_in_russian_at_index_and_query_time():
    assert query_words("Ёлка", "ru") == ["елка"]
    assert index_words("волонтёры", "ru") == index_words("волонтеры", "ru")


def test_russian_and_english_are_stemmed_for_the_index():
    assert set(index_words("профилактика профилактики профилактикой", "ru")) == {"профилактик"}
    assert set(index_words("prevent prevention prevented", "en")) == {"prevent"}


@pytest.mark.parametrize(
    ("word", "language", "stem"),
    [
        ("нашақорлыққа", "kk", "нашақорлы"),  # -қа, then the mutable қ
        ("баңгизаттардын", "ky", "баңгизат"),  # -дын, -тар
        ("мактабҳо", "tg", "мактаб"),
        ("mekdeplerden", "tk", "mekde"),  # -den, -ler, then the mutable p (mekdebi)
        ("giyohvandlikning", "uz", "giyohvandli"),
        ("ёш", "kk", "ёш"),  # never below four letters
    ],
)
def test_truncated_stems(word, language, stem):
    assert truncated_stem(word, language) == stem


def test_highlighting_follows_the_search():
    assert same_word("профилактике", "профилактикой", "ru")
    assert same_word("Нашақорлықтың", "нашақорлыққа", "kk")
    assert same_word("Ўзбекистонда", "O'zbekiston", "uz")
    assert not same_word("профессор", "профилактика", "ru")
