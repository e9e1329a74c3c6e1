"""A WordPress export (WXR 1.2) for the tests, built here: ten stories in Russian and
English (Polylang's "language" and "post_translations" taxonomies), categories and tags,
images as attachments (local files and a data: URL), featured images, and links between
posts (one to an earlier post, one to a later one)."""

from __future__ import annotations

import base64
import io
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image as PILImage

SITE = "https://old.example.org"
CATEGORIES = [
    ("press-releases", "Press releases"),
    ("events", "Events"),
    ("news", "News"),
    ("kazakhstan", "Kazakhstan"),
    ("kyrgyzstan", "Кыргызстан"),
]


def png(color: tuple[int, int, int], size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def _category(domain: str, slug: str, name: str) -> str:
    return f'<category domain="{domain}" nicename="{slug}"><![CDATA[{name}]]></category>'


def _item(
    post_id,
    post_type,
    title,
    link,
    slug,
    status="publish",
    content="",
    excerpt="",
    terms=(),
    meta=(),
    attachment_url="",
    date="2016-05-03 08:00:00",
) -> str:
    parts = [
        f"<title>{escape(title)}</title>",
        f"<link>{escape(link)}</link>",
        f'<guid isPermaLink="false">{SITE}/?p={post_id}</guid>',
        f"<content:encoded><![CDATA[{content}]]></content:encoded>",
        f"<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>",
        f"<wp:post_id>{post_id}</wp:post_id>",
        f"<wp:post_date>{date}</wp:post_date>",
        f"<wp:post_date_gmt>{date}</wp:post_date_gmt>",
        f"<wp:post_name>{slug}</wp:post_name>",
        f"<wp:status>{status}</wp:status>",
        "<wp:post_parent>0</wp:post_parent>",
        f"<wp:post_type>{post_type}</wp:post_type>",
    ]
    if attachment_url:
        parts.append(f"<wp:attachment_url>{escape(attachment_url)}</wp:attachment_url>")
    parts += [_category(*term) for term in terms]
    parts += [
        f"<wp:postmeta><wp:meta_key>{k}</wp:meta_key><wp:meta_value><![CDATA[{v}]]>"
        f"</wp:meta_value></wp:postmeta>"
        for k, v in meta
    ]
    return "<item>" + "".join(parts) + "</item>"


def post_url(number: int, language: str) -> str:
    prefix = "/en" if language == "en" else ""
    return f"{SITE}{prefix}/2016/05/{number:02d}/story-{number}-{language}/"


def build_wxr(folder: Path) -> Path:
    """Write the export (and the image files it points to) into ``folder``."""
    images = []
    for number, color in enumerate([(200, 30, 30), (30, 200, 30), (30, 30, 200)], start=1):
        file = folder / "uploads" / "2016" / "05" / f"photo-{number}.png"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(png(color))
        images.append(
            (
                900 + number,
                f"Photo {number}",
                f"{SITE}/wp-content/uploads/2016/05/photo-{number}.png",
            )
        )
    data_url = "data:image/png;base64," + base64.b64encode(png((250, 200, 0))).decode()
    images.append((904, "Inline logo", data_url))
    items = [
        _item(
            pid,
            "attachment",
            title,
            f"{SITE}/?attachment_id={pid}",
            f"photo-{pid}",
            status="inherit",
            attachment_url=url,
        )
        for pid, title, url in images
    ]
    kinds = ["press-releases", "events", "news"]
    for number in range(1, 11):
        group = f"pll_group{number}"
        for language, offset, name in (("ru", 0, "Русский"), ("en", 100, "English")):
            post_id = number + offset
            kind = kinds[number % 3]
            terms = [
                ("category", kind, kind.title()),
                ("language", language, name),
                ("post_translations", group, group),
            ]
            if number % 2:
                terms.append(("category", "kazakhstan", "Kazakhstan"))
            else:
                terms.append(("category", "kyrgyzstan", "Кыргызстан"))
            terms.append(
                ("post_tag", "prevention", "Профилактика" if language == "ru" else "Prevention")
            )
            title = f"Новость {number}" if language == "ru" else f"Story {number}"
            content = f"First paragraph of story {number} ({language}).\n\nSecond <b>bold</b> one."
            if number == 2:
                content += f'\n\nSee <a href="{post_url(1, language)}">the first story</a>.'
            if number == 1:
                content += f'\n\nSee also <a href="{post_url(5, language)}">story five</a>.'
            if number == 3:
                content += (
                    f'\n\n<figure><img src="{SITE}/wp-content/uploads/2016/05/'
                    f'photo-2-300x200.png" alt="A meeting"/><figcaption>The meeting'
                    "</figcaption></figure>"
                )
                content += f'\n\n<p><img src="{data_url}"/></p>'
            if number == 4:
                content += (
                    "\n\n<blockquote><p>Prevention starts at school.</p>"
                    "<cite>Jane Doe, Director, Republican Centre</cite></blockquote>"
                )
            meta = [("_thumbnail_id", str(901 + number % 3))] if number <= 6 else []
            status = "draft" if number == 10 else "publish"
            items.append(
                _item(
                    post_id,
                    "post",
                    title,
                    post_url(number, language),
                    f"story-{number}-{language}",
                    status=status,
                    content=content,
                    excerpt=f"Lead of story {number}.",
                    terms=terms,
                    meta=meta,
                    date=f"2016-05-{number:02d} 08:00:00",
                )
            )
    categories = "".join(
        f"<wp:category><wp:category_nicename>{slug}</wp:category_nicename>"
        f"<wp:cat_name><![CDATA[{name}]]></wp:cat_name></wp:category>"
        for slug, name in CATEGORIES
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        f"<title>Old programme site</title><link>{SITE}</link>"
        f"<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{SITE}</wp:base_site_url>"
        f"<wp:base_blog_url>{SITE}</wp:base_blog_url>{categories}{''.join(items)}"
        "</channel></rss>"
    )
    path = folder / "export.xml"
    path.write_text(document, encoding="utf-8")
    return path
