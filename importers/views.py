"""Admin view "Import a press release": paste or upload, see the parsed parts beside the
source, correct them, and get a draft news item (never a published page)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from importers import parsing
from importers.builder import (
    BOILERPLATE_FIELDS,
    NewsDraft,
    create_boilerplate,
    create_contact,
    save_draft,
)
from importers.forms import ReviewForm, SourceForm
from importers.markup import MarkupError, markup_to_blocks
from importers.parsing.sources import Block
from importers.service import match_release, review_initial
from newsroom.models import NewsIndexPage, NewsPage
from programme.models import Boilerplate

TEMPLATE = "importers/admin/import_press_release.html"


def _can_add_news(user) -> bool:
    return (
        user.is_superuser
        or user.has_perm("wagtailadmin.access_admin")
        and any(
            index.permissions_for_user(user).can_add_subpage()
            for index in NewsIndexPage.objects.all()[:50]
        )
    )


def _render(request: HttpRequest, context: dict, status: int = 200) -> TemplateResponse:
    context = {
        "page_title": _("Import a press release"),
        "header_title": _("Import a press release"),
        "header_icon": "upload",
        "page_subtitle": _("Paste or upload; check the parts; get a draft."),
        **context,
    }
    return TemplateResponse(request, TEMPLATE, context, status=status)


def _part_label(name: str) -> str:
    if name == "media_contact":
        return str(NewsPage._meta.get_field("media_contact").verbose_name)
    return str(Boilerplate.Kind(BOILERPLATE_FIELDS[name]).label)


def _source_text(blocks: list[Block]) -> str:
    return "\n\n".join("\n".join(block.lines) for block in blocks)


def import_press_release(request: HttpRequest) -> HttpResponse:
    if not _can_add_news(request.user):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("step") == "create":
        return _create(request)
    if request.method != "POST":
        return _render(request, {"source_form": SourceForm()})
    form = SourceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, {"source_form": form}, status=400)
    upload = form.cleaned_data.get("file")
    data = upload.read() if upload is not None else form.cleaned_data["text"]
    name = upload.name if upload is not None else ""
    fmt = form.cleaned_data.get("format") or parsing.guess_format(name, data)
    try:
        blocks = parsing.read(data, fmt)
    except parsing.UnreadableSource as error:
        form.add_error("file" if upload else "text", _("Cannot read it: %(e)s") % {"e": error})
        return _render(request, {"source_form": form}, status=400)
    release = parsing.parse_blocks(blocks, parsing.default_year_from(_source_text(blocks[:8])))
    if not release.title:
        form.add_error(None, _("No title was found: is this a press release?"))
        return _render(request, {"source_form": form}, status=400)
    newsrooms = NewsIndexPage.objects.filter(locale__language_code=release.language)
    newsroom = newsrooms.first() or NewsIndexPage.objects.first()
    matched = match_release(release, newsroom.locale if newsroom else None)
    initial = review_initial(matched)
    initial.update(newsroom=newsroom.pk if newsroom else None, source=_source_text(blocks))
    context = {
        "review_form": ReviewForm(initial=initial),
        "release": release,
        "source": initial["source"],
        "unmatched": [_part_label(name) for name in matched.unmatched],
        "unmatched_fields": matched.unmatched,
    }
    return _render(request, context)


def _create(request: HttpRequest) -> HttpResponse:
    form = ReviewForm(request.POST)
    blocks_error = None
    if form.is_valid():
        try:
            markup_to_blocks(form.cleaned_data["body"])
        except MarkupError as error:
            blocks_error = str(error)
            form.add_error("body", blocks_error)
    if form.is_valid():
        newsroom = form.cleaned_data["newsroom"]
        if not newsroom.permissions_for_user(request.user).can_add_subpage():
            form.add_error("newsroom", _("You may not add items to this newsroom."))
    if not form.is_valid():
        context = {"review_form": form, "source": request.POST.get("source", "")}
        return _render(request, context, status=400)
    page = _save(form.cleaned_data, request.user)
    messages.success(
        request, _("Draft “%(title)s” created: review it and publish.") % {"title": page.title}
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def _save(data: dict, user) -> NewsPage:
    newsroom = data["newsroom"]
    locale = newsroom.locale
    boilerplates = {}
    for name, kind in BOILERPLATE_FIELDS.items():
        chosen = data.get(name)
        if data.get(f"{name}_create"):
            chosen = create_boilerplate(kind, data[f"{name}_text"], locale)
        boilerplates[name] = chosen
    contact = data.get("media_contact")
    if data.get("create_contact"):
        lines = [line for line in data["contact_text"].splitlines() if line.strip()]
        found = parsing.release.parse_contact(lines, [])
        contact = create_contact(
            data["contact_index"],
            found.office,
            found.address,
            found.phones,
            found.emails,
            found.links,
        )
    draft = NewsDraft(
        title=data["title"],
        kind=data["kind"],
        dateline_place=data["dateline_place"],
        publication_date=data["publication_date"],
        standfirst=data["standfirst"],
        body=data["body"],
        boilerplates=boilerplates,
        media_contact=contact,
        countries=list(data["countries"]),
        themes=list(data["themes"]),
    )
    return save_draft(draft, newsroom, user=user)
