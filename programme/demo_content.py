"""The programme's demo texts (ru + en, in our own words) and the code that places them.

Facts taken from the reference press release: the programme started in 2003, covers
Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan, is funded by the European
Union, phase 7 has a budget of EUR 6.8 million and is implemented by FIIAPP, and the EU
delegation in Bishkek publishes a contact block. Dates and budgets of phases 1-6 are
illustrative figures for the demo, not historical data.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from wagtail.models import Page

from programme.demo import ensure_child, ensure_translation
from programme.models import (
    ContactIndexPage,
    ContactPhone,
    ContactSocialLink,
    CountryTag,
    DonorContactPage,
    PartnerIndexPage,
    PartnerOrganisationPage,
    PhasePartner,
    ProgrammePage,
    ProgrammePhasePage,
    ThemeLabel,
    ThemeTag,
)

COUNTRIES = ["kz", "kg", "tj", "tm", "uz"]

THEMES = {
    # slug: (ru name, en label)
    "prevention": ("Профилактика", "Prevention"),
    "treatment": ("Лечение", "Treatment"),
    "drug-policy": ("Наркополитика", "Drug policy"),
    "drug-information": ("Мониторинг и информация", "Monitoring and information"),
    "civil-society": ("Гражданское общество", "Civil society"),
    "gender-human-rights": ("Гендер и права человека", "Gender and human rights"),
}

Kind = PartnerOrganisationPage.Kind
PARTNERS = [
    # slug, kind, country, acronym (ru, en), website, themes, ru (title, text), en (title, text)
    dict(
        slug="european-union",
        kind=Kind.DONOR,
        country=None,
        acronym=("ЕС", "EU"),
        website="https://european-union.europa.eu/",
        themes=["drug-policy"],
        ru=("Европейский Союз", "<p>Финансирует программу с первой фазы 2003 года.</p>"),
        en=("European Union", "<p>Has funded the programme since its first phase in 2003.</p>"),
    ),
    dict(
        slug="fiiapp",
        kind=Kind.IMPLEMENTING,
        country="es",
        acronym=("FIIAPP", "FIIAPP"),
        website="https://www.fiiapp.org/",
        themes=["drug-policy", "prevention", "treatment"],
        ru=(
            "Фонд FIIAPP",
            "<p>Государственный фонд Испании, который ведёт проекты "
            "международного сотрудничества и строит их на обмене опытом между "
            "администрациями разных стран. Реализует седьмую фазу программы.</p>",
        ),
        en=(
            "FIIAPP Foundation",
            "<p>A Spanish public foundation running international "
            "cooperation projects built on peer exchange between public administrations. "
            "It implements the seventh phase of the programme.</p>",
        ),
    ),
    dict(
        slug="implementing-consortium",
        kind=Kind.IMPLEMENTING,
        country="de",
        acronym=("", ""),
        website="",
        themes=["prevention", "drug-information"],
        ru=(
            "Консорциум исполнителей предыдущих фаз",
            "<p>Демонстрационная запись: "
            "объединение агентств, которое вело работу программы до седьмой фазы.</p>",
        ),
        en=(
            "Implementing consortium of earlier phases",
            "<p>Demo entry: the group of "
            "agencies that ran the programme's work before the seventh phase.</p>",
        ),
    ),
    dict(
        slug="mvd-kz",
        kind=Kind.GOVERNMENT,
        country="kz",
        acronym=("МВД РК", "MIA"),
        website="",
        themes=["prevention", "drug-policy"],
        ru=(
            "Министерство внутренних дел Республики Казахстан",
            "<p>Участвует в региональных диалогах о профилактике среди уязвимых групп.</p>",
        ),
        en=(
            "Ministry of Internal Affairs of Kazakhstan",
            "<p>Takes part in the regional dialogues on prevention among vulnerable groups.</p>",
        ),
    ),
    dict(
        slug="health-kg",
        kind=Kind.GOVERNMENT,
        country="kg",
        acronym=("", ""),
        website="",
        themes=["treatment"],
        ru=(
            "Министерство здравоохранения Кыргызской Республики",
            "<p>Партнёр по вопросам качества лечения и подготовки специалистов.</p>",
        ),
        en=(
            "Ministry of Health of the Kyrgyz Republic",
            "<p>Partner for the quality of treatment and the training of specialists.</p>",
        ),
    ),
    dict(
        slug="drug-control-tj",
        kind=Kind.GOVERNMENT,
        country="tj",
        acronym=("", ""),
        website="",
        themes=["drug-information", "drug-policy"],
        ru=(
            "Агентство по контролю за наркотиками Республики Таджикистан",
            "<p>Партнёр по сбору данных и национальной наркополитике.</p>",
        ),
        en=(
            "Drug Control Agency of Tajikistan",
            "<p>Partner for data collection and national drug policy.</p>",
        ),
    ),
    dict(
        slug="health-tm",
        kind=Kind.GOVERNMENT,
        country="tm",
        acronym=("", ""),
        website="",
        themes=["treatment", "prevention"],
        ru=(
            "Министерство здравоохранения Туркменистана",
            "<p>Участвует в обмене опытом по лечению и профилактике.</p>",
        ),
        en=(
            "Ministry of Health of Turkmenistan",
            "<p>Takes part in exchanges on treatment and prevention.</p>",
        ),
    ),
    dict(
        slug="drug-information-uz",
        kind=Kind.GOVERNMENT,
        country="uz",
        acronym=("", ""),
        website="",
        themes=["drug-information"],
        ru=(
            "Национальный информационно-аналитический центр Узбекистана",
            "<p>Партнёр по мониторингу ситуации с наркотиками.</p>",
        ),
        en=(
            "National Information and Analytical Centre of Uzbekistan",
            "<p>Partner for monitoring the drug situation.</p>",
        ),
    ),
    dict(
        slug="community-network-kz",
        kind=Kind.CIVIL_SOCIETY,
        country="kz",
        acronym=("", ""),
        website="",
        themes=["civil-society", "prevention"],
        ru=(
            "Сеть общественных организаций по профилактике",
            "<p>Демонстрационная запись: объединение НКО, работающих с молодёжью и семьями.</p>",
        ),
        en=(
            "Community prevention network",
            "<p>Demo entry: a network of NGOs working with young people and families.</p>",
        ),
    ),
    dict(
        slug="peer-support-tj",
        kind=Kind.CIVIL_SOCIETY,
        country="tj",
        acronym=("", ""),
        website="",
        themes=["civil-society", "treatment", "gender-human-rights"],
        ru=(
            "Ассоциация равной поддержки",
            "<p>Демонстрационная запись: организация, "
            "которая сопровождает людей в лечении и после него.</p>",
        ),
        en=(
            "Peer support association",
            "<p>Demo entry: an organisation that accompanies "
            "people during and after treatment.</p>",
        ),
    ),
    dict(
        slug="euda",
        kind=Kind.INTERNATIONAL,
        country=None,
        acronym=("EUDA", "EUDA"),
        website="https://www.euda.europa.eu/",
        themes=["drug-information"],
        ru=(
            "Агентство Европейского Союза по наркотикам",
            "<p>Делится европейскими методами мониторинга и оценки.</p>",
        ),
        en=(
            "European Union Drugs Agency",
            "<p>Shares European methods of monitoring and evaluation.</p>",
        ),
    ),
    dict(
        slug="unodc",
        kind=Kind.INTERNATIONAL,
        country=None,
        acronym=("УНП ООН", "UNODC"),
        website="https://www.unodc.org/",
        themes=["prevention", "treatment"],
        ru=(
            "Управление ООН по наркотикам и преступности",
            "<p>Международный партнёр по стандартам профилактики и лечения.</p>",
        ),
        en=(
            "United Nations Office on Drugs and Crime",
            "<p>International partner for prevention and treatment standards.</p>",
        ),
    ),
]

# number: (start, end, budget EUR, themes, ru (title, summary), en (title, summary))
PHASES = {
    1: (
        "2003-01-01",
        "2004-12-31",
        "1500000",
        ["drug-policy", "drug-information"],
        (
            "Фаза 1: первые шаги",
            "Оценка ситуации в пяти странах и первые контакты между ведомствами.",
        ),
        (
            "Phase 1: first steps",
            "Assessing the situation in five countries and first contacts between agencies.",
        ),
    ),
    2: (
        "2005-01-01",
        "2006-12-31",
        "2400000",
        ["drug-information", "prevention"],
        ("Фаза 2: данные и профилактика", "Сбор данных и первые программы профилактики в школах."),
        (
            "Phase 2: data and prevention",
            "Data collection and the first school prevention programmes.",
        ),
    ),
    3: (
        "2007-01-01",
        "2009-06-30",
        "3100000",
        ["treatment", "drug-information"],
        ("Фаза 3: лечение", "Подготовка врачей и обмен опытом с европейскими клиниками."),
        ("Phase 3: treatment", "Training doctors and exchanges with European clinics."),
    ),
    4: (
        "2009-07-01",
        "2013-06-30",
        "4200000",
        ["treatment", "prevention"],
        ("Фаза 4: расширение", "Больше регионов и больше специалистов в каждой стране."),
        ("Phase 4: scaling up", "More regions and more specialists in every country."),
    ),
    5: (
        "2013-07-01",
        "2015-12-31",
        "5000000",
        ["drug-policy", "prevention"],
        ("Фаза 5: политика", "Поддержка национальных стратегий и законодательства."),
        ("Phase 5: policy", "Support for national strategies and legislation."),
    ),
    6: (
        "2016-01-01",
        "2021-12-31",
        "5500000",
        ["drug-information", "treatment"],
        ("Фаза 6: качество услуг", "Стандарты качества лечения и мониторинг."),
        ("Phase 6: quality of services", "Quality standards for treatment and monitoring."),
    ),
    7: (
        "2022-01-01",
        "2026-12-31",
        "6800000",
        ["drug-policy", "prevention", "treatment", "civil-society", "gender-human-rights"],
        (
            "Фаза 7: сотрудничество государства и общества",
            "Целостная доказательная "
            "политика, качественные методы снижения спроса среди уязвимых групп, "
            "гендерное равенство и права человека.",
        ),
        (
            "Phase 7: state and civil society together",
            "Coherent, evidence-based policy, "
            "good demand reduction methods for vulnerable groups, gender equality and human "
            "rights.",
        ),
    ),
}

PHASE_ROLES = {
    # partner slug: role in every phase, unless a phase set is given
    "european-union": (PhasePartner.Role.FUNDING, set(range(1, 8))),
    "implementing-consortium": (PhasePartner.Role.IMPLEMENTING, {4, 5, 6}),
    "fiiapp": (PhasePartner.Role.IMPLEMENTING, {7}),
    "mvd-kz": (PhasePartner.Role.BENEFICIARY, {5, 6, 7}),
    "health-kg": (PhasePartner.Role.BENEFICIARY, {3, 4, 6, 7}),
    "drug-control-tj": (PhasePartner.Role.BENEFICIARY, {1, 2, 5, 7}),
    "health-tm": (PhasePartner.Role.BENEFICIARY, {6, 7}),
    "drug-information-uz": (PhasePartner.Role.BENEFICIARY, {2, 6, 7}),
    "community-network-kz": (PhasePartner.Role.ASSOCIATE, {7}),
    "peer-support-tj": (PhasePartner.Role.ASSOCIATE, {7}),
    "euda": (PhasePartner.Role.ASSOCIATE, {5, 6, 7}),
    "unodc": (PhasePartner.Role.ASSOCIATE, {1, 2, 3}),
}

PROGRAMME = {
    "ru": dict(
        title="Программа сокращения спроса на наркотики в Центральной Азии",
        summary="С 2003 года программа помогает Казахстану, Кыргызстану, Таджикистану, "
        "Туркменистану и Узбекистану строить доказательную политику, развивать "
        "профилактику и улучшать лечение.",
        body=[
            {
                "type": "paragraph",
                "value": "<p>Программа идёт фазами: каждая опирается "
                "на итоги предыдущей. Ниже — шкала времени всех фаз с их бюджетами.</p>",
            }
        ],
    ),
    "en": dict(
        title="Central Asia Drug Action Programme",
        summary="Since 2003 the programme has helped Kazakhstan, Kyrgyzstan, Tajikistan, "
        "Turkmenistan and Uzbekistan build evidence-based policy, develop prevention and "
        "improve treatment.",
        body=[
            {
                "type": "paragraph",
                "value": "<p>The programme runs in phases, each one "
                "building on the results of the last. Below is a timeline of every phase "
                "with its budget.</p>",
            }
        ],
    ),
}

CONTACTS = [
    dict(
        slug="eu-delegation-kyrgyzstan",
        organisation="european-union",
        country="kg",
        postal_code="720040",
        email="delegation-kyrgyzstan@eeas.europa.eu",
        website="https://www.eeas.europa.eu/delegations/kyrgyz-republic_en",
        phones=[("", "+996 312 26 10 00")],
        social=[(ContactSocialLink.Network.FACEBOOK, "https://www.facebook.com/eudelkg")],
        ru=dict(
            title="Представительство ЕС в Кыргызской Республике",
            office_name="Представительство Европейского Союза в Кыргызской Республике",
            street_address="бульвар Эркиндик, 21, бизнес-центр «Орион», 5-й этаж",
            locality="Бишкек",
        ),
        en=dict(
            title="EU Delegation to the Kyrgyz Republic",
            office_name="Delegation of the European Union to the Kyrgyz Republic",
            street_address="21 Erkindik Boulevard, Orion Business Centre, 5th floor",
            locality="Bishkek",
        ),
    ),
    dict(
        slug="programme-press-office",
        organisation="fiiapp",
        country="kz",
        postal_code="050000",
        email="press@example.org",
        website="https://example.org/",
        phones=[],
        social=[(ContactSocialLink.Network.TELEGRAM, "https://t.me/example")],
        ru=dict(
            title="Пресс-служба программы",
            office_name="Региональный офис программы, пресс-служба",
            street_address="Демонстрационный адрес, 1",
            locality="Алматы",
        ),
        en=dict(
            title="Programme press office",
            office_name="Programme regional office, press desk",
            street_address="1 Demo Street",
            locality="Almaty",
        ),
    ),
]

INDEXES = {
    "partners": (
        PartnerIndexPage,
        (
            "Партнёры",
            "<p>Организации, которые финансируют, реализуют программу и участвуют в ней.</p>",
        ),
        (
            "Partners",
            "<p>The organisations that fund, implement and take part in the programme.</p>",
        ),
    ),
    "contacts": (
        ContactIndexPage,
        ("Контакты", "<p>Куда обращаться журналистам и партнёрам.</p>"),
        ("Contacts", "<p>Where journalists and partners can get in touch.</p>"),
    ),
}


def _paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def ensure_vocabularies() -> tuple[dict[str, CountryTag], dict[str, ThemeTag]]:
    countries = {code: CountryTag.for_code(code) for code in [*COUNTRIES, "es", "de"]}
    themes = {}
    for slug, (ru_name, en_label) in THEMES.items():
        theme, _created = ThemeTag.objects.get_or_create(slug=slug, defaults={"name": ru_name})
        ThemeLabel.objects.get_or_create(theme=theme, language="en", defaults={"label": en_label})
        themes[slug] = theme
    return countries, themes


def build(homes: dict[str, Page]) -> None:
    countries, themes = ensure_vocabularies()
    home_ru = homes["ru"]

    indexes = {}
    for slug, (model, ru, en) in INDEXES.items():
        index = ensure_child(home_ru, model, slug, title=ru[0], intro=ru[1], show_in_menus=True)
        ensure_translation(index, "en", title=en[0], intro=en[1])
        indexes[slug] = index

    partners: dict[str, PartnerOrganisationPage] = {}
    for data in PARTNERS:

        def prepare(page, data=data):
            page.themes.set([themes[s] for s in data["themes"]])

        partner = ensure_child(
            indexes["partners"],
            PartnerOrganisationPage,
            data["slug"],
            prepare=prepare,
            title=data["ru"][0],
            description=data["ru"][1],
            acronym=data["acronym"][0],
            kind=data["kind"],
            country=countries[data["country"]] if data["country"] else None,
            website=data["website"],
        )
        ensure_translation(
            partner,
            "en",
            title=data["en"][0],
            description=data["en"][1],
            acronym=data["acronym"][1],
        )
        partners[data["slug"]] = partner

    programme = ensure_child(
        home_ru,
        ProgrammePage,
        "programme",
        acronym="CADAP",
        start_year=2003,
        show_in_menus=True,
        **PROGRAMME["ru"],
    )
    ensure_translation(programme, "en", **PROGRAMME["en"])

    for number, (start, end, budget, theme_slugs, ru, en) in PHASES.items():

        def prepare(page, number=number, theme_slugs=theme_slugs):
            page.countries.set([countries[c] for c in COUNTRIES])
            page.themes.set([themes[s] for s in theme_slugs])
            page.phase_partners = [
                PhasePartner(partner=partners[slug], role=role)
                for slug, (role, numbers) in PHASE_ROLES.items()
                if number in numbers
            ]

        phase = ensure_child(
            programme,
            ProgrammePhasePage,
            f"phase-{number}",
            prepare=prepare,
            number=number,
            title=ru[0],
            summary=ru[1],
            start_date=datetime.date.fromisoformat(start),
            end_date=datetime.date.fromisoformat(end),
            budget_amount=Decimal(budget),
            budget_currency="EUR",
            objectives=_paragraph(ru[1]),
        )
        ensure_translation(phase, "en", title=en[0], summary=en[1], objectives=_paragraph(en[1]))

    for data in CONTACTS:

        def prepare(page, data=data):
            page.phones = [ContactPhone(label=label, number=n) for label, n in data["phones"]]
            page.social_links = [
                ContactSocialLink(network=network, url=url) for network, url in data["social"]
            ]

        contact = ensure_child(
            indexes["contacts"],
            DonorContactPage,
            data["slug"],
            prepare=prepare,
            organisation=partners[data["organisation"]],
            country=countries[data["country"]],
            postal_code=data["postal_code"],
            email=data["email"],
            website=data["website"],
            **data["ru"],
        )
        ensure_translation(contact, "en", **data["en"])
