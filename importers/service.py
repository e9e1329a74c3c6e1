"""From a parsed release to what the site stores: boilerplates and the contact matched to
existing ones, countries and themes found, the body as editable markup. The admin view
shows this for correction; the bulk command uses it as it is."""

from __future__ import annotations

from dataclasses import dataclass, field

from importers import matching
from importers.builder import BOILERPLATE_FIELDS, NewsDraft
from importers.markup import release_to_markup
from importers.parsing.release import ParsedRelease


@dataclass
class Matched:
    draft: NewsDraft
    texts: dict[str, str] = field(default_factory=dict)  # boilerplate field -> text found
    unmatched: list[str] = field(default_factory=list)  # parts offered as new
    contact_text: str = ""


def boilerplate_texts(release: ParsedRelease) -> dict[str, str]:
    return {
        "about_programme": release.about,
        "implementer_credit": "\n\n".join(release.implementer_credit),
        "funder_credit": "\n\n".join(release.funder_credit),
        "donor_boilerplate": "\n\n".join(release.donor_boilerplate),
    }


def match_release(release: ParsedRelease, locale=None) -> Matched:
    texts = boilerplate_texts(release)
    boilerplates = {}
    unmatched = []
    for name, kind in BOILERPLATE_FIELDS.items():
        found = matching.match_boilerplate(texts[name], kind, locale) if texts[name] else None
        boilerplates[name] = found
        if texts[name] and found is None:
            unmatched.append(name)
    contact = None
    contact_text = ""
    if release.contact is not None:
        contact_text = "\n".join(release.contact.lines)
        contact = matching.match_contact(release.contact.emails, release.contact.office, locale)
        if contact is None and locale is not None:
            contact = matching.match_contact(release.contact.emails, release.contact.office)
        if contact is None:
            unmatched.append("media_contact")
    dateline = release.dateline
    draft = NewsDraft(
        title=release.title,
        kind=release.kind,
        dateline_place=dateline.place if dateline else "",
        publication_date=dateline.date if dateline else None,
        standfirst=release.standfirst,
        body=release_to_markup(release),
        boilerplates=boilerplates,
        media_contact=contact,
        countries=matching.find_countries(release.text, dateline.place if dateline else ""),
        themes=matching.find_themes(release.text),
    )
    return Matched(draft, texts, unmatched, contact_text)


def review_initial(matched: Matched) -> dict:
    """Initial data of ``forms.ReviewForm``."""
    draft = matched.draft
    initial = {
        "kind": draft.kind,
        "title": draft.title,
        "dateline_place": draft.dateline_place,
        "publication_date": draft.publication_date,
        "standfirst": draft.standfirst,
        "body": draft.body,
        "countries": [tag.pk for tag in draft.countries],
        "themes": [tag.pk for tag in draft.themes],
        "media_contact": draft.media_contact.pk if draft.media_contact else None,
        "contact_text": matched.contact_text,
    }
    for name in BOILERPLATE_FIELDS:
        initial[f"{name}_text"] = matched.texts.get(name, "")
        chosen = draft.boilerplates.get(name)
        initial[name] = chosen.pk if chosen else None
    return initial
