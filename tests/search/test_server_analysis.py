"""The Elasticsearch/OpenSearch analysers of kk, ky, tg, tk and uz, tested without a server:
the index settings are run in Python (tests/search/server_analysis.py, the server's semantics
for each component) and must give the tokens of the database backends' analysis
(``search.analysis``), and the query -> expected table of tests/search/test_languages.py must
come out the same. The same table runs against a live server in
tests/search/test_languages_live.py when ELASTICSEARCH_URL or OPENSEARCH_URL is set."""

from __future__ import annotations

import json
import unicodedata

import pytest
from django.test import override_settings
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from newsroom.models import NewsPage
from search.analysis import truncated_stem, words
from search.backends.analysers import CHAR_FILTERS, MAX_GRAM, language_index_settings
from search.backends.elasticsearch import build_search_body
from tests.search.server_analysis import analyse
from tests.search.test_elasticsearch import es_backends
from tests.search.test_languages import CONTENT, FORMS, multilingual  # noqa: F401 (a layer)
from tests.search.test_opensearch import os_backends

FALLBACK = ("kk", "ky", "tg", "tk", "uz")
#: Texts beyond the table's: both Uzbek scripts, every apostrophe, capitals, decomposed letters.
EXTRA = {
    "kk": [
        "НАШАҚОРЛЫҚПЕН КҮРЕС",
        "Ёлка мен шырша",
        unicodedata.normalize("NFD", "Қазақстан ұйымы"),
    ],
    "ky": ["Баңгизаттарга каршы күрөш", "Ёлкалар"],
    "tg": ["Мактабҳоямон ва ӯ", unicodedata.normalize("NFD", "Тоҷикистони ӯ")],
    "tk": ["Ýaşlaryň mekdeplerinde", unicodedata.normalize("NFD", "Türkmenistanyň neşekeşligi")],
    "uz": [
        "Ўзбекистон O‘zbekiston Oʻzbekiston O'zbekiston O`zbekiston Oʼzbekiston",
        "ЕР ер Ер ёшлар Ёшлар съезд маъно ma'no ғалаба G‘alaba қишлоқ ҳаёт шаҳар чорва",
        "Гиёҳвандликка қарши кураш; Giyohvandlikning zarari, Yoshlar.",
        unicodedata.normalize("NFD", "Ўзбекистонда ёшлар"),
    ],
}


def analysis(language: str) -> dict:
    return language_index_settings(language)["settings"]["analysis"]


def texts(language: str) -> list[str]:
    found = [" ".join(item) for item in CONTENT[language]]
    found += [query for lang, query, _expected in FORMS if lang == language]
    return found + EXTRA[language]


@pytest.mark.parametrize("language", FALLBACK)
def test_documents_are_indexed_as_every_prefix_of_the_normalised_words(language):
    for text in texts(language):
        expected = {w[:n] for w in words(text, language) for n in range(1, MAX_GRAM + 1)}
        assert set(analyse(analysis(language), "default", text)) == expected, text


@pytest.mark.parametrize("language", FALLBACK)
def test_query_words_become_the_truncated_stem(language):
    for text in texts(language):
        expected = [truncated_stem(w, language)[:MAX_GRAM] for w in words(text, language)]
        assert analyse(analysis(language), "default_search", text) == expected, text


def test_uzbek_scripts_meet_in_the_server_analysis():
    uz = analysis("uz")
    assert analyse(uz, "uz_search", "Ўзбекистоннинг o`zbekistonda") == ["ŏzbekiston"] * 2
    assert analyse(uz, "uz_search", "ЕР ер съезд") == ["yer", "yer", "syezd"]
    assert "giyohvandli" in analyse(uz, "uz_text", "Гиёҳвандликка")


def test_yo_is_ye_in_russian_on_the_server_too():
    ru = analysis("ru")
    assert ru["analyzer"]["default"]["char_filter"] == ["nfc", "yo_as_ye"]
    assert ru["char_filter"]["yo_as_ye"] == CHAR_FILTERS["yo_as_ye"]
    assert "Ё => Е" in ru["char_filter"]["yo_as_ye"]["mappings"]
    assert "default_search" not in ru["analyzer"]  # the stemmer analyses queries too


def found(language: str, query: str) -> set[str]:
    """The titles a ``match`` with operator ``and`` on the analysed text would return."""
    conf = analysis(language)
    wanted = set(analyse(conf, "default_search", query))
    return {
        title
        for title, standfirst, paragraph in CONTENT[language]
        if wanted and wanted <= set(analyse(conf, "default", f"{title} {standfirst} {paragraph}"))
    }


@pytest.mark.parametrize(
    ("language", "query", "expected"), [row for row in FORMS if row[0] in FALLBACK]
)
def test_the_word_form_table_holds_on_the_server_analysis(language, query, expected):
    assert found(language, query) == expected


@pytest.mark.parametrize("language", FALLBACK)
def test_an_unrelated_word_finds_nothing_on_the_server_analysis(language):
    assert found(language, "zzxqy") == set()


@pytest.mark.parametrize(
    "backends", [es_backends("http://127.0.0.1:9"), os_backends("http://127.0.0.1:9")]
)
@pytest.mark.parametrize("language", FALLBACK)
def test_the_fallback_index_settings_reach_both_servers(backends, language):
    alias = next(a for a, c in backends.items() if c.get("LANGUAGE") == language)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = get_search_backend(alias)
    settings = backend.settings["settings"]
    assert settings["analysis"]["analyzer"]["default"] == analysis(language)["analyzer"]["default"]
    search = settings["analysis"]["analyzer"]["default_search"]
    assert search["filter"].count(f"{language}_endings") == 3
    for name in search["filter"] + settings["analysis"]["analyzer"]["default"]["filter"]:
        assert name == "lowercase" or name in settings["analysis"]["filter"], name
    # Wagtail's own analysers (autocomplete) survive the merge
    assert "edgengram_analyzer" in settings["analysis"]["analyzer"]
    assert settings["analysis"]["filter"]["edgengram"]["type"] == "edge_ngram"
    # text fields name no analyser: the index's default and default_search apply
    properties = backend.mapping_class(NewsPage).get_mapping()["properties"]
    text = {k: v for k, v in properties.items() if v.get("type") == "text"}
    plain = [v for k, v in text.items() if "edgengrams" not in k]
    assert plain and all("analyzer" not in v and "search_analyzer" not in v for v in plain)


@pytest.mark.django_db
@pytest.mark.usefixtures("multilingual")
def test_the_query_body_sends_the_words_as_typed_for_the_server_to_analyse():
    kk = Locale.objects.get(language_code="kk")
    with override_settings(WAGTAILSEARCH_BACKENDS=es_backends("http://127.0.0.1:9")):
        backend = get_search_backend("elasticsearch_kk")
        body = build_search_body(backend, terms=["нашақорлыққа"], locale=kk, filters={})
    sent = json.dumps(body["query"], ensure_ascii=False)
    assert '"query": "нашақорлыққа"' in sent and '"operator": "and"' in sent
    assert '"analyzer"' not in sent  # so the index's default_search analyser applies
    assert f'{{"term": {{"locale_id_filter": {kk.pk}}}}}' in sent
