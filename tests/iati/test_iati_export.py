"""The IATI export: /iati/activities.xml and ``manage.py export_iati`` publish the programme
and its public phases; the document validates against IATI's activity schema, and reading
it back finds every phase with its budget, countries and participating organisations."""

from __future__ import annotations

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from lxml import etree

from programme.demo import ensure_translation
from programme.models import PartnerOrganisationPage, PhasePartner, ProgrammePhasePage
from tests.factories.layers import layer
from tests.factories.pages import publish
from tests.factories.programme import (
    PartnerIndexPageFactory,
    PartnerOrganisationPageFactory,
    PhasePartnerFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    vocabulary,
)

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parents[2] / ".venv" / "iati-schemas" / "2.02"
XML = "{http://www.w3.org/XML/1998/namespace}lang"
D = datetime.date


@layer
def programme_site(homes):
    countries, themes = vocabulary(["kz", "kg", "tj", "tm", "uz"], ["prevention", "treatment"])
    themes["prevention"].dac_sector = "16063"
    themes["prevention"].save()
    themes["treatment"].dac_sector = "12220"
    themes["treatment"].save()
    programme = publish(
        ProgrammePageFactory(
            parent=homes["ru"], slug="cadap", summary="Программа сокращения спроса."
        )
    )
    ensure_translation(programme, "en", title="Programme", summary="Drug demand reduction.")
    partners_index = publish(PartnerIndexPageFactory(parent=homes["ru"]))
    eu = publish(
        PartnerOrganisationPageFactory(
            parent=partners_index, title="Европейский Союз", kind=PartnerOrganisationPage.Kind.DONOR
        )
    )
    ensure_translation(eu, "en", title="European Union")
    fiiapp = publish(
        PartnerOrganisationPageFactory(
            parent=partners_index, title="FIIAPP", kind=PartnerOrganisationPage.Kind.IMPLEMENTING
        )
    )
    ministry = publish(PartnerOrganisationPageFactory(parent=partners_index, title="Минздрав КР"))
    phases = {}
    for number, start, end, budget, codes, theme_slugs in [
        (6, D(2015, 1, 1), D(2019, 12, 31), "5000000.00", ["kz", "kg", "tj"], ["prevention"]),
        (
            7,
            D(2021, 1, 1),
            D(2099, 12, 31),
            "6800000.00",
            ["kz", "kg", "tj", "tm", "uz"],
            ["prevention", "treatment"],
        ),
    ]:
        phase = ProgrammePhasePageFactory(
            parent=programme,
            number=number,
            start_date=start,
            end_date=end,
            budget_amount=Decimal(budget),
            countries=[countries[c] for c in codes],
            themes=[themes[t] for t in theme_slugs],
            summary=f"Фаза {number}: цели.",
        )
        PhasePartnerFactory(phase=phase, partner=eu, role=PhasePartner.Role.FUNDING)
        PhasePartnerFactory(phase=phase, partner=fiiapp, role=PhasePartner.Role.IMPLEMENTING)
        if number == 7:
            PhasePartnerFactory(phase=phase, partner=ministry, role=PhasePartner.Role.BENEFICIARY)
        phases[number] = publish(phase)
    ensure_translation(phases[7], "en", title="Phase 7", summary="Phase 7: objectives.")
    draft = ProgrammePhasePageFactory(
        parent=programme, number=8, start_date=D(2030, 1, 1), title="Фаза 8 (черновик)", live=False
    )
    return {"programme": programme, "phases": phases, "draft": draft}


def _document(client) -> etree._Element:
    response = client.get("/iati/activities.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def test_document_validates_against_the_iati_activity_schema(client, programme_site):
    assert (SCHEMAS / "iati-activities-schema.xsd").exists(), "run `make setup` (IATI schema)"
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "iati-activities-schema.xsd")))
    document = _document(client)
    assert schema.validate(document), schema.error_log
    assert document.get("version") == "2.03"


