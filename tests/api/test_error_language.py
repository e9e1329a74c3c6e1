"""API errors speak the client's language: ``?locale=`` when it names one of the site's
languages, else ``Accept-Language``, else English. Only the human text (problem ``title``,
``detail``, each error's ``msg``) is translated; ``type``, ``status``, ``parameter`` and the
error types stay as machines read them."""

from __future__ import annotations

import json
import uuid

import pytest
from django.http import HttpResponse
from django.test import Client

from headless.errors import problem_from_response
from headless.messages import error_language

pytestmark = pytest.mark.django_db


def problem(response) -> dict:
    assert response["Content-Type"] == "application/problem+json", response.content[:200]
    body = json.loads(response.content)
    assert body["type"] == "about:blank" and body["status"] == response.status_code
    return body


def test_an_unknown_parameter_is_refused_in_russian_and_in_kazakh(client, homes):
    ru = client.get("/api/v3/news/", {"locale": "ru", "colour": "red"})
    assert ru.status_code == 400 and ru["Content-Language"] == "ru"
    body = problem(ru)
    assert body["title"] == "Некорректный запрос"
    assert body["detail"].startswith("Неизвестный параметр запроса 'colour'. Допустимые: ")
    assert body["parameter"] == "colour"
    kk = problem(client.get("/api/v3/news/", {"locale": "kk", "colour": "red"}))
    assert (kk["title"], kk["parameter"]) == ("Қате сұрау", "colour")
    assert kk["detail"].startswith("Белгісіз сұрау параметрі 'colour'. Рұқсат етілгендері: ")


def test_english_without_a_language_and_accept_language_without_locale(client, homes):
    english = problem(client.get("/api/v3/news/", {"colour": "red"}))
    assert english["title"] == "Bad Request"
    assert english["detail"].startswith("Unknown query parameter 'colour'. Allowed: ")
    asked = client.get("/api/v3/news/", {"colour": "red"}, HTTP_ACCEPT_LANGUAGE="kk-KZ,ru;q=0.8")
    assert problem(asked)["title"] == "Қате сұрау"
    assert "Accept-Language" in asked["Vary"]
    # ?locale= wins over the header; an unknown locale leaves the choice to the header
    chosen = client.get("/api/v3/news/", {"locale": "ru", "x": "1"}, HTTP_ACCEPT_LANGUAGE="kk")
    assert problem(chosen)["title"] == "Некорректный запрос"
    unknown = client.get("/api/v3/news/", {"locale": "zz"}, HTTP_ACCEPT_LANGUAGE="ru")
    body = problem(unknown)
    assert body["parameter"] == "locale"
    assert body["detail"].startswith("Неизвестная локаль 'zz'. Известные: ")


def test_validation_errors_are_translated_but_their_types_are_not(client, homes):
    body = problem(client.get("/api/v3/news/", {"locale": "ru", "limit": "0"}))
    assert body["parameter"] == "limit"
    assert body["detail"] == (
        "Недопустимое значение параметра запроса 'limit': Значение должно быть не меньше 1"
    )
    assert body["errors"] == [
        {
            "parameter": "limit",
            "msg": "Значение должно быть не меньше 1",
            "type": "greater_than_equal",
        }
    ]
    kk = problem(client.get("/api/v3/translations/abc/", HTTP_ACCEPT_LANGUAGE="kk"))
    assert kk["parameter"] == "page_id"
    assert kk["errors"][0]["msg"] == "Мән бүтін сан болуы керек"
    assert kk["errors"][0]["type"] == "int_parsing"


def test_not_found_in_the_client_s_language(client, homes):
    ru = client.get("/api/v3/news/999999/", HTTP_ACCEPT_LANGUAGE="ru")
    assert ru.status_code == 404
    body = problem(ru)
    assert body["title"] == "Не найдено"
    assert body["detail"] == "Опубликованная страница типа «новость» с id 999999 не найдена."
    kk = problem(client.get("/api/v3/news/999999/", HTTP_ACCEPT_LANGUAGE="kk"))
    assert (kk["title"], kk["detail"]) == (
        "Табылмады",
        "id 999999 бар жарияланған «жаңалық» табылмады.",
    )
    nowhere = client.get("/api/v3/no-such-endpoint/", HTTP_ACCEPT_LANGUAGE="kk")
    assert nowhere.status_code == 404
    assert problem(nowhere)["detail"] == "Бұл мекенжай бойынша ештеңе табылмады."
    english = problem(client.get("/api/v3/news/999999/"))
    assert english["detail"] == "No published news item with id 999999."


