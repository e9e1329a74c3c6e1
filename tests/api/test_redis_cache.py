"""The shared cache on a real Redis, through the backend settings configure for REDIS_URL:
what Wagtail and the search suggestions keep there must be seen by every process, so it is
tested against Redis, not local memory. (The API's Last-Modified is the database's content
clock, not a cache entry: tests/api/test_content_clock.py.)"""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.services import REDIS_TEST_URL, real_redis

pytestmark = pytest.mark.django_db

REDIS_CACHES = {
    "default": {
        "BACKEND": "portal.cache.ResilientRedisCache",
        "LOCATION": REDIS_TEST_URL,
        "KEY_PREFIX": "newsroom-test",
    }
}


@pytest.fixture
def redis_cache():
    client = real_redis()
    client.flushdb()
    # Django's test signals rebuild the cache handlers when CACHES is overridden.
    with override_settings(CACHES=REDIS_CACHES):
        assert type(caches["default"]).__name__ == "ResilientRedisCache"
        yield client
    client.flushdb()


def test_site_root_paths_are_cached_in_redis_and_publish_moves_last_modified(
    client, site_content, redis_cache
):
    first = client.get("/api/v3/news/", {"locale": "ru"})
    assert first.status_code == 200
    keys = [key.decode() for key in redis_cache.keys("*")]
    assert any(key.endswith("wagtail_site_root_paths") for key in keys), keys

    article = site_content.article
    article.title = "Заголовок после правки"
    article.save_revision().publish()
    second = client.get(
        "/api/v3/news/", {"locale": "ru"}, headers={"if-modified-since": first["Last-Modified"]}
    )
    assert second.status_code == 200
    assert "Заголовок после правки" in [item["title"] for item in second.json()["items"]]


def test_search_vocabulary_is_cached_in_redis(client, site_content, redis_cache):
    # a misspelling finds nothing, so the page builds its "did you mean" vocabulary
    response = client.get("/ru/search/", {"q": "прафилактика"})
    assert response.status_code == 200
    assert any(b"search:vocabulary:ru" in key for key in redis_cache.keys("*"))
