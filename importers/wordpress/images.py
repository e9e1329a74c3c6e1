"""WordPress attachments into Wagtail's image library. The file comes from the export itself
(a ``data:`` URL or a local path), from a local copy of ``wp-content/uploads`` (``--uploads``),
or, in production, from its http(s) URL."""

from __future__ import annotations

import base64
import re
import urllib.request
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.files.images import ImageFile, get_image_dimensions
from wagtail.images import get_image_model

MAX_BYTES = 25 * 1024 * 1024
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")


def image_url_key(url: str) -> str:
    """The same key for an image and its resized copies: ``photo-300x200.jpg`` is
    ``photo.jpg`` (WordPress puts the resized ones in the post's HTML)."""
    path = unquote(urlparse(url).path if "://" in url else url)
    return _SIZE_SUFFIX.sub("", path).lower()


def attachment_bytes(url: str, uploads: Path | None, allow_download: bool) -> tuple[bytes, str]:
    if url.startswith("data:"):
        header, _, payload = url.partition(",")
        extension = re.search(r"image/(\w+)", header)
        return base64.b64decode(payload), f"image.{extension.group(1) if extension else 'bin'}"
    parsed = urlparse(url)
    name = Path(unquote(parsed.path)).name or "image"
    if parsed.scheme in ("", "file"):
        path = Path(unquote(parsed.path))
        if path.is_file():
            return path.read_bytes(), name
    if uploads is not None:
        rest = unquote(parsed.path).split("/wp-content/uploads/", 1)
        candidates = [uploads / rest[1]] if len(rest) == 2 else []
        candidates.append(uploads / name)
        for candidate in candidates:
            if candidate.resolve().is_relative_to(uploads.resolve()) and candidate.is_file():
                return candidate.read_bytes(), name
    if parsed.scheme in ("http", "https") and allow_download:
        with urllib.request.urlopen(url, timeout=30) as response:
            data = response.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ValueError(f"{url}: larger than {MAX_BYTES} bytes")
        return data, name
    raise FileNotFoundError(f"{url}: no local file (give --uploads, or allow downloads)")


def save_image(title: str, data: bytes, filename: str, image=None):
    """A new image, or ``image`` with its file and title replaced."""
    file = ImageFile(BytesIO(data), name=filename)
    width, height = get_image_dimensions(file)
    if not width or not height:
        raise ValueError(f"{filename}: not an image Wagtail can read")
    image = image or get_image_model()()
    image.title = title[:255] or filename
    image.file = file
    image.file_size = len(data)
    image.save()
    return image
