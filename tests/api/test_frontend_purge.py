"""A CDN in front (FRONTEND_CACHE_URL): every change that moves the content clock purges
every URL that shows it, in every language, through Wagtail's HTTP purge backend, received
here by a real HTTP server standing for Varnish."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portal import frontend_purge
from programme.models import Boilerplate

pytestmark = pytest.mark.django_db


class PurgeReceiver(BaseHTTPRequestHandler):
    received: list[str] = []

    def do_PURGE(self) -> None:
        self.received.append(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def cdn(settings):
    PurgeReceiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield PurgeReceiver.received
    server.shutdown()
    server.server_close()


def paths(received: list[str]) -> set[str]:
    """The purged paths (each entry is the Host header and the path)."""
    return {"/" + entry.split("/", 1)[1] for entry in received}


def test_nothing_is_purged_without_a_cdn(site_content, django_capture_on_commit_callbacks):
    assert not frontend_purge.enabled()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        site_content.article.save_revision().publish()
    assert not [c for c in callbacks if hasattr(c, "purge_state")]


def test_a_publish_purges_every_page_that_shows_the_item(
    site_content, cdn, django_capture_on_commit_callbacks
):
    article = site_content.article
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    purged = paths(cdn)
    for expected in (
        article.url,  # the item
        article.get_parent().url,  # its listing
        "/ru/",  # the home page
        article.get_parent().url + "rss/",  # the listing's feeds
        article.get_parent().url + "country/kz/atom/",  # the feeds of its tags
        "/ru/countries/kz/",  # its country page
        "/ru/themes/prevention/",  # its theme page
        "/ru/countries/",
        "/sitemap.xml",
    ):
        assert expected in purged, (expected, sorted(purged))
    # Every language's URL (Wagtail rewrites the prefix), once per transaction.
    assert "/kk/countries/kz/" in purged and "/uz/" in purged
    assert len(cdn) == len(set(cdn))
    # Pages that do not show it are left in the CDN.
    assert site_content.partner.url not in purged


def test_a_boilerplate_change_purges_the_whole_site(
    site_content, cdn, django_capture_on_commit_callbacks
):
    about = Boilerplate.objects.filter(kind=Boilerplate.Kind.ABOUT_PROGRAMME).first()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        about.text = "<p>Новый текст о программе.</p>"
        about.save()
        about.save()  # two saves, one purge
    assert len([c for c in callbacks if hasattr(c, "purge_state")]) == 1
    purged = paths(cdn)
    for page in (site_content.partner, site_content.article, site_content.contact):
        assert page.url in purged, (page.url, sorted(purged))
    assert "/ru/themes/treatment/" in purged and "/en/countries/kg/" in purged


def test_a_deleted_item_purges_its_listing(site_content, cdn, django_capture_on_commit_callbacks):
    article = site_content.article
    listing = article.get_parent().url
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert listing in paths(cdn)
