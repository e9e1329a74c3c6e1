"""Programme content, one module per concern (the package re-exports the model classes so
``from programme.models import ProgrammePage`` works as for any Django app):

- ``vocabularies``: country and theme tags, theme labels, what tagged pages share;
- ``attached_tags``: the tags of a whole list of pages in one query;
- ``boilerplates``: reusable texts (snippet) and the field articles choose one with;
- ``phases``: the programme, its phases and the partners' roles per phase;
- ``partners``: partner organisations and their index;
- ``contacts``: donor contact offices with phones and social links, and their index;
- ``reader``: the reader's language, the visibility rule, pages in the reader's locale.

Modules of this package import one another directly, never through this one.
"""

# The order below is the order models register in, which content types, Wagtail's page type
# list and the API schema's page type enums follow: keep it (vocabularies, boilerplates,
# phases, partners, contacts, as in the single module this package replaced).
# isort: off
from programme.models.vocabularies import CountryTag, ThemeLabel, ThemeTag
from programme.models.boilerplates import Boilerplate
from programme.models.phases import (
    PhaseCountry,
    PhasePartner,
    PhaseTheme,
    ProgrammePage,
    ProgrammePhasePage,
)
from programme.models.partners import PartnerIndexPage, PartnerOrganisationPage, PartnerTheme
from programme.models.contacts import (
    ContactIndexPage,
    ContactPhone,
    ContactSocialLink,
    DonorContactPage,
)

# isort: on

__all__ = [
    "Boilerplate",
    "ContactIndexPage",
    "ContactPhone",
    "ContactSocialLink",
    "CountryTag",
    "DonorContactPage",
    "PartnerIndexPage",
    "PartnerOrganisationPage",
    "PartnerTheme",
    "PhaseCountry",
    "PhasePartner",
    "PhaseTheme",
    "ProgrammePage",
    "ProgrammePhasePage",
    "ThemeLabel",
    "ThemeTag",
]