def test_the_search_api_and_the_input_guard_speak_it_too(client, homes):
    search = problem(client.get("/api/v3/search/", {"q": "x", "page": "zero", "locale": "kk"}))
    assert (search["parameter"], search["detail"]) == ("page", "page бүтін сан болуы керек.")
    broken = client.get("/api/v3/news/?locale=ru&x=%zz")
    assert broken.status_code == 400
    assert problem(broken)["detail"] == "Ошибка percent-кодирования в строке запроса."
    stock = problem(client.get("/api/v3/pages/", {"locale": "kk", "colour": "red"}))
    assert stock["detail"].startswith("Белгісіз сұрау параметрі 'colour'.")


def test_the_site_search_page_keeps_the_reader_s_language(client, homes):
    response = client.get("/kk/search/", {"q": "x", "page": "zero"})
    assert "page бүтін сан болуы керек." in response.content.decode()


def test_too_many_requests_in_russian_with_its_plural(homes, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"limits-{uuid.uuid4()}",
        }
    }
    settings.RATE_LIMITS = {"api": (1, 60)}
    reader = Client(REMOTE_ADDR="203.0.113.9", HTTP_ACCEPT_LANGUAGE="ru")
    assert reader.get("/api/v3/pages/").status_code == 200
    response = reader.get("/api/v3/pages/")
    assert response.status_code == 429
    body = problem(response)
    seconds = int(response["Retry-After"])
    assert body["title"] == "Слишком много запросов"
    word = "секунду" if seconds % 10 == 1 and seconds % 100 != 11 else "секунд"
    if seconds % 10 in (2, 3, 4) and seconds % 100 not in (12, 13, 14):
        word = "секунды"
    assert body["detail"] == (
        f"Слишком много запросов от этого клиента; повторите через {seconds} {word}."
    )


@pytest.mark.parametrize(
    ("query", "header", "expected"),
    [
        ("", "", "en"),
        ("locale=kk", "ru", "kk"),
        ("locale=zz", "uz-Latn-UZ,ru;q=0.5", "uz"),
        ("", "de-DE,ky;q=0.7,ru;q=0.3", "ky"),
        ("", "de, fr;q=0.8", "en"),
        ("", "*", "en"),
    ],
)
def test_which_language_an_error_speaks(rf, query, header, expected):
    request = rf.get(f"/api/v3/news/?{query}", HTTP_ACCEPT_LANGUAGE=header)
    assert error_language(request) == expected


def test_an_error_of_another_shape_gets_the_translated_sentence_of_its_status(rf):
    """Django's HTML error pages (and any body without text) on /api/ become problem JSON
    with the status's sentence in the client's language."""
    request = rf.get("/api/v2/pages/", {"type": "x"}, HTTP_ACCEPT_LANGUAGE="kk")
    answer = problem_from_response(request, HttpResponse("<h1>Bad Request</h1>", status=400))
    body = problem(answer)
    assert (body["title"], body["detail"]) == ("Қате сұрау", "Сұрау дұрыс емес.")
    assert body["parameter"] == "type"  # the request's only parameter
    wagtail = HttpResponse('{"message": "parent page doesn\'t exist"}', status=400)
    wagtail["Content-Type"] = "application/json"
    body = problem(problem_from_response(request, wagtail))
    assert body["detail"] == "parent page doesn't exist"  # Wagtail's own words, as they are


def test_the_site_s_refusals_speak_the_page_s_language(client, homes):
    """The input guard answers before the language middleware: a site page's 400 is in the
    language of its address, message included."""
    response = client.get("/kk/?x=%zz")
    assert response.status_code == 400 and response["Content-Language"] == "kk"
    assert "Сұрау жолындағы percent-кодтау бұзылған." in response.content.decode()
    assert "Ошибка percent-кодирования" in client.get("/ru/?x=%zz").content.decode()
