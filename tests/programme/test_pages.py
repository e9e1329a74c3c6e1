"""Every programme page type renders, lists with bounded queries, filters and downloads."""

from __future__ import annotations

import pytest
from django.utils import translation

from programme.models import PartnerOrganisationPage, PhasePartner
from tests.factories.programme import (
    ContactIndexPageFactory,
    ContactPhoneFactory,
    ContactSocialLinkFactory,
    DonorContactPageFactory,
    PartnerOrganisationPageFactory,
    PhasePartnerFactory,
    ProgrammePhasePageFactory,
)

pytestmark = pytest.mark.django_db


def test_programme_page_shows_timeline_and_totals(client, tree):
    response = client.get("/ru/programme/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="timeline"' in html
    assert html.count('class="timeline-row') == 2
    assert 'data-phase="7"' in html
    assert response.context["budget_totals"] == [
        response.context["page"].formatted_budget_totals(language="ru")[0]
    ]
    assert "12" in response.context["budget_totals"][0]
    assert "Европейский Союз" in html  # funder, derived from the phases' partner roles


def test_english_programme_formats_money_in_english(client, tree, locales):
    programme = tree["programme"].copy_for_translation(locales["en"], copy_parents=True)
    programme.save_revision().publish()
    for phase in (tree["phase6"], tree["phase7"]):
        phase.copy_for_translation(locales["en"]).save_revision().publish()
    html = client.get("/en/programme/").content.decode()
    assert "€12,300,000" in html
    assert "€6.8M" in html


def test_phase_page(client, tree):
    response = client.get("/ru/programme/phase-7/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/ru/countries/kz/"' in html and ">Казахстан<" in html
    assert 'href="/ru/themes/prevention/"' in html
    assert 'href="/ru/partners/ministry/"' in html
    assert tree["phase7"].budget_display("ru") in html


def test_translated_phase_links_to_translated_partners(client, tree, locales):
    for page in (tree["partners"], tree["programme"]):
        page.copy_for_translation(locales["en"]).save_revision().publish()
    en_eu = tree["eu"].copy_for_translation(locales["en"])
    en_eu.title = "European Union"
    en_eu.save_revision().publish()
    tree["phase7"].copy_for_translation(locales["en"]).save_revision().publish()
    html = client.get("/en/programme/phase-7/").content.decode()
    assert 'href="/en/partners/eu/">European Union' in html
    # The ministry has no English page yet: the Russian one is linked rather than nothing.
    assert 'href="/ru/partners/ministry/"' in html


def test_partner_page_lists_roles_and_contacts(client, tree):
    with translation.override("ru"):
        response = client.get("/ru/partners/eu/")
    assert response.status_code == 200
    roles = response.context["phase_roles"]
    assert [(r.phase.number, r.role) for r in roles] == [(6, "funding"), (7, "funding")]
    assert response.context["contacts"] == [tree["contact"]]


def test_contact_card_and_vcard(client, tree):
    contact = tree["contact"]
    contact.email = "press@example.org"
    contact.save_revision().publish()
    ContactPhoneFactory(contact=contact, number="+996 312 26 10 00")
    ContactSocialLinkFactory(contact=contact, url="https://facebook.com/example")
    html = client.get("/ru/contacts/eu-delegation/").content.decode()
    assert 'class="card contact-card h-card vcard"' in html
    assert 'href="tel:+996312261000"' in html
    assert 'href="/ru/contacts/eu-delegation/vcard/"' in html
    assert ">Кыргызстан<" in html

    response = client.get("/ru/contacts/eu-delegation/vcard/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="eu-delegation.vcf"'
    body = response.content.decode()
    assert body.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert body.endswith("END:VCARD\r\n")
    unfolded = body.replace("\r\n ", "")
    assert f"FN:{contact.office_name}\r\n" in unfolded
    assert "ORG:Европейский Союз;" in unfolded
    assert "ADR;TYPE=WORK:;;Бульвар Эркиндик 21;Бишкек;;720040;Кыргызстан\r\n" in unfolded
    assert "TEL;TYPE=WORK,VOICE:+996 312 26 10 00\r\n" in unfolded
    assert "EMAIL;TYPE=INTERNET,WORK:press@example.org\r\n" in unfolded
    assert "X-SOCIALPROFILE;TYPE=facebook:https://facebook.com/example\r\n" in unfolded
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_unknown_contact_route_is_404(client, tree):
    assert client.get("/ru/contacts/eu-delegation/nothing/").status_code == 404


class TestPartnerFilters:
    @pytest.fixture
    def partners(self, tree, vocab):
        PartnerOrganisationPageFactory(
            parent=tree["partners"],
            slug="ngo",
            title="НКО",
            kind=PartnerOrganisationPage.Kind.CIVIL_SOCIETY,
            country=vocab["countries"]["tj"],
            themes=[vocab["treatment"]],
        )
        return tree["partners"]

    def titles(self, response) -> list[str]:
        return [p.title for p in response.context["partners"]]

    def test_no_filter_lists_all(self, client, partners):
        response = client.get("/ru/partners/")
        assert response.status_code == 200
        assert self.titles(response) == ["Европейский Союз", "Министерство", "НКО"]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("kind=donor", ["Европейский Союз"]),
            ("kind=civil_society", ["НКО"]),
            ("country=kz", ["Министерство"]),
            ("theme=treatment", ["НКО"]),
            ("theme=prevention&country=kz&kind=government", ["Министерство"]),
            ("country=kg", []),
            ("kind=&country=&theme=", ["Европейский Союз", "Министерство", "НКО"]),
        ],
    )
    def test_filters(self, client, partners, query, expected):
        response = client.get(f"/ru/partners/?{query}")
        assert response.status_code == 200
        assert self.titles(response) == expected

    @pytest.mark.parametrize(
        "query", ["kind=bank", "country=fr", "theme=<script>", "country=kz&theme=nope", "page=x"]
    )
    def test_unknown_values_give_a_message_not_an_error(self, client, partners, query):
        response = client.get(f"/ru/partners/?{query}")
        assert response.status_code == 400
        assert response.context["partners"] == []
        html = response.content.decode()
        assert 'class="errors" role="alert"' in html
        assert "<script>" not in html

    def test_filter_form_offers_labels_in_the_reader_language(self, client, partners):
        html = client.get("/ru/partners/").content.decode()
        assert '<option value="kz">Казахстан</option>' in html
        assert '<option value="treatment">Лечение</option>' in html


def _add_partners(tree, vocab, count: int) -> None:
    for _n in range(count):
        PartnerOrganisationPageFactory(
            parent=tree["partners"],
            country=vocab["countries"]["kz"],
            themes=[vocab["prevention"], vocab["treatment"]],
        )


def _add_phases(tree, vocab, count: int) -> None:
    for n in range(count):
        phase = ProgrammePhasePageFactory(parent=tree["programme"], number=100 + n)
        PhasePartnerFactory(phase=phase, partner=tree["eu"], role=PhasePartner.Role.FUNDING)
        PhasePartnerFactory(
            phase=phase, partner=tree["ministry"], role=PhasePartner.Role.IMPLEMENTING
        )


def _add_contacts(tree, vocab, count: int) -> None:
    for n in range(count):
        contact = DonorContactPageFactory(
            parent=tree["contacts"], organisation=tree["eu"], country=vocab["countries"]["kg"]
        )
        ContactPhoneFactory(contact=contact, number=f"+7 700 000 00 {n:02d}")
        ContactSocialLinkFactory(contact=contact)


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize(
    ("url", "add", "bound"),
    [
        # The site frame (menu, language switcher, hreflang, settings) and Wagtail's
        # routing take about 15 of these; the rest is the listing's own fixed set.
        ("/ru/partners/", _add_partners, 28),
        ("/ru/partners/?theme=prevention", _add_partners, 28),
        ("/ru/programme/", _add_phases, 28),
        ("/ru/contacts/", _add_contacts, 28),
    ],
)
def test_listing_queries_are_bounded(
    client, tree, vocab, url, add, bound, count, django_assert_max_num_queries
):
    add(tree, vocab, count)
    client.get(url)  # warm per-request caches shared by every page (site, settings)
    with django_assert_max_num_queries(bound):
        response = client.get(url)
    assert response.status_code == 200


def test_contacts_index_lists_contacts(client, home, tree):
    other = ContactIndexPageFactory(parent=home, slug="other-contacts")
    DonorContactPageFactory(parent=other, title="Чужой контакт")
    html = client.get("/ru/contacts/").content.decode()
    assert tree["contact"].office_name in html
    assert "Чужой контакт" not in html
