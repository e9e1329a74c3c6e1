"""The demo's images: news items, the programme and its phases get an illustration, marked
decorative (abstract shapes say nothing), credited in each page's language."""

from __future__ import annotations

import pytest

from newsroom.models import NewsPage
from programme.models import ProgrammePage, ProgrammePhasePage

pytestmark = pytest.mark.django_db

CREDITS = {
    "ru": "Иллюстрация: демо «Пресс-центр программы»",
    "en": "Illustration: Programme Newsroom demo",
    "kk": "Иллюстрация: «Бағдарлама баспасөз орталығы» демосы",
}


@pytest.mark.parametrize("model", [NewsPage, ProgrammePage, ProgrammePhasePage])
def test_demo_pages_have_a_decorative_illustration_credited_in_their_language(demo, model):
    pages = model.objects.filter(alias_of__isnull=True).select_related("locale", "hero_image")
    assert pages.filter(hero_image__isnull=True).count() == 0
    seen = set()
    for page in pages:
        language = page.locale.language_code
        assert page.hero_decorative and page.hero_alt_text == ""
        assert page.hero_image.description  # the image library still describes it
        if language in CREDITS:
            assert page.hero_credit == CREDITS[language], (language, page.title)
            seen.add(language)
    assert seen == set(CREDITS)


def test_programme_page_shows_its_banner_with_the_credit(demo, client):
    html = client.get("/kk/programme/").content.decode()
    figure = html[html.index('<figure class="hero hero-banner">') :]
    figure = figure[: figure.index("</figure>")]
    assert 'alt=""' in figure and 'type="image/webp"' in figure
    assert CREDITS["kk"] in figure
