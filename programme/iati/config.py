"""What the IATI export needs to know that the content does not say: who reports, how its
activities are identified, and how the programme's partner roles and kinds map to IATI
codes. All from ``settings.IATI`` (site/portal/settings.py, environment-driven)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings

#: PhasePartner.Role -> IATI OrganisationRole code (1 funding, 2 accountable, 3 extending,
#: 4 implementing). IATI has no "beneficiary" role: a beneficiary government agency is
#: accountable for the activity in its country; an associate extends it.
DEFAULT_ROLE_CODES = {"funding": "1", "beneficiary": "2", "associate": "3", "implementing": "4"}
#: PartnerOrganisationPage.Kind -> IATI OrganisationType code.
DEFAULT_ORG_TYPES = {
    "government": "10",  # government
    "civil_society": "22",  # national NGO
    "implementing": "15",  # other public sector
    "donor": "40",  # multilateral (the EU reports as such)
    "international": "40",  # multilateral
}
#: Page status -> IATI ActivityStatus code.
STATUS_CODES = {"planned": "1", "active": "2", "closed": "4"}


@dataclass
class IatiConfig:
    reporting_org_ref: str = "XX-EXAMPLE-1"
    reporting_org_type: str = "10"
    reporting_org_name: dict[str, str] = field(default_factory=dict)
    reporting_org_role: str = "4"  # its role where no public partner is named
    programme_id: str = "{org}-{programme}"
    phase_id: str = "{org}-{programme}-{phase}"
    budget_status: str = "2"  # committed
    role_codes: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_ROLE_CODES))
    org_types: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_ORG_TYPES))

    def programme_identifier(self, programme) -> str:
        return self.programme_id.format(
            org=self.reporting_org_ref, programme=programme.acronym or programme.slug
        )

    def phase_identifier(self, programme, phase) -> str:
        return self.phase_id.format(
            org=self.reporting_org_ref,
            programme=programme.acronym or programme.slug,
            phase=phase.number,
        )


def iati_config() -> IatiConfig:
    values = dict(getattr(settings, "IATI", {}))
    known = IatiConfig.__dataclass_fields__
    unknown = set(values) - set(known)
    if unknown:
        raise ValueError(f"settings.IATI: unknown keys {sorted(unknown)}")
    return IatiConfig(**values)
