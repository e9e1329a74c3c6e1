"""Demo content of the newsroom: a newsroom in ru and en with a dozen items across kinds,
countries and themes, written in our own words. One of them is our counterpart of the
regional dialogue held in Almaty on 29–30 November 2022 (a press release with quoted
officials; the speakers' names are invented for the demo).

The programme pages the items point at (phase, partners, media contact) are looked up
first, so the programme app's own demo is used when it ran; whatever is missing is created
minimally here, so this demo also works on its own. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import datetime
import zoneinfo
from decimal import Decimal
from typing import Any

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from newsroom.models import NewsCountry, NewsIndexPage, NewsPage, NewsTheme
from programme.demo import ensure_child, ensure_translation
from programme.demo_content import ensure_vocabularies
from programme.models import (
    ContactIndexPage,
    ContactPhone,
    ContactSocialLink,
    CountryTag,
    DonorContactPage,
    PartnerIndexPage,
    PartnerOrganisationPage,
    ProgrammePage,
    ProgrammePhasePage,
)

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")

PARTNERS = {
    # acronym: (kind, country, ru title, en title)
    "EU": (PartnerOrganisationPage.Kind.DONOR, None, "Европейский Союз", "European Union"),
    "IA": (
        PartnerOrganisationPage.Kind.IMPLEMENTING,
        None,
        "Агентство-исполнитель программы",
        "Programme implementing agency",
    ),
    "MVD-KZ": (
        PartnerOrganisationPage.Kind.GOVERNMENT,
        "kz",
        "Министерство внутренних дел Республики Казахстан",
        "Ministry of Internal Affairs of the Republic of Kazakhstan",
    ),
    "NGO-NET": (
        PartnerOrganisationPage.Kind.CIVIL_SOCIETY,
        None,
        "Региональная сеть НКО по профилактике",
        "Regional network of prevention NGOs",
    ),
}


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ALMATY)


def paragraphs(*texts: str) -> list[tuple[str, Any]]:
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def quote(text: str, speaker: str, role: str, organisation: str) -> tuple[str, dict]:
    return (
        "quote",
        {"quote": text, "speaker": speaker, "role": role, "organisation": organisation},
    )


# --- the items ------------------------------------------------------------------------------
# Each item: slug, kind, countries, themes, partners, publication date, event, and ru/en text.

ALMATY_DIALOGUE = {
    "slug": "almaty-regional-dialogue-2022",
    "kind": NewsPage.Kind.PRESS_RELEASE,
    "countries": ["kz", "kg", "tj", "tm", "uz"],
    "themes": ["civil-society", "prevention", "treatment"],
    "partners": ["EU", "MVD-KZ", "NGO-NET"],
    "date": at(2022, 11, 30, 18),
    "event": (
        at(2022, 11, 29, 9, 30),
        at(2022, 11, 30, 17),
        "Алматы, Казахстан",
        "Almaty, Kazakhstan",
    ),
    "contact": True,
    "ru": {
        "title": "Государство и гражданское общество Центральной Азии договорились "
        "действовать сообща в профилактике и лечении наркозависимости",
        "dateline_place": "Алматы",
        "standfirst": "Двухдневный региональный диалог в Алматы собрал представителей "
        "государственных органов и неправительственных организаций пяти стран региона.",
        "body": paragraphs(
            "29–30 ноября в Алматы прошла региональная встреча, на которой ведомства, "
            "отвечающие за снижение спроса на наркотики, и некоммерческие организации пяти "
            "стран Центральной Азии обсудили, как выстроить постоянное партнёрство.",
            "Участники разобрали свежие данные о наркоситуации в регионе, обменялись "
            "примерами совместной работы и наметили, какую роль гражданский сектор может "
            "играть в профилактике и в сопровождении людей, проходящих лечение.",
        )
        + [
            quote(
                "Государство и общественные организации сильнее вместе: только сообща мы "
                "дойдём до тех, кому помощь нужна больше всего.",
                "Элена Фаббри",
                "представитель Европейского Союза",
                "Европейский Союз",
            ),
            quote(
                "Мы рассчитываем, что новая фаза программы поможет нам решить конкретные "
                "задачи профилактики, прежде всего среди уязвимых групп.",
                "Айдос Нурланов",
                "представитель министерства",
                "Министерство внутренних дел Республики Казахстан",
            ),
        ]
        + paragraphs(
            "По итогам встречи участники подготовили предложения для национальных "
            "дорожных карт: по политике, мониторингу, профилактике и лечению.",
        ),
    },
    "en": {
        "title": "Central Asian governments and civil society agree to work together on "
        "drug prevention and treatment",
        "dateline_place": "Almaty",
        "standfirst": "A two-day regional dialogue in Almaty brought together public "
        "agencies and non-governmental organisations from the five countries of the region.",
        "body": paragraphs(
            "On 29–30 November, agencies in charge of drug demand reduction and non-profit "
            "organisations from the five Central Asian countries met in Almaty to discuss "
            "how to build a lasting partnership.",
            "Participants reviewed recent data on the drug situation in the region, shared "
            "examples of joint work and outlined the part civil society can play in "
            "prevention and in supporting people in treatment.",
        )
        + [
            quote(
                "Public bodies and civil society are stronger together: only jointly can we "
                "reach the people who need help most.",
                "Elena Fabbri",
                "representative of the European Union",
                "European Union",
            ),
            quote(
                "We expect the new phase of the programme to help us solve concrete "
                "prevention tasks, above all among vulnerable groups.",
                "Aidos Nurlanov",
                "ministry representative",
                "Ministry of Internal Affairs of the Republic of Kazakhstan",
            ),
        ]
        + paragraphs(
            "The participants drafted proposals for national road maps on policy, "
            "monitoring, prevention and treatment.",
        ),
    },
}


def simple_item(
    slug: str,
    kind: str,
    countries: list[str],
    themes: list[str],
    date: datetime.datetime,
    ru: tuple[str, str, str, str],
    en: tuple[str, str, str, str],
    *,
    partners: list[str] | None = None,
    event: tuple | None = None,
) -> dict[str, Any]:
    """ru/en: (dateline place, title, standfirst, paragraph)."""
    item: dict[str, Any] = {
        "slug": slug,
        "kind": kind,
        "countries": countries,
        "themes": themes,
        "partners": partners or [],
        "date": date,
        "event": event,
    }
    for language, (place, title, standfirst, text) in (("ru", ru), ("en", en)):
        item[language] = {
            "title": title,
            "dateline_place": place,
            "standfirst": standfirst,
            "body": paragraphs(text),
        }
    return item


ITEMS: list[dict[str, Any]] = [
    ALMATY_DIALOGUE,
    simple_item(
        "school-prevention-bishkek",
        NewsPage.Kind.NEWS,
        ["kg"],
        ["prevention"],
        at(2023, 3, 14),
        (
            "Бишкек",
            "Школьные психологи Бишкека осваивают программу профилактики",
            "Сорок школьных психологов прошли недельное обучение по доказательной "
            "программе профилактики для подростков.",
            "Занятия построены на развитии жизненных навыков: умении принимать решения, "
            "справляться со стрессом и противостоять давлению сверстников.",
        ),
        (
            "Bishkek",
            "Bishkek school psychologists learn a prevention programme",
            "Forty school psychologists completed a week-long course in an evidence-based "
            "prevention programme for teenagers.",
            "The sessions focus on life skills: making decisions, coping with stress and "
            "resisting peer pressure.",
        ),
        partners=["NGO-NET"],
    ),
    simple_item(
        "treatment-standards-dushanbe",
        NewsPage.Kind.EVENT_REPORT,
        ["tj"],
        ["treatment"],
        at(2023, 5, 26),
        (
            "Душанбе",
            "В Душанбе обсудили стандарты качества лечения наркозависимости",
            "Врачи-наркологи и организаторы здравоохранения сравнили национальные "
            "протоколы с международными рекомендациями.",
            "Рабочая группа подготовит предложения по обновлению клинических протоколов "
            "и по оценке качества услуг.",
        ),
        (
            "Dushanbe",
            "Dushanbe workshop on quality standards for drug treatment",
            "Addiction specialists and health managers compared national protocols with "
            "international guidance.",
            "A working group will propose updates to clinical protocols and to the way "
            "service quality is assessed.",
        ),
        event=(
            at(2023, 5, 24, 9),
            at(2023, 5, 25, 17),
            "Душанбе, Таджикистан",
            "Dushanbe, Tajikistan",
        ),
    ),
    simple_item(
        "drug-situation-report-2023",
        NewsPage.Kind.NEWS,
        ["kz", "kg", "tj", "tm", "uz"],
        ["drug-information"],
        at(2023, 7, 3),
        (
            "Ташкент",
            "Вышел региональный обзор наркоситуации за 2022 год",
            "Обзор сводит данные пяти стран о распространённости употребления, лечении "
            "и профилактике.",
            "Авторы отмечают рост спроса на услуги реабилитации и рекомендуют единые "
            "показатели для мониторинга.",
        ),
        (
            "Tashkent",
            "Regional drug situation review for 2022 published",
            "The review brings together data from five countries on prevalence, treatment "
            "and prevention.",
            "The authors note a growing demand for rehabilitation services and recommend "
            "common indicators for monitoring.",
        ),
    ),
    simple_item(
        "statement-international-day-2023",
        NewsPage.Kind.STATEMENT,
        ["kz", "kg", "tj", "tm", "uz"],
        ["drug-policy", "prevention"],
        at(2023, 6, 26),
        (
            "Алматы",
            "Заявление программы к Международному дню борьбы с наркоманией",
            "Программа призывает сделать профилактику и лечение доступными для всех, "
            "кто в них нуждается.",
            "Мы поддерживаем подход, в центре которого здоровье человека, права человека "
            "и достоверные данные.",
        ),
        (
            "Almaty",
            "Programme statement on the International Day against Drug Abuse",
            "The programme calls for prevention and treatment to be available to everyone "
            "who needs them.",
            "We support an approach centred on health, human rights and sound evidence.",
        ),
        partners=["EU"],
    ),
    simple_item(
        "ashgabat-monitoring-training",
        NewsPage.Kind.EVENT_REPORT,
        ["tm"],
        ["drug-information"],
        at(2023, 10, 12),
        (
            "Ашхабад",
            "В Ашхабаде прошёл тренинг по мониторингу наркоситуации",
            "Специалисты национального центра мониторинга изучили европейские методы "
            "сбора и анализа данных.",
            "Особое внимание уделили опросам населения и показателям обращаемости за лечением.",
        ),
        (
            "Ashgabat",
            "Ashgabat training on monitoring the drug situation",
            "Staff of the national monitoring centre studied European methods of collecting "
            "and analysing data.",
            "The training focused on population surveys and treatment demand indicators.",
        ),
        event=(
            at(2023, 10, 10, 9),
            at(2023, 10, 11, 16),
            "Ашхабад, Туркменистан",
            "Ashgabat, Turkmenistan",
        ),
    ),
    simple_item(
        "samarkand-family-prevention",
        NewsPage.Kind.NEWS,
        ["uz"],
        ["prevention", "civil-society"],
        at(2024, 2, 8),
        (
            "Самарканд",
            "В Самарканде запускают программу профилактики для семей",
            "Родители и дети вместе учатся говорить о рисках и поддерживать друг друга.",
            "Занятия ведут обученные специалисты махаллинских центров и местных НКО.",
        ),
        (
            "Samarkand",
            "Family prevention programme starts in Samarkand",
            "Parents and children learn together how to talk about risks and support each other.",
            "Sessions are run by trained staff of neighbourhood centres and local NGOs.",
        ),
        partners=["NGO-NET"],
    ),
    simple_item(
        "press-release-phase-results-2024",
        NewsPage.Kind.PRESS_RELEASE,
        ["kz", "kg", "tj", "tm", "uz"],
        ["drug-policy"],
        at(2024, 4, 18),
        (
            "Бишкек",
            "Программа подвела промежуточные итоги текущей фазы",
            "Страны региона обновили национальные планы, а специалисты прошли обучение "
            "современным методам профилактики и лечения.",
            "Доклад о промежуточных итогах доступен партнёрам и будет обсуждён на "
            "региональном руководящем комитете.",
        ),
        (
            "Bishkek",
            "Programme reviews mid-term results of the current phase",
            "Countries of the region updated their national plans and specialists were "
            "trained in current prevention and treatment methods.",
            "The mid-term report is available to partners and will be discussed at the "
            "regional steering committee.",
        ),
        partners=["EU", "IA"],
    ),
    simple_item(
        "osh-outreach-workers",
        NewsPage.Kind.NEWS,
        ["kg"],
        ["treatment", "civil-society"],
        at(2024, 6, 5),
        (
            "Ош",
            "Аутрич-работники из Оша делятся опытом сопровождения клиентов",
            "Сотрудники местной НКО рассказали, как они помогают людям дойти до лечения "
            "и не прерывать его.",
            "Опыт Оша включат в методическое пособие для социальных работников региона.",
        ),
        (
            "Osh",
            "Outreach workers from Osh share their case management experience",
            "Staff of a local NGO explained how they help people reach treatment and stay in it.",
            "The Osh experience will be included in a guide for social workers in the region.",
        ),
    ),
    simple_item(
        "astana-policy-roundtable",
        NewsPage.Kind.EVENT_REPORT,
        ["kz"],
        ["drug-policy"],
        at(2024, 9, 20),
        (
            "Астана",
            "Круглый стол в Астане: как оценивать антинаркотическую политику",
            "Эксперты обсудили показатели, по которым можно судить о результатах "
            "национальной стратегии.",
            "Участники договорились о наборе индикаторов для следующего национального доклада.",
        ),
        (
            "Astana",
            "Astana round table on evaluating drug policy",
            "Experts discussed the indicators by which the results of the national "
            "strategy can be judged.",
            "Participants agreed on a set of indicators for the next national report.",
        ),
        partners=["MVD-KZ"],
        event=(at(2024, 9, 19, 10), at(2024, 9, 19, 16), "Астана, Казахстан", "Astana, Kazakhstan"),
    ),
    simple_item(
        "dushanbe-rehabilitation-centre",
        NewsPage.Kind.NEWS,
        ["tj"],
        ["treatment"],
        at(2024, 11, 11),
        (
            "Душанбе",
            "Реабилитационный центр в Душанбе расширяет амбулаторные услуги",
            "Центр открыл группы поддержки для пациентов после стационарного лечения.",
            "Консультации проводят психологи и равные консультанты, прошедшие обучение "
            "по программе.",
        ),
        (
            "Dushanbe",
            "Dushanbe rehabilitation centre expands outpatient services",
            "The centre opened support groups for patients after inpatient treatment.",
            "Counselling is provided by psychologists and peer counsellors trained under "
            "the programme.",
        ),
    ),
    simple_item(
        "statement-gender-human-rights-2025",
        NewsPage.Kind.STATEMENT,
        ["kz", "kg", "tj", "tm", "uz"],
        ["drug-policy", "treatment"],
        at(2025, 3, 7),
        (
            "Алматы",
            "Заявление о равном доступе женщин к лечению",
            "Программа напоминает, что женщины с наркозависимостью реже обращаются за "
            "помощью и нуждаются в особых услугах.",
            "Мы поддерживаем службы, учитывающие потребности женщин и их детей.",
        ),
        (
            "Almaty",
            "Statement on equal access to treatment for women",
            "The programme recalls that women with drug dependence seek help less often "
            "and need tailored services.",
            "We support services that take into account the needs of women and their children.",
        ),
    ),
]


# --- programme pages the items refer to ----------------------------------------------------


def first_of(model: type[Page], locale: Locale, **filters: Any) -> Page | None:
    return model.objects.filter(locale=locale, **filters).order_by("path").first()


def ensure_phase(home: Page) -> ProgrammePhasePage:
    locale = home.locale
    phase = first_of(ProgrammePhasePage, locale, number=7) or (
        ProgrammePhasePage.objects.filter(locale=locale).order_by("-number").first()
    )
    if phase is not None:
        return phase
    programme = first_of(ProgrammePage, locale) or ensure_child(
        home,
        ProgrammePage,
        "programme",
        title="Программа",
        acronym="CADAP",
        summary="Программа сокращения спроса на наркотики в Центральной Азии.",
        start_year=2003,
    )
    phase = ensure_child(
        programme,
        ProgrammePhasePage,
        "phase-7",
        title="Фаза 7",
        number=7,
        start_date=datetime.date(2021, 12, 1),
        end_date=datetime.date(2025, 11, 30),
        budget_amount=Decimal("6800000"),
        budget_currency="EUR",
        summary="Доказательная политика и качественные услуги по снижению спроса на наркотики.",
    )
    ensure_translation(programme, "en", title="Programme", summary="Drug demand reduction.")
    ensure_translation(
        phase,
        "en",
        title="Phase 7",
        summary="Evidence-based policy and quality drug demand reduction services.",
    )
    return phase


def ensure_partners(home: Page, countries: dict[str, CountryTag]) -> dict[str, Page]:
    locale = home.locale
    partners: dict[str, Page] = {}
    index = None
    for acronym, (kind, country, ru, en) in PARTNERS.items():
        partner = first_of(PartnerOrganisationPage, locale, acronym=acronym)
        if partner is None:
            index = (
                index
                or first_of(PartnerIndexPage, locale)
                or ensure_child(home, PartnerIndexPage, "partners", title="Партнёры")
            )
            partner = ensure_child(
                index,
                PartnerOrganisationPage,
                f"demo-{acronym.lower()}",
                title=ru,
                acronym=acronym,
                kind=kind,
                country=countries.get(country) if country else None,
            )
            if index.get_translation_or_none(Locale.objects.get(language_code="en")) is None:
                ensure_translation(index, "en", title="Partners")
            ensure_translation(partner, "en", title=en)
        partners[acronym] = partner
    return partners


def ensure_contact(home: Page, countries: dict[str, CountryTag]) -> DonorContactPage:
    existing = first_of(DonorContactPage, home.locale)
    if existing is not None:
        return existing
    index = first_of(ContactIndexPage, home.locale) or ensure_child(
        home, ContactIndexPage, "contacts", title="Контакты"
    )
    contact = ensure_child(
        index,
        DonorContactPage,
        "eu-delegation-press",
        title="Пресс-служба представительства ЕС",
        office_name="Представительство Европейского Союза",
        street_address="Бульвар Эркиндик, 21",
        locality="Бишкек",
        postal_code="720040",
        country=countries["kg"],
        email="press@example.org",
        website="https://example.org/",
        phones=[ContactPhone(number="+996 312 00 00 00")],
        social_links=[
            ContactSocialLink(
                network=ContactSocialLink.Network.FACEBOOK, url="https://www.facebook.com/"
            )
        ],
    )
    ensure_translation(index, "en", title="Contacts")
    ensure_translation(
        contact,
        "en",
        title="EU delegation press office",
        office_name="Delegation of the European Union",
        street_address="21 Erkindik Boulevard",
        locality="Bishkek",
    )
    return contact


# --- the newsroom --------------------------------------------------------------------------


def ensure_newsroom(homes: dict[str, Page]) -> NewsIndexPage:
    index = NewsIndexPage.objects.child_of(homes["ru"]).first() or ensure_child(
        homes["ru"],
        NewsIndexPage,
        "news",
        title="Новости",
        show_in_menus=True,
        intro="<p>Новости, пресс-релизы, отчёты о мероприятиях и заявления программы.</p>",
    )
    ensure_translation(
        index,
        "en",
        title="News",
        intro="<p>News, press releases, event reports and statements of the programme.</p>",
    )
    return index


def load(homes: dict[str, Page], stdout) -> None:
    countries, themes = ensure_vocabularies()
    home = homes["ru"]
    phase = ensure_phase(home)
    partners = ensure_partners(home, countries)
    contact = ensure_contact(home, countries)
    index = ensure_newsroom(homes)
    created = 0
    for item in ITEMS:
        ru = item["ru"]
        fields: dict[str, Any] = {
            "title": ru["title"],
            "kind": item["kind"],
            "publication_date": item["date"],
            "dateline_place": ru["dateline_place"],
            "standfirst": ru["standfirst"],
            "body": ru["body"],
            "related_phase": phase,
            "related_partners": [partners[a] for a in item["partners"]],
            "country_items": [NewsCountry(tag=countries[s]) for s in item["countries"]],
            "theme_items": [NewsTheme(tag=themes[s]) for s in item["themes"]],
        }
        if item.get("contact"):
            fields["media_contact"] = contact
        event = item.get("event")
        en_fields = dict(item["en"])
        if event:
            fields.update(event_start=event[0], event_end=event[1], event_venue=event[2])
            en_fields["event_venue"] = event[3]
        exists = NewsPage.objects.child_of(index).filter(slug=item["slug"]).exists()
        page = ensure_child(index, NewsPage, item["slug"], **fields)
        ensure_translation(page, "en", **en_fields)
        created += not exists
    stdout.write(f"Newsroom demo: {len(ITEMS)} items in ru and en ({created} new).")
