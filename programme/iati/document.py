"""Build the IATI activities document: the programme (hierarchy 1) and each of its phases
(hierarchy 2) with identifiers, titles and descriptions in every published language,
status and dates, participating organisations, recipient countries, sectors and budgets.

Only publicly visible content (``headless.visibility``): a draft, private or embargoed phase
or translation is never published to IATI. Element order follows the schema's sequence.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from headless.visibility import visible_pages
from programme.iati.config import STATUS_CODES, IatiConfig, iati_config
from programme.models import PhasePartner, ProgrammePage, ProgrammePhasePage

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
VERSION = "2.03"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _narratives(parent: ET.Element, texts: dict[str, str], default_language: str) -> None:
    for language, text in texts.items():
        narrative = _sub(parent, "narrative", text)
        if language != default_language:
            narrative.set(XML_LANG, language)


def _translations(page: Page) -> list[Page]:
    """The page's publicly visible versions, source language first."""
    pages = visible_pages(
        Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    ).specific()
    return sorted(pages, key=lambda p: (p.locale_id != page.locale_id, p.locale.language_code))


def _percentages(count: int) -> list[Decimal]:
    """``count`` shares adding up to exactly 100 (IATI's rule for countries and sectors)."""
    if count == 0:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    shares = [share] * (count - 1)
    return shares + [Decimal(100) - sum(shares)]


def _iso(day: datetime.date) -> str:
    return day.isoformat()


class ActivityWriter:
    def __init__(self, config: IatiConfig, today: datetime.date):
        self.config = config
        self.today = today

    def activity(
        self,
        root,
        page,
        identifier: str,
        hierarchy: str,
        default_language: str,
        last_updated: datetime.datetime | None,
    ) -> ET.Element:
        activity = _sub(root, "iati-activity", hierarchy=hierarchy)
        activity.set(XML_LANG, default_language)
        if last_updated is not None:
            activity.set("last-updated-datetime", last_updated.replace(microsecond=0).isoformat())
        _sub(activity, "iati-identifier", identifier)
        reporting = _sub(
            activity,
            "reporting-org",
            ref=self.config.reporting_org_ref,
            type=self.config.reporting_org_type,
        )
        _narratives(
            reporting,
            self.config.reporting_org_name or {default_language: self.config.reporting_org_ref},
            default_language,
        )
        return activity

    def texts(
        self, activity, versions: list[Page], summary_field: str, default_language: str
    ) -> None:
        _narratives(
            _sub(activity, "title"),
            {p.locale.language_code: p.title for p in versions},
            default_language,
        )
        descriptions = {
            p.locale.language_code: getattr(p, summary_field) or p.title for p in versions
        }
        _narratives(_sub(activity, "description", type="1"), descriptions, default_language)

    def participating(self, activity, links: list[PhasePartner], default_language: str) -> None:
        """The partners of the phases, each with its IATI role; partners that are not
        publicly visible are left out. IATI requires one participating organisation at
        least: with none, the reporting organisation stands in (``reporting_org_role``)."""
        seen = set()
        for link in links:
            role = self.config.role_codes.get(link.role)
            if role is None or (link.partner_id, role) in seen:
                continue
            partner = link.partner.specific
            names = {p.locale.language_code: p.title for p in _translations(partner)}
            if not names:
                continue
            seen.add((link.partner_id, role))
            attrs = {"role": role}
            org_type = self.config.org_types.get(partner.kind)
            if org_type:
                attrs["type"] = org_type
            _narratives(_sub(activity, "participating-org", **attrs), names, default_language)
        if not seen:
            org = _sub(
                activity,
                "participating-org",
                ref=self.config.reporting_org_ref,
                role=self.config.reporting_org_role,
                type=self.config.reporting_org_type,
            )
            _narratives(
                org,
                self.config.reporting_org_name or {default_language: self.config.reporting_org_ref},
                default_language,
            )

    def status_and_dates(self, activity, status: str, start, end) -> None:
        _sub(activity, "activity-status", code=STATUS_CODES[status])
        if start is not None:
            started = start <= self.today
            _sub(activity, "activity-date", iso_date=_iso(start), type="2" if started else "1")
        if end is not None:
            ended = end < self.today
            _sub(activity, "activity-date", iso_date=_iso(end), type="4" if ended else "3")

    def places_and_sectors(self, activity, countries, themes) -> None:
        countries = sorted({c.slug: c for c in countries}.values(), key=lambda c: c.slug)
        for country, share in zip(countries, _percentages(len(countries)), strict=True):
            _sub(activity, "recipient-country", code=country.code, percentage=str(share))
        sectors = sorted({t.dac_sector for t in themes if t.dac_sector})
        for code, share in zip(sectors, _percentages(len(sectors)), strict=True):
            _sub(activity, "sector", vocabulary="1", code=code, percentage=str(share))

    def budget(self, activity, phase: ProgrammePhasePage) -> None:
        if phase.budget_amount is None or phase.start_date is None:
            return
        end = phase.end_date or phase.start_date.replace(year=phase.start_date.year + 1)
        budget = _sub(activity, "budget", type="1", status=self.config.budget_status)
        _sub(budget, "period-start", iso_date=_iso(phase.start_date))
        _sub(budget, "period-end", iso_date=_iso(end))
        _sub(
            budget,
            "value",
            str(phase.budget_amount),
            currency=phase.budget_currency,
            value_date=_iso(phase.start_date),
        )


