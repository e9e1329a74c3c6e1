"""Images for the demo content, drawn with Pillow (nothing is downloaded, nothing to license):
abstract illustrations for the news, the programme and its phases, text logos for the
partners.

Each image is made once (found again by its title on the next run), with a description in
the image library, and attached to every language's page that has none yet. The
illustrations say nothing a reader would miss, so the pages mark them decorative
(``alt=""``); the logos' alt text is the partner's name (templates).
"""

from __future__ import annotations

import hashlib
import io
import math

from django.core.files.images import ImageFile
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from newsroom.models import NewsPage
from programme.models import PartnerOrganisationPage, ProgrammePage, ProgrammePhasePage

PALETTE = ["#003399", "#0b4ea2", "#1d6f8c", "#2a7d4f", "#5a2d82", "#a4471d", "#00236b"]
GOLD = "#FFCC00"
FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def _font(size: int) -> ImageFont.ImageFont:
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _seed(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def illustration(key: str, width: int = 1600, height: int = 900) -> bytes:
    """An abstract, calm composition of circles and bands, different for each key."""
    seed = _seed(key)
    base = PALETTE[seed % len(PALETTE)]
    img = PILImage.new("RGB", (width, height), base)
    draw = ImageDraw.Draw(img, "RGBA")
    for i in range(9):
        s = _seed(f"{key}-{i}")
        cx, cy = s % width, (s // width) % height
        r = 120 + s % 380
        alpha = 40 + s % 60
        colour = (255, 255, 255, alpha) if i % 3 else (255, 204, 0, alpha + 40)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)
    for i in range(12):  # a ring of twelve points, the programme's visual motif
        a = math.radians(30 * i)
        x, y = width * 0.78 + 160 * math.cos(a), height * 0.5 + 160 * math.sin(a)
        draw.ellipse((x - 14, y - 14, x + 14, y + 14), fill=GOLD)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def text_logo(name: str, acronym: str) -> bytes:
    """A logo drawn from the organisation's acronym or initials, on a transparent ground."""
    label = (acronym or "".join(w[0] for w in name.split()[:3])).upper()[:8]
    colour = PALETTE[_seed(name) % len(PALETTE)]
    img = PILImage.new("RGBA", (480, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((8, 48, 152, 192), radius=28, fill=colour)
    draw.ellipse((52, 92, 108, 148), outline=GOLD, width=10)
    font = _font(84 if len(label) <= 4 else 56)
    draw.text((176, 120), label, font=font, fill=colour, anchor="lm")
    buffer = io.BytesIO()
    img.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _image(title: str, description: str, filename: str, data: bytes):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=description[:255])
        image.file = ImageFile(io.BytesIO(data), name=filename)
        image.save()
    return image


#: The demo's illustrations are abstract (circles and bands): decorative, so they get
#: ``alt=""``; the credit is written in each page's language.
DEMO_CREDIT = _("Illustration: Programme Newsroom demo")
ENGLISH_CREDIT = "Illustration: Programme Newsroom demo"
HERO_PAGE_TYPES = {"news": NewsPage, "programme": ProgrammePage, "phase": ProgrammePhasePage}


def _attach_hero(page, kind: str) -> bool:
    """Give a page its illustration and the credit in its language; False when it has
    both already (a demo loaded before the credit was translated gets it now)."""
    with translation.override(page.locale.language_code):
        credit = str(DEMO_CREDIT)
    stale_credit = page.hero_credit == ENGLISH_CREDIT and credit != ENGLISH_CREDIT
    if page.hero_image_id and not stale_credit:
        return False
    if not page.hero_image_id:
        source = page.get_translation(page.locale.get_default())
        key = source.translation_key.hex
        page.hero_image = _image(
            f"demo-{kind}-{key}",
            f"Illustration: {source.title}",
            f"demo-{kind}-{key[:12]}.jpg",
            illustration(key),
        )
        page.hero_decorative = True
    if not page.hero_credit or stale_credit:
        page.hero_credit = credit
    page.save_revision().publish()
    return True


def attach_demo_images(stdout=None) -> int:
    """Give every demo news item, the programme and its phases a hero image, and every
    partner a logo; returns how many pages changed."""
    changed = 0
    for kind, model in HERO_PAGE_TYPES.items():
        for page in model.objects.filter(alias_of__isnull=True).select_related("locale"):
            changed += _attach_hero(page, kind)
    for page in PartnerOrganisationPage.objects.filter(logo__isnull=True, alias_of__isnull=True):
        key = page.translation_key.hex
        name = page.title
        image = _image(
            f"demo-logo-{key}",
            f"Logo: {name}",
            f"demo-logo-{key[:12]}.png",
            text_logo(name, getattr(page, "acronym", "")),
        )
        page.logo = image
        page.save_revision().publish()
        changed += 1
    if stdout is not None:
        stdout.write(f"Demo images: {changed} pages given an image.")
    return changed
