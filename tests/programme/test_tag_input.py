"""Country and theme fields take what an editor types: a label in any locale, the slug or the
ISO code, any case; the rest is refused with a message, never dropped, never a new tag."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from newsroom.models import NewsPage
from programme.models import CountryTag, PartnerOrganisationPage, ProgrammePhasePage, ThemeTag
from programme.tagging import VocabularyTagField, resolve
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import publish
from tests.factories.programme import vocabulary

pytestmark = pytest.mark.django_db


@pytest.fixture
def tags():
    countries, themes = vocabulary(["kz", "kg", "uz"], ["prevention", "treatment"])
    return countries, themes


def field(model=NewsPage, name="countries"):
    return model._meta.get_field(name).formfield()


@pytest.mark.parametrize(
    "typed",
    ["kz", "KZ", "казахстан", "Казахстан", "Kazakhstan", "KAZAKHSTAN", "Қазақстан", '"kz"'],
)
def test_any_label_slug_or_code_names_the_country(tags, typed):
    assert field().clean(typed) == [tags[0]["kz"]]


@pytest.mark.parametrize("typed", ["prevention", "Prevention", "профилактика", "ПРОФИЛАКТИКА"])
def test_any_label_or_slug_names_the_theme(tags, typed):
    assert field(name="themes").clean(typed) == [tags[1]["prevention"]]


def test_kyrgyzstan_by_the_region_s_name_and_cldr_s(tags):
    kg = tags[0]["kg"]
    assert field().clean("Кыргызстан") == [kg]  # PROGRAMME_COUNTRY_LABELS
    assert field().clean("Киргизия") == [kg]  # CLDR's Russian name
    assert field().clean("Kyrgyzstan, kg") == [kg]  # one tag, however often it is named


def test_several_values_in_any_mix(tags):
    countries, _ = tags
    assert set(field().clean("kz, Uzbekistan, Кыргызстан")) == {
        countries["kz"],
        countries["uz"],
        countries["kg"],
    }


def test_an_unknown_value_is_refused_with_its_name_and_no_tag_is_created(tags):
    before = CountryTag.objects.count()
    with pytest.raises(ValidationError) as error:
        field().clean("kz, Atlantis")
    assert "Atlantis" in error.value.messages[0]
    assert error.value.code == "unknown_tag"
    with pytest.raises(ValidationError):
        field(name="themes").clean("Harm reduction")
    assert CountryTag.objects.count() == before
    assert ThemeTag.objects.count() == 2


def test_a_country_not_in_the_vocabulary_is_refused(tags):
    with pytest.raises(ValidationError):
        field().clean("Germany")  # a real country, but no tag: editors do not add vocabulary


def test_every_tagged_page_type_uses_the_field():
    for model, name in [
        (NewsPage, "countries"),
        (NewsPage, "themes"),
        (ProgrammePhasePage, "countries"),
        (ProgrammePhasePage, "themes"),
        (PartnerOrganisationPage, "themes"),
    ]:
        assert isinstance(field(model, name), VocabularyTagField), (model, name)


def test_saving_the_cleaned_value_tags_the_page(tags, homes):
    countries, _ = tags
    index = publish(NewsIndexPageFactory(parent=homes["ru"]))
    page = NewsPageFactory(parent=index)
    model_field = NewsPage._meta.get_field("countries")
    model_field.save_form_data(page, field().clean("Kazakhstan, kz, kg"))
    page.save()
    page.refresh_from_db()
    assert set(page.countries.all()) == {countries["kz"], countries["kg"]}


def test_the_widget_shows_tags_in_the_editor_s_language(tags):
    countries, themes = tags
    widget = field().widget
    with translation.override("ru"):
        assert widget.format_value([countries["kz"]]) == "Казахстан"
    with translation.override("en"):
        assert widget.format_value([countries["kz"]]) == "Kazakhstan"
        assert field(name="themes").widget.format_value([themes["prevention"]]) == "Prevention"


def test_a_change_is_a_change_of_tags_not_of_text(tags):
    countries, _ = tags
    assert not field().has_changed([countries["kz"]], "Kazakhstan")
    assert not field().has_changed([countries["kz"]], "казахстан, kz")
    assert field().has_changed([countries["kz"]], "kz, kg")
    assert field().has_changed([], "Atlantis")
    assert not field().has_changed([], "")


def test_resolve_needs_a_name(tags):
    assert resolve(CountryTag, "  ") is None
    assert resolve(CountryTag, "k") is None


def test_autocomplete_in_the_editor_s_language(tags, admin_client):
    url = "/admin/programme/vocabulary-autocomplete/programme/countrytag/"
    assert admin_client.get(url, {"term": "kz"}).json() == ["Казахстан"]
    assert admin_client.get(url, {"term": "Kazak"}).json() == ["Казахстан"]
    assert admin_client.get(url, {"term": "кыр"}).json() == ["Кыргызстан"]
    assert admin_client.get(url, {"term": ""}).json() == []
    themes = "/admin/programme/vocabulary-autocomplete/programme/themetag/"
    assert admin_client.get(themes, {"term": "prev"}).json() == ["Профилактика"]


def test_autocomplete_is_for_editors_and_vocabularies_only(tags, client, admin_client):
    base = "/admin/programme/vocabulary-autocomplete"
    assert client.get(f"{base}/programme/countrytag/", {"term": "kz"}).status_code == 302
    for other in ("auth/user", "nope/nothing"):
        response = admin_client.get(f"{base}/{other}/", {"term": "a"}, follow=True)
        assert response.status_code == 404