def _programme_status(phases: list[ProgrammePhasePage]) -> str:
    statuses = {phase.status for phase in phases}
    if "active" in statuses:
        return "active"
    if statuses and statuses <= {"closed"}:
        return "closed"
    return "planned" if statuses else "active"


def build_document(
    config: IatiConfig | None = None, today: datetime.date | None = None
) -> ET.Element:
    config = config or iati_config()
    today = today or timezone.localdate()
    writer = ActivityWriter(config, today)
    root = ET.Element(
        "iati-activities",
        {
            "version": VERSION,
            "generated-datetime": timezone.now().replace(microsecond=0).isoformat(),
        },
    )
    programmes = visible_pages(
        ProgrammePage.objects.filter(locale__language_code=_default_language())
    ).order_by("path")
    for programme in programmes:
        _programme(writer, root, programme, config)
    return root


def _default_language() -> str:
    return settings.LANGUAGE_CODE.split("-")[0]


def _programme(writer: ActivityWriter, root, programme: ProgrammePage, config) -> None:
    language = programme.locale.language_code
    phases = list(
        programme.phases().prefetch_related(
            "country_items__tag", "theme_items__tag", "phase_partners__partner"
        )
    )
    identifier = config.programme_identifier(programme)
    links = [link for phase in phases for link in phase.phase_partners.all()]
    activity = writer.activity(
        root, programme, identifier, "1", language, programme.last_published_at
    )
    writer.texts(activity, _translations(programme), "summary", language)
    writer.participating(activity, links, language)
    starts = [p.start_date for p in phases if p.start_date]
    ends = [p.end_date for p in phases if p.end_date]
    open_ended = any(p.end_date is None for p in phases)
    writer.status_and_dates(
        activity,
        _programme_status(phases),
        min(starts, default=None),
        None if open_ended else max(ends, default=None),
    )
    writer.places_and_sectors(
        activity,
        [item.tag for phase in phases for item in phase.country_items.all()],
        [item.tag for phase in phases for item in phase.theme_items.all()],
    )
    for phase in phases:
        _sub(activity, "related-activity", ref=config.phase_identifier(programme, phase), type="2")
    for phase in phases:
        phase_activity = writer.activity(
            root,
            phase,
            config.phase_identifier(programme, phase),
            "2",
            language,
            phase.last_published_at,
        )
        writer.texts(phase_activity, _translations(phase), "summary", language)
        writer.participating(phase_activity, list(phase.phase_partners.all()), language)
        writer.status_and_dates(phase_activity, phase.status, phase.start_date, phase.end_date)
        writer.places_and_sectors(
            phase_activity,
            [i.tag for i in phase.country_items.all()],
            [i.tag for i in phase.theme_items.all()],
        )
        writer.budget(phase_activity, phase)
        _sub(phase_activity, "related-activity", ref=identifier, type="1")


def render(config: IatiConfig | None = None, today: datetime.date | None = None) -> bytes:
    root = build_document(config, today)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