def test_schema_check_can_fail(programme_site):
    """The validation above is a real one: a document without the required parts fails."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "iati-activities-schema.xsd")))
    bad = etree.fromstring(
        b'<iati-activities version="2.03"><iati-activity>'
        b"<iati-identifier>X</iati-identifier></iati-activity>"
        b"</iati-activities>"
    )
    assert not schema.validate(bad)


def test_every_public_phase_with_budget_countries_and_partners(client, programme_site):
    document = _document(client)
    activities = {a.findtext("iati-identifier"): a for a in document.findall("iati-activity")}
    assert set(activities) == {
        "XX-EXAMPLE-1-CADAP",
        "XX-EXAMPLE-1-CADAP-6",
        "XX-EXAMPLE-1-CADAP-7",
    }  # never the draft phase 8
    phase7 = activities["XX-EXAMPLE-1-CADAP-7"]
    assert phase7.get("hierarchy") == "2"
    value = phase7.find("budget/value")
    assert (value.text, value.get("currency"), value.get("value-date")) == (
        "6800000.00",
        "EUR",
        "2021-01-01",
    )
    assert phase7.find("budget/period-end").get("iso-date") == "2099-12-31"
    countries = {c.get("code"): c.get("percentage") for c in phase7.findall("recipient-country")}
    assert set(countries) == {"KZ", "KG", "TJ", "TM", "UZ"}
    assert sum(Decimal(p) for p in countries.values()) == 100
    sectors = {s.get("code") for s in phase7.findall("sector")}
    assert sectors == {"16063", "12220"}
    orgs = {(o.get("role"), o.findtext("narrative")) for o in phase7.findall("participating-org")}
    assert orgs == {("1", "Европейский Союз"), ("4", "FIIAPP"), ("2", "Минздрав КР")}
    eu = next(o for o in phase7.findall("participating-org") if o.get("role") == "1")
    assert {n.get(XML): n.text for n in eu.findall("narrative")} == {
        None: "Европейский Союз",
        "en": "European Union",
    }
    assert phase7.find("activity-status").get("code") == "2"  # active
    assert {(d.get("type"), d.get("iso-date")) for d in phase7.findall("activity-date")} == {
        ("2", "2021-01-01"),
        ("3", "2099-12-31"),
    }
    titles = {n.get(XML): n.text for n in phase7.findall("title/narrative")}
    assert titles == {None: "Фаза 7", "en": "Phase 7"}

    phase6 = activities["XX-EXAMPLE-1-CADAP-6"]
    assert phase6.find("activity-status").get("code") == "4"  # closed
    assert phase6.find("budget/value").text == "5000000.00"
    assert {c.get("code") for c in phase6.findall("recipient-country")} == {"KZ", "KG", "TJ"}
    assert {(d.get("type")) for d in phase6.findall("activity-date")} == {"2", "4"}
    assert len(phase6.findall("title/narrative")) == 1  # not translated: one narrative

    programme = activities["XX-EXAMPLE-1-CADAP"]
    assert programme.get("hierarchy") == "1"
    assert {r.get("ref") for r in programme.findall("related-activity")} == {
        "XX-EXAMPLE-1-CADAP-6",
        "XX-EXAMPLE-1-CADAP-7",
    }
    assert programme.get(XML) == "ru"
    descriptions = {n.get(XML): n.text for n in programme.findall("description/narrative")}
    assert descriptions == {None: "Программа сокращения спроса.", "en": "Drug demand reduction."}


def test_an_unpublished_phase_leaves_the_document(client, programme_site):
    phase = ProgrammePhasePage.objects.get(pk=programme_site["phases"][6].pk)
    phase.unpublish()
    identifiers = [
        a.findtext("iati-identifier") for a in _document(client).findall("iati-activity")
    ]
    assert "XX-EXAMPLE-1-CADAP-6" not in identifiers


def test_identifiers_come_from_settings(client, programme_site, settings):
    settings.IATI = {"reporting_org_ref": "XM-DAC-41114", "phase_id": "{org}-P{phase}"}
    identifiers = {
        a.findtext("iati-identifier") for a in _document(client).findall("iati-activity")
    }
    assert identifiers == {"XM-DAC-41114-CADAP", "XM-DAC-41114-P6", "XM-DAC-41114-P7"}


def test_management_command_writes_the_same_document(programme_site, tmp_path):
    target = tmp_path / "activities.xml"
    call_command("export_iati", "--output", str(target), stderr=StringIO())
    document = etree.parse(str(target)).getroot()
    assert len(document.findall("iati-activity")) == 3


def test_editor_chooses_a_themes_dac_sector_in_the_admin(admin_client, db):
    from django.urls import reverse
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from programme.models import ThemeTag

    url = reverse("wagtailsnippets_programme_themetag:add")
    form = {"name": "Лечение", "slug": "treatment-x", "labels": inline_formset([])}
    response = admin_client.post(url, nested_form_data({**form, "dac_sector": "1222"}))
    assert response.status_code == 200  # refused: not five digits
    assert not ThemeTag.objects.filter(slug="treatment-x").exists()
    response = admin_client.post(url, nested_form_data({**form, "dac_sector": "12220"}))
    assert response.status_code == 302
    assert ThemeTag.objects.get(slug="treatment-x").dac_sector == "12220"


def test_a_partner_that_is_not_public_is_left_out(client, programme_site):
    ministry = PartnerOrganisationPage.objects.get(title="Минздрав КР")
    ministry.unpublish()
    document = _document(client)
    phase7 = next(
        a
        for a in document.findall("iati-activity")
        if a.findtext("iati-identifier") == "XX-EXAMPLE-1-CADAP-7"
    )
    names = {o.findtext("narrative") for o in phase7.findall("participating-org")}
    assert names == {"Европейский Союз", "FIIAPP"}
