"""The admin's translation status report: which pages await translation where, how complete."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from portal.i18n.status import (
    AWAITING,
    DRAFT,
    IN_PROGRESS,
    PUBLISHED,
    published_share,
    translation_status,
)
from portal.i18n.workflow import machine_translate, start_translation
from tests.factories.newsroom import NewsPageFactory

pytestmark = pytest.mark.django_db


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


@pytest.fixture
def pages(homes, newsroom, django_capture_on_commit_callbacks):
    """Two news items: one published in en and half machine-translated for kk, one waiting."""
    done = NewsPageFactory(parent=newsroom["ru"], title="Первая новость", standfirst="Раз два.")
    done.save_revision().publish()
    waiting = NewsPageFactory(parent=newsroom["ru"], title="Вторая новость")
    waiting.save_revision().publish()
    en = start_translation(done, locale("en"))
    machine_translate(en)
    with django_capture_on_commit_callbacks(execute=True):
        en.save_target(publish=True)
    LocaleSynchronization.objects.create(locale=locale("kk"), sync_from=locale("ru"))
    kk = start_translation(done, locale("kk"))
    # The kk translator has done one string of several: title only.
    from wagtail_localize.models import StringSegment, StringTranslation

    title = StringSegment.objects.get(source=kk.source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=locale("kk"), context=title.context, data="Бірінші"
    )
    return {"done": done, "waiting": waiting, "kk": kk}


def row_for(rows, page):
    return next(row for row in rows if row.page.pk == page.pk)


def test_states_and_completeness(pages, homes):
    rows = translation_status(locale("ru"), [locale("en"), locale("kk"), locale("ky")])
    done, waiting = row_for(rows, pages["done"]), row_for(rows, pages["waiting"])

    assert done.cells["en"].state == PUBLISHED
    assert done.cells["en"].percent == 100
    total, translated = pages["kk"].get_progress()
    assert (total, translated) == (total, 1) and total > 1
    assert done.cells["kk"].state == IN_PROGRESS
    assert done.cells["kk"].percent == round(100 / total)
    assert done.cells["ky"].state == AWAITING and done.cells["ky"].percent is None
    assert waiting.cells["en"].state == AWAITING
    assert waiting.cells["kk"].state == AWAITING  # an alias in the kk tree is not a translation
    assert done.awaiting == ["kk", "ky"]
    assert published_share(rows) == {"en": (3, 4), "kk": (0, 4), "ky": (0, 4)}

    # Home: published in en (fixture), nothing in kk; a draft shows as such.
    home = row_for(rows, homes["ru"])
    assert home.cells["en"].state == PUBLISHED
    homes["en"].unpublish()
    rows = translation_status(locale("ru"), [locale("en")])
    assert row_for(rows, homes["ru"]).cells["en"].state == DRAFT


def test_report_page_in_the_admin(client, pages, admin_user):
    client.force_login(admin_user)
    url = reverse("portal_translation_status")
    html = client.get(url).content.decode()
    assert "Translation status" in html or "Состояние переводов" in html
    assert "Вторая новость" in html
    assert 'data-locale="kk" data-state="in_progress"' in html
    # Footer: of 4 source pages (home, newsroom, 2 items) en has all but the second item.
    assert '<td class="share">3 / 4</td>' in html
    only_kk = client.get(url, {"locale": "kk", "awaiting": "1"}).content.decode()
    assert 'data-locale="en"' not in only_kk
    assert "Первая новость" in only_kk  # still in progress in kk
    # The report is linked from the admin's Reports menu.
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()


def test_report_needs_admin_access(client, pages):
    response = client.get(reverse("portal_translation_status"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
