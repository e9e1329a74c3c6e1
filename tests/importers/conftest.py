"""Importer fixtures: a newsroom in ru and en, the vocabularies, a contact office and the
"about the programme" boilerplate of the reference release."""

from __future__ import annotations

from pathlib import Path

import pytest

from programme.demo import ensure_translation
from programme.models import Boilerplate
from tests.factories.layers import layer
from tests.factories.newsroom import NewsIndexPageFactory
from tests.factories.pages import publish
from tests.factories.programme import (
    BoilerplateFactory,
    ContactIndexPageFactory,
    DonorContactPageFactory,
    vocabulary,
)

# The programme's real press release (a copy of ../shared/reference/, kept with the tests so
# that a clone is complete).
REFERENCE = Path(__file__).resolve().parent / "reference"
REFERENCE_RELEASE = REFERENCE / "press-release-almaty-2022-ru.md"
ABOUT_RU = (
    "С момента своего начала в 2003, различные фазы программы CADAP были направлены на "
    "поддержку Правительств Казахстана"
)


@layer
def import_site(homes):
    countries, themes = vocabulary(
        ["kz", "kg", "tj", "tm", "uz"], ["prevention", "treatment", "policy"]
    )
    newsroom = publish(NewsIndexPageFactory(parent=homes["ru"], title="Новости", slug="news"))
    newsroom_en = ensure_translation(newsroom, "en", title="News")
    contacts = publish(ContactIndexPageFactory(parent=homes["ru"]))
    delegation = publish(
        DonorContactPageFactory(
            parent=contacts,
            title="Представительство ЕС в Кыргызской Республике",
            office_name="Представительство Европейского Союза в Кыргызской Республике",
            email="delegation-kyrgyzstan@eeas.europa.eu",
        )
    )
    text = REFERENCE_RELEASE.read_text(encoding="utf-8")
    about = text[
        text.index("*С момента") + 1 : text.index("прав человека.*") + len("прав человека.")
    ]
    about_boilerplate = BoilerplateFactory(
        kind=Boilerplate.Kind.ABOUT_PROGRAMME,
        title="О программе CADAP",
        text=f"<p>{about}</p>",
        locale=newsroom.locale,
    )
    return {
        "countries": countries,
        "themes": themes,
        "newsroom": newsroom,
        "newsroom_en": newsroom_en,
        "contacts": contacts,
        "delegation": delegation,
        "about": about_boilerplate,
    }


@pytest.fixture
def editor(client, django_user_model):
    """A client logged in as an editor of the newsroom (group "Editors" of Wagtail's
    default permissions: add and edit pages, not publish them)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("newsdesk", "n@example.org", "pw-123456")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client
