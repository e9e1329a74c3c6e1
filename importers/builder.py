"""Create or update the draft news item of an import (never published: an editor reviews
and publishes it), and the boilerplates and contacts an import offers as new."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from html import escape

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from importers.markup import markup_to_blocks
from newsroom.models import NewsIndexPage, NewsPage
from programme.models import Boilerplate, ContactIndexPage, DonorContactPage
from programme.models.contacts import ContactPhone

BOILERPLATE_FIELDS = {
    "about_programme": Boilerplate.Kind.ABOUT_PROGRAMME,
    "implementer_credit": Boilerplate.Kind.IMPLEMENTER_CREDIT,
    "funder_credit": Boilerplate.Kind.FUNDER_CREDIT,
    "donor_boilerplate": Boilerplate.Kind.DONOR,
}


@dataclass
class NewsDraft:
    """What becomes the draft: the (corrected) parts of a release, matched to the site."""

    title: str
    kind: str = NewsPage.Kind.NEWS
    dateline_place: str = ""
    publication_date: datetime.date | None = None
    standfirst: str = ""
    body: str = ""  # importers.markup
    boilerplates: dict[str, Boilerplate | None] = field(default_factory=dict)
    media_contact: DonorContactPage | None = None
    countries: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    extra_blocks: list = field(default_factory=list)  # e.g. images, after the body
    blocks: list | None = None  # StreamField data instead of ``body`` markup (WordPress)
    hero_image: object | None = None
    slug: str = ""


def unique_slug(parent: Page, title: str, page: Page | None = None) -> str:
    base = (slugify(title, allow_unicode=True) or "item")[:70].strip("-") or "item"
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _aware(day: datetime.date | None) -> datetime.datetime | None:
    if day is None:
        return None
    if isinstance(day, datetime.datetime):
        return day if timezone.is_aware(day) else timezone.make_aware(day)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def _apply(page: NewsPage, draft: NewsDraft) -> None:
    page.title = draft.title[:255]
    page.kind = draft.kind
    page.dateline_place = draft.dateline_place[:100]
    page.publication_date = _aware(draft.publication_date)
    page.standfirst = draft.standfirst
    body = draft.blocks if draft.blocks is not None else markup_to_blocks(draft.body)
    page.body = list(body) + list(draft.extra_blocks)
    if draft.hero_image is not None:
        page.hero_image = draft.hero_image
    for name in BOILERPLATE_FIELDS:
        setattr(page, name, draft.boilerplates.get(name))
    page.media_contact = draft.media_contact
    page.countries.set(list(draft.countries))
    page.themes.set(list(draft.themes))


@transaction.atomic
def save_draft(
    draft: NewsDraft, parent: NewsIndexPage, user=None, page: NewsPage | None = None
) -> NewsPage:
    """A new draft under ``parent`` (in the newsroom's locale), or a new draft revision of
    ``page``: a live page keeps what readers see until an editor publishes the revision."""
    return save_news(draft, parent, user=user, page=page, publish=False)


@transaction.atomic
def save_news(
    draft: NewsDraft,
    parent: NewsIndexPage,
    user=None,
    page: NewsPage | None = None,
    publish: bool = False,
    translation_of: NewsPage | None = None,
) -> NewsPage:
    """Create or update a news item from ``draft`` and save a revision, published only
    when ``publish`` (a WordPress post that was public). ``translation_of``: the new page
    is that page's translation (same translation key) in ``parent``'s locale; an alias a
    synchronised tree made for it becomes the translation."""
    if page is None and translation_of is not None:
        existing = translation_of.get_translation_or_none(parent.locale)
        if existing is not None:
            page = existing.specific
            if page.alias_of_id is not None:
                page.alias_of = None
                page.live = False
    if page is None:
        page = NewsPage(live=False, has_unpublished_changes=True, owner=user)
        if translation_of is not None:
            page.translation_key = translation_of.translation_key
            page.locale = parent.locale
        _apply(page, draft)
        page.slug = unique_slug(parent, draft.slug or draft.title)
        parent.add_child(instance=page)
    else:
        if page.live and not publish:
            page = page.get_latest_revision_as_object()
        _apply(page, draft)
        if not page.live or publish:
            page.save()
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    return page


def create_boilerplate(kind: str, text: str, locale, title: str = "") -> Boilerplate:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    label = title or f"{Boilerplate.Kind(kind).label} ({timezone.localdate():%Y-%m-%d})"
    return Boilerplate.objects.create(kind=kind, title=label[:255], text=html, locale=locale)


def create_contact(
    index: ContactIndexPage,
    office: str,
    address: list[str],
    phones: list[str],
    emails: list[str],
    links: list[str],
) -> DonorContactPage:
    """A draft contact page from a release's contact block, for an editor to complete."""
    contact = DonorContactPage(
        title=office[:255] or "Contact",
        office_name=office[:255] or "Contact",
        street_address="; ".join(address)[:255],
        email=emails[0] if emails else "",
        website=next((link for link in links if "facebook" not in link), "")[:200],
        live=False,
        has_unpublished_changes=True,
    )
    contact.slug = unique_slug(index, contact.title)
    contact.phones = [ContactPhone(number=number[:32]) for number in phones]
    index.add_child(instance=contact)
    contact.save_revision(log_action=True)
    return contact
