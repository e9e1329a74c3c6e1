"""Import a WordPress export: attachments first (images), then posts in translation groups
(the default language's post first, its translations linked to it), then a last pass for
links to posts that were imported after the post linking to them. Old URLs become Wagtail
redirects. Each attachment and post is one item of an ``ImportRun`` (own transaction,
idempotent by source key)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from django.db import transaction
from django.utils.html import strip_tags
from wagtail.contrib.redirects.models import Redirect

from importers.builder import NewsDraft, save_news
from importers.models import ImportRecord
from importers.runner import ImportRun, checksum
from importers.wordpress.content import BodyConverter
from importers.wordpress.images import attachment_bytes, image_url_key, save_image
from importers.wordpress.rules import Rules
from importers.wordpress.wxr import Export, Item
from newsroom.models import NewsIndexPage, NewsPage

PUBLISHED = "publish"
SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}


@dataclass
class Options:
    newsrooms: dict[str, NewsIndexPage]
    default_language: str
    rules: Rules
    uploads: Path | None = None
    allow_download: bool = True


class WordPressImport:
    def __init__(self, export: Export, options: Options, run: ImportRun):
        self.export = export
        self.options = options
        self.run = run
        self.host = urlparse(export.base_url).netloc or "wordpress"
        self.posts = [p for p in export.posts if p.status not in SKIPPED_STATUSES]
        self.url_keys: dict[str, str] = {}
        for post in self.posts:
            for url in (post.link, post.guid, f"/?p={post.id}"):
                if url:
                    self.url_keys[self._path(url)] = self.post_key(post)
        self.images: dict[str, object] = {}
        self.pending: dict[str, Item] = {}

    # --- keys and URLs ---------------------------------------------------------------------

    def post_key(self, post: Item) -> str:
        return f"wp:{self.host}:post:{post.id}"

    def attachment_key(self, item: Item) -> str:
        return f"wp:{self.host}:attachment:{item.id}"

    def _path(self, url: str) -> str:
        parsed = urlparse(url)
        path = parsed.path or "/"
        return Redirect.normalise_path(f"{path}?{parsed.query}" if parsed.query else path)

    def is_internal(self, url: str) -> bool:
        parsed = urlparse(url)
        return parsed.netloc in ("", self.host) and not url.startswith(("#", "mailto:"))

    def page_for_url(self, url: str) -> int | None:
        if not self.is_internal(url):
            return None
        key = self.url_keys.get(self._path(url))
        if key is None:
            return None
        return (
            ImportRecord.objects.filter(source_key=key, page__isnull=False)
            .values_list("page_id", flat=True)
            .first()
        )

    def image_for_url(self, url: str):
        return self.images.get(image_url_key(url))

    # --- the three passes -----------------------------------------------------------------

    def run_all(self) -> None:
        for item in self.export.attachments.values():
            self.run.item(
                f"image {item.id} {Path(urlparse(item.attachment_url).path).name}",
                self.attachment_key(item),
                checksum(item.attachment_url, item.title),
                lambda record, item=item: self._attachment(item, record),
            )
        for record in ImportRecord.objects.filter(
            source_key__in=[self.attachment_key(i) for i in self.export.attachments.values()],
            image__isnull=False,
        ).select_related("image"):
            item = self.export.attachments[int(record.source_key.rsplit(":", 1)[1])]
            self.images[image_url_key(item.attachment_url)] = record.image
        for post in self._in_translation_order():
            self.run.item(
                f"post {post.id} [{post.language or self.options.default_language}] "
                f"{post.title[:40]}",
                self.post_key(post),
                checksum(
                    post.title,
                    post.content,
                    post.excerpt,
                    post.status,
                    post.slug,
                    str(post.date),
                    post.language,
                    post.translation_group,
                    repr([(t.domain, t.slug) for t in post.terms]),
                    str(post.thumbnail_id),
                ),
                lambda record, post=post: self._post(post, record),
            )
        self._relink()

    def _in_translation_order(self) -> list[Item]:
        default = self.options.default_language
        groups: dict[str, list[Item]] = defaultdict(list)
        for post in self.posts:
            groups[post.translation_group or f"single:{post.id}"].append(post)
        ordered = []
        for members in groups.values():
            ordered += sorted(members, key=lambda p: ((p.language or default) != default, p.id))
        return ordered

    def _attachment(self, item: Item, record: ImportRecord | None) -> dict:
        data, filename = attachment_bytes(
            item.attachment_url, self.options.uploads, self.options.allow_download
        )
        image = save_image(item.title, data, filename, record.image if record else None)
        self.images[image_url_key(item.attachment_url)] = image
        return {"image": image, "note": filename}

    def _post(self, post: Item, record: ImportRecord | None) -> dict:
        language = post.language or self.options.default_language
        newsroom = self.options.newsrooms.get(language)
        if newsroom is None:
            raise ValueError(f"no newsroom for language {language!r}")
        converter = BodyConverter(self.image_for_url, self.page_for_url, self.is_internal)
        body = converter.convert(post.content)
        thumbnail = None
        if post.thumbnail_id and post.thumbnail_id in self.export.attachments:
            thumbnail = self.image_for_url(
                self.export.attachments[post.thumbnail_id].attachment_url
            )
        draft = NewsDraft(
            title=post.title or f"Post {post.id}",
            kind=self.options.rules.kind_of(post),
            publication_date=post.date,
            standfirst=strip_tags(post.excerpt).strip(),
            blocks=body.blocks,
            countries=self.options.rules.countries_of(post),
            themes=self.options.rules.themes_of(post),
            hero_image=thumbnail,
            slug=post.slug,
        )
        page = None
        if record is not None and record.page_id:
            page = NewsPage.objects.filter(pk=record.page_id).first()
        page = save_news(
            draft,
            newsroom,
            page=page,
            publish=post.status == PUBLISHED,
            translation_of=None if page else self._source_page(post),
        )
        for url in (post.link, post.guid):
            if url and self.is_internal(url):
                Redirect.objects.update_or_create(
                    old_path=self._path(url),
                    site=None,
                    defaults={"redirect_page": page, "is_permanent": True, "redirect_link": ""},
                )
        if body.unresolved_links:
            self.pending[self.post_key(post)] = post
        note = f"{draft.kind}, {len(body.blocks)} blocks, {body.images} images"
        return {"page": page, "note": note}

    def _source_page(self, post: Item) -> NewsPage | None:
        """The page of the post's translation in the default language, when it is another."""
        if not post.translation_group:
            return None
        default = self.options.default_language
        for other in self.posts:
            if (
                other.translation_group == post.translation_group
                and other.id != post.id
                and ((other.language or default) == default)
            ):
                record = ImportRecord.objects.filter(source_key=self.post_key(other)).first()
                if record is not None and record.page_id:
                    return NewsPage.objects.filter(pk=record.page_id).first()
        return None

    def _relink(self) -> None:
        """Rebuild the bodies whose links pointed at posts not imported yet."""
        fixed = 0
        for key, post in self.pending.items():
            record = ImportRecord.objects.filter(source_key=key).first()
            if record is None or record.page_id is None:
                continue
            converter = BodyConverter(self.image_for_url, self.page_for_url, self.is_internal)
            body = converter.convert(post.content)
            with transaction.atomic():
                page = NewsPage.objects.get(pk=record.page_id)
                page.body = body.blocks
                page.save()
                revision = page.save_revision(log_action=True)
                if post.status == PUBLISHED:
                    revision.publish()
            fixed += 1
        if fixed:
            self.run.report.append(f"links to later posts rewritten in {fixed} items")
