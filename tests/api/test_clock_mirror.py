"""The content clock's mirror in a shared cache (portal.content_clock): with Redis, a page
served from the cache touches no database, and the mirror never lets a change go unseen."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.utils import timezone

from portal.content_clock import MIRROR_KEY, ContentClock, current_reading, mirror_enabled
from tests.services import REDIS_TEST_URL, real_redis

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_cache(settings):
    """Redis as the default cache under a prefix of this test's own (other test files share
    the database number, so nothing is flushed)."""
    client = real_redis()
    prefix = f"mirror-{uuid.uuid4()}"
    settings.PAGE_CACHE_SECONDS = 300
    caches_setting = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=caches_setting):
        assert mirror_enabled()
        yield caches["default"]
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_no_mirror_in_a_cache_of_one_process(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert not mirror_enabled()


def test_a_cached_page_is_served_without_the_database(
    client, site_content, shared_cache, django_assert_num_queries
):
    url = site_content.article.url
    assert client.get(url).status_code == 200  # the first view may stamp renditions
    client.get(url)
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200 and response["X-Cache"] == "hit"
    assert client.get("/api/v3/news/", {"locale": "ru"}).status_code == 200
    with django_assert_num_queries(0):
        api = client.get("/api/v3/news/", {"locale": "ru"})
    assert api.status_code == 200 and api["X-Cache"] == "hit" and api["ETag"]


def test_a_publish_is_seen_on_the_next_request(client, site_content, shared_cache):
    url = site_content.article.url
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"
    article = site_content.article
    article.title = "Заголовок после правки"
    article.save_revision().publish()
    after = client.get(url)
    assert after["X-Cache"] == "miss"
    assert "Заголовок после правки" in after.content.decode()


def test_the_mirror_is_written_after_the_commit(
    site_content, shared_cache, django_capture_on_commit_callbacks
):
    article = site_content.article
    article.title = "Снова правка"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
        # Inside the transaction the mirror is gone: readers go to the row.
        assert shared_cache.get(MIRROR_KEY) is None
    changed_at, _ = shared_cache.get(MIRROR_KEY)
    assert changed_at == ContentClock.objects.get().changed_at


def test_a_passed_scheduled_moment_sends_readers_to_the_row(site_content, shared_cache):
    past = timezone.now() - datetime.timedelta(seconds=30)
    shared_cache.set(MIRROR_KEY, (past - datetime.timedelta(days=1), past), 60)
    reading = current_reading()
    assert reading.changed_at == ContentClock.objects.get().changed_at


def test_a_foreign_value_under_the_key_is_ignored(site_content, shared_cache):
    shared_cache.set(MIRROR_KEY, "not a clock", 60)
    assert current_reading().changed_at == ContentClock.objects.get().changed_at
