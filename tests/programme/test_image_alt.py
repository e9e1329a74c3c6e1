"""Images need a text alternative unless decorative (programme.images): the admin refuses a
hero image, a body image or the funder logo with none, and the pages render the alt text
given, the image's description, or ``alt=""`` for a decorative image. The programme and its
phases show their hero image like news items (responsive, AVIF/WebP)."""

from __future__ import annotations

import re
from html import unescape

import pytest
import wagtail_factories
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from portal.models import SiteSettings
from programme.images import MISSING_ALT, MISSING_DESCRIPTION
from programme.models import ProgrammePage, ProgrammePhasePage
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("alt-editor", "alt@example.org", "pw")
    client.force_login(user)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # stable messages
    profile.save()
    return client


@pytest.fixture
def photo():
    """An image with no description in the image library (its title is a file name)."""
    return wagtail_factories.ImageFactory(title="IMG_0042.jpg", description="")


def programme_form(programme: ProgrammePage, **changes) -> dict:
    data = {
        "title": programme.title,
        "slug": programme.slug,
        "acronym": programme.acronym,
        "start_year": programme.start_year or "",
        "summary": programme.summary,
        "hero_image": "",
        "hero_alt": "",
        "hero_caption": "",
        "hero_credit": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(changes)
    return nested_form_data(data)


def phase_form(phase: ProgrammePhasePage, **changes) -> dict:
    data = {
        "title": phase.title,
        "slug": phase.slug,
        "number": phase.number,
        "start_date": phase.start_date.isoformat(),
        "end_date": phase.end_date.isoformat() if phase.end_date else "",
        "budget_amount": str(phase.budget_amount or ""),
        "budget_currency": phase.budget_currency,
        "status_override": "",
        "summary": "",
        "hero_image": "",
        "hero_alt": "",
        "hero_caption": "",
        "hero_credit": "",
        "objectives": streamfield([]),
        "results": streamfield([]),
        "countries": "",
        "themes": "",
        "phase_partners": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(changes)
    return nested_form_data(data)


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def english(message) -> str:
    """A message as the editor (admin language: English) reads it."""
    with translation.override("en"):
        return str(message)


def hero_img(html: str) -> str:
    """The <img> of the page's hero figure."""
    figure = html[html.index('<figure class="hero') :]
    return re.search(r"<img [^>]+>", figure).group(0)


def edit_and_publish(client, page, form) -> object:
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, {**form, "action-publish": "action-publish"})
    assert response.status_code == 302, text_of(response.content.decode())[:500]
    page.refresh_from_db()
    return page


def test_hero_image_without_alt_text_is_refused_beside_the_chooser(editor, tree, photo):
    programme = tree["programme"]
    url = reverse("wagtailadmin_pages:edit", args=[programme.pk])
    response = editor.post(url, programme_form(programme, hero_image=photo.pk))
    assert response.status_code == 200  # the form again, with the message
    html = response.content.decode()
    assert english(MISSING_ALT) in text_of(html)
    # On the alt text field, which sits in the hero image panel next to the chooser.
    assert list(response.context["form"].errors) == ["hero_alt"]
    programme.refresh_from_db()
    assert programme.hero_image is None and programme.latest_revision is None


def test_alt_text_given_beside_the_chooser_is_the_alt_attribute(editor, client, tree, photo):
    programme = edit_and_publish(
        editor,
        tree["programme"],
        programme_form(tree["programme"], hero_image=photo.pk, hero_alt="Участники семинара"),
    )
    assert programme.hero_image == photo
    img = hero_img(client.get(programme.url).content.decode())
    assert 'alt="Участники семинара"' in img
    assert 'width="' in img and 'height="' in img


def test_decorative_image_gets_an_empty_alt(editor, client, tree, photo):
    programme = edit_and_publish(
        editor,
        tree["programme"],
        programme_form(tree["programme"], hero_image=photo.pk, hero_decorative="on"),
    )
    assert programme.hero_decorative
    assert 'alt=""' in hero_img(client.get(programme.url).content.decode())


def test_image_description_is_the_alt_when_the_field_is_empty(editor, client, tree):
    described = wagtail_factories.ImageFactory(title="x.jpg", description="Карта региона")
    phase = tree["phase7"]
    phase = edit_and_publish(editor, phase, phase_form(phase, hero_image=described.pk))
    html = client.get(phase.url).content.decode()
    img = hero_img(html)
    assert 'alt="Карта региона"' in img
    # Responsive, as news heroes: AVIF and WebP sources with widths, a JPEG fallback.
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert re.search(r'<source sizes="[^"]+" srcset="[^"]+ \d+w[^"]*" type="image/webp"', html)


def test_body_image_without_alt_is_refused(editor, tree, photo):
    phase = tree["phase7"]
    url = reverse("wagtailadmin_pages:edit", args=[phase.pk])
    image_block = {"image": photo.pk, "alt": "", "caption": "", "credit": ""}
    response = editor.post(url, phase_form(phase, objectives=streamfield([("image", image_block)])))
    assert response.status_code == 200
    # The admin shows a block's errors on its field, from the form's error data.
    stream_error = response.context["form"].errors["objectives"].as_data()[0]
    with translation.override("en"):
        alt_errors = stream_error.block_errors[0].block_errors["alt"].messages
    assert english(MISSING_ALT) in alt_errors

    image_block["decorative"] = "on"
    edit_and_publish(
        editor, phase, phase_form(phase, objectives=streamfield([("image", image_block)]))
    )
    image_block.pop("decorative")
    image_block["alt"] = "Схема работы"
    phase = edit_and_publish(
        editor, phase, phase_form(phase, objectives=streamfield([("image", image_block)]))
    )
    html = phase.objectives.render_as_block()
    assert 'alt="Схема работы"' in html and "image/webp" in html


def test_funder_logo_needs_a_description(editor, homes, photo):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["portal", "sitesettings", site.pk])
    form = editor.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list | dict)
    }
    data.update(funder_emblem="image", funder_logo=photo.pk)
    response = editor.post(url, data)
    assert response.status_code == 200, response.get("Location")
    errors = response.context["form"].errors
    assert list(errors) == ["funder_logo"], errors
    assert english(MISSING_DESCRIPTION) in text_of(response.content.decode())
    assert SiteSettings.for_site(site).funder_logo is None

    photo.description = "Эмблема донора"
    photo.save()
    response = editor.post(url, data)
    assert response.status_code == 302
    assert SiteSettings.for_site(site).funder_logo == photo


def test_programme_page_with_a_hero_image_stays_within_the_query_budget(
    client, tree, django_assert_max_num_queries
):
    programme = tree["programme"]
    programme.hero_image = wagtail_factories.ImageFactory(description="Семинар")
    publish(programme)
    client.get(programme.url)  # renditions are made on the first view
    with django_assert_max_num_queries(15):
        response = client.get(programme.url)
    assert 'alt="Семинар"' in hero_img(response.content.decode())


def test_api_gives_the_pages_alt_text_of_a_hero_image(client, homes):
    newsroom = NewsIndexPageFactory(parent=homes["ru"])
    image = wagtail_factories.ImageFactory(description="Описание в медиатеке")
    item = publish(NewsPageFactory(parent=newsroom, hero_image=image, hero_alt="Зал заседаний"))
    assert client.get(f"/api/v3/news/{item.pk}/").json()["hero_image"]["alt"] == "Зал заседаний"
    item.hero_alt, item.hero_decorative = "", True
    publish(item)
    assert client.get(f"/api/v3/news/{item.pk}/").json()["hero_image"]["alt"] == ""
