"""The site of a public read is found once per content generation
(``portal.routing.KnownSiteMiddleware``), and a saved site is seen on the next request."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def site_queries(client, url: str = "/ru/") -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum('FROM "wagtailcore_site"' in query["sql"] for query in queries.captured_queries)


def test_the_site_is_read_once_per_content_generation(client, homes):
    site_queries(client)  # the first read of a new database starts its content clock
    site_queries(client, "/en/")
    assert site_queries(client) == 0
    assert site_queries(client, "/en/") == 0


def test_a_saved_site_is_read_again_on_the_next_request(client, homes):
    site_queries(client), site_queries(client)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Программа"
    site.save()  # moves the content clock (and Wagtail forgets its site root paths)
    assert site_queries(client) >= 1
    assert site_queries(client) == 0


def test_an_editor_and_a_wildcard_host_read_the_site_each_time(client, homes, settings, admin_user):
    settings.ALLOWED_HOSTS = ["*"]
    site_queries(client)
    assert site_queries(client) == 1  # any Host header would otherwise add to the memory
    settings.ALLOWED_HOSTS = ["testserver"]
    client.force_login(admin_user)
    site_queries(client)
    assert site_queries(client) == 1  # no content generation for a logged-in request
