"""Word forms find each other in all seven locales, on whichever database runs the suite
(SQLite by default, PostgreSQL with DATABASE_URL): the tables below are what a reader types
and what they must find (docs/search.md, "Languages").

ru and en are stemmed (Snowball in Python on SQLite, PostgreSQL's configurations there);
kk, ky, tg, tk and uz match a truncated stem as a prefix. Uzbek is found in either script.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from newsroom.models import NewsPage
from search.services import autocomplete, run_search
from tests.factories.layers import layer
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import publish
from tests.factories.portal import build_site

pytestmark = pytest.mark.django_db

LANGUAGES = ("ru", "en", "kk", "ky", "tg", "tk", "uz")

# {language: [(title, standfirst, body paragraph)]}: a page about the word, and one that is not.
CONTENT = {
    "ru": [
        ("Неделя профилактики", "Волонтёры провели уроки в школах.", "Речь шла о профилактике."),
        ("Открыт центр лечения", "Центр принимает пациентов.", "Врачи работают каждый день."),
    ],
    "en": [
        ("Youth week", "Volunteers visited schools.", "The talks were about prevention."),
        ("Treatment centre opens", "The centre admits patients.", "Doctors work every day."),
    ],
    "kk": [
        ("Жастар апталығы", "Еріктілер мектептерге барды.", "Нашақорлықтың алдын алу туралы."),
        (
            "Жаңа емдеу орталығы",
            "Орталық науқастарды қабылдайды.",
            "Дәрігерлер күнде жұмыс істейді.",
        ),
    ],
    "ky": [
        ("Жаштар жумалыгы", "Ыктыярчылар мектептерге барышты.", "Баңгизаттардын зыяны тууралуу."),
        ("Жаңы дарылоо борбору", "Борбор бейтаптарды кабыл алат.", "Дарыгерлер күн сайын иштешет."),
    ],
    "tg": [
        ("Ҳафтаи ҷавонон", "Ихтиёриён ба мактабҳо рафтанд.", "Дар бораи зарари маводи мухаддир."),
        (
            "Маркази нави табобат",
            "Марказ беморонро қабул мекунад.",
            "Духтурон ҳар рӯз кор мекунанд.",
        ),
    ],
    "tk": [
        ("Ýaşlar hepdesi", "Meýletinçiler mekdeplere bardylar.", "Neşekeşligiň zyýany barada."),
        ("Täze bejeriş merkezi", "Merkez näsaglary kabul edýär.", "Lukmanlar her gün işleýär."),
    ],
    "uz": [
        (
            "Oʻzbekistonda yoshlar haftaligi",
            "Koʻngillilar maktablarga bordi.",
            "Giyohvandlikning zarari haqida.",
        ),
        (
            "Ўзбекистонда ёшлар форуми",
            "Мактабларда дарслар бўлди.",
            "Гиёҳвандликка қарши кураш ҳақида.",
        ),
        (
            "Yangi davolash markazi",
            "Markaz bemorlarni qabul qiladi.",
            "Shifokorlar har kuni ishlaydi.",
        ),
    ],
}

UZ_BOTH = {"Oʻzbekistonda yoshlar haftaligi", "Ўзбекистонда ёшлар форуми"}

# (language, what the reader types, the titles they must find): each query is another form
# of a word the page holds, never the form on the page.
FORMS = [
    ("ru", "профилактика", {"Неделя профилактики"}),
    ("ru", "профилактики", {"Неделя профилактики"}),
    ("ru", "профилактикой", {"Неделя профилактики"}),
    ("ru", "волонтеров", {"Неделя профилактики"}),  # ё on the page, е typed
    ("ru", "лечение", {"Открыт центр лечения"}),
    ("en", "prevent", {"Youth week"}),
    ("en", "prevention", {"Youth week"}),
    ("en", "prevented", {"Youth week"}),
    ("en", "volunteer", {"Youth week"}),
    ("kk", "нашақорлық", {"Жастар апталығы"}),
    ("kk", "нашақорлыққа", {"Жастар апталығы"}),
    ("kk", "нашақорлықпен", {"Жастар апталығы"}),
    ("kk", "мектеп", {"Жастар апталығы"}),
    ("kk", "орталықта", {"Жаңа емдеу орталығы"}),
    ("ky", "баңгизат", {"Жаштар жумалыгы"}),
    ("ky", "баңгизаттарга", {"Жаштар жумалыгы"}),
    ("ky", "мектепте", {"Жаштар жумалыгы"}),
    ("ky", "борбордо", {"Жаңы дарылоо борбору"}),
    ("tg", "мактаб", {"Ҳафтаи ҷавонон"}),
    ("tg", "мактабро", {"Ҳафтаи ҷавонон"}),
    ("tg", "зарарҳо", {"Ҳафтаи ҷавонон"}),
    ("tg", "марказҳо", {"Маркази нави табобат"}),
    ("tk", "mekdep", {"Ýaşlar hepdesi"}),
    ("tk", "mekdeplerden", {"Ýaşlar hepdesi"}),
    ("tk", "neşekeşlik", {"Ýaşlar hepdesi"}),
    ("tk", "merkezde", {"Täze bejeriş merkezi"}),
    ("uz", "giyohvandlik", UZ_BOTH),
    ("uz", "гиёҳвандликдан", UZ_BOTH),
    ("uz", "O'zbekiston", UZ_BOTH),
    ("uz", "o`zbekistonning", UZ_BOTH),
    ("uz", "Ўзбекистоннинг", UZ_BOTH),
    ("uz", "maktabda", UZ_BOTH),
    ("uz", "марказда", {"Yangi davolash markazi"}),
]


@layer
def multilingual(db):
    """A site in the seven locales, each with the news items of ``CONTENT``."""
    homes = build_site(LANGUAGES)
    pages = {}
    for language, items in CONTENT.items():
        index = publish(NewsIndexPageFactory(parent=homes[language], title="News", slug="news"))
        for n, (title, standfirst, paragraph) in enumerate(items):
            pages[title] = publish(
                NewsPageFactory(
                    parent=index,
                    title=title,
                    slug=f"item-{n}",
                    dateline_place="",
                    standfirst=standfirst,
                    body=[("paragraph", f"<p>{paragraph}</p>")],
                )
            )
    return pages


@pytest.fixture(autouse=True)
def _database_search():
    """The database backend answers, even when ELASTICSEARCH_URL adds the per-locale ones."""
    backends = {"default": settings.WAGTAILSEARCH_BACKENDS["default"]}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield


def titles(query: str, language: str) -> set[str]:
    results = run_search(query, language=language, log=False)
    assert results.backend == "database"
    return {hit.page.title for hit in results.results}


@pytest.mark.parametrize(("language", "query", "expected"), FORMS)
def test_a_form_of_the_word_finds_the_page(multilingual, language, query, expected):
    assert titles(query, language) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unrelated_word_finds_nothing(multilingual, language):
    assert titles("zzxqy", language) == set()


def test_every_language_is_tested_with_inflected_forms():
    for language in LANGUAGES:
        assert sum(1 for lang, _q, _e in FORMS if lang == language) >= 3, language


def test_the_matched_form_is_highlighted(multilingual):
    hit = run_search("профилактикой", language="ru", log=False).results[0]
    assert "<mark>профилактике</mark>" in hit.snippet
    assert "<mark>профилактики</mark>" in hit.title
    hit = run_search("нашақорлыққа", language="kk", log=False).results[0]
    assert "<mark>Нашақорлықтың</mark>" in hit.snippet
    cyrillic = run_search("Oʻzbekiston", language="uz", log=False)
    marked = {str(hit.title) for hit in cyrillic.results}
    assert "<mark>Ўзбекистонда</mark> ёшлар форуми" in marked


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("ru", "профилактика", "Неделя профилактики"),
        ("ru", "профилак", "Неделя профилактики"),
        ("en", "youth wee", "Youth week"),
        ("kk", "жастар апта", "Жастар апталығы"),
        ("uz", "ўзбекистон", "Oʻzbekistonda yoshlar haftaligi"),
        ("uz", "o'zbekis", "Ўзбекистонда ёшлар форуми"),
    ],
)
def test_autocomplete_knows_word_forms(multilingual, language, typed, expected):
    assert expected in {item["title"] for item in autocomplete(typed, language=language)}


def test_a_search_of_no_language_finds_every_language_s_forms(multilingual):
    """Wagtail's admin search and its stock pages API ask the backend without a language."""
    backend = get_search_backend()
    found = {page.title for page in backend.search("профилактикой", NewsPage.objects.all())}
    assert found == {"Неделя профилактики"}
    found = {page.title for page in backend.search("prevented", NewsPage.objects.all())}
    assert found == {"Youth week"}
    found = {page.title for page in backend.search("нашақорлыққа", NewsPage.objects.all())}
    assert found == {"Жастар апталығы"}


def test_punctuation_only_finds_nothing(multilingual):
    backend = get_search_backend()
    assert list(backend.search("'' ... !!", NewsPage.objects.all())) == []


def test_the_news_api_search_uses_the_language_of_the_locale(multilingual, client):
    response = client.get("/api/v3/news/", {"locale": "ru", "search": "профилактикой"})
    assert response.status_code == 200, response.content
    assert [item["title"] for item in response.json()["items"]] == ["Неделя профилактики"]
    response = client.get("/api/v3/news/", {"locale": "kk", "search": "нашақорлыққа"})
    assert [item["title"] for item in response.json()["items"]] == ["Жастар апталығы"]


def test_the_search_api_uses_the_language(multilingual, client):
    response = client.get("/api/v3/search/", {"locale": "uz", "q": "гиёҳвандликдан"})
    assert response.status_code == 200, response.content
    assert {item["title"] for item in response.json()["results"]} >= UZ_BOTH
