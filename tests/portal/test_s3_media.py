"""Media on S3-compatible storage, against a real S3 server (moto in server mode, started on
a free port): an editor uploads an image in the admin, the original lands in the bucket, a
rendition is generated from it into the bucket, both are served from their URLs with a
cache-friendly Cache-Control, and deleting the image in the admin removes both objects."""

from __future__ import annotations

import io
import json
import signal
import urllib.request
from email.message import Message

import boto3
import pytest
from botocore.exceptions import ClientError
from django.conf import settings
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model

from portal.config import s3_storage_from_env
from tests.processes import manage, start, stop, wait_until
from tests.services import free_port

pytestmark = pytest.mark.django_db

BUCKET = "newsroom-media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}
CREDENTIALS = {"MEDIA_S3_ACCESS_KEY_ID": "testing", "MEDIA_S3_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    """moto's S3 server on a free port, stopped after the module."""
    import sys

    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    server = start(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], {}, log
    )
    url = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        try:
            with urllib.request.urlopen(f"{url}/moto-api/", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        wait_until(answers, 60, "the S3 server", (server,))
        yield url
    finally:
        stop(server, signal.SIGTERM)


@pytest.fixture
def s3_media(s3_server, monkeypatch):
    """The settings MEDIA_S3_* give, pointed at the test server, with an empty bucket."""
    env = {"MEDIA_S3_BUCKET": BUCKET, "MEDIA_S3_ENDPOINT_URL": s3_server, **CREDENTIALS}
    env["MEDIA_S3_REGION"] = "us-east-1"
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    try:
        client.create_bucket(Bucket=BUCKET)
    except ClientError:  # made by an earlier test of this module: empty it
        for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=item["Key"])
    # A public media bucket, as docs/deploy.md tells operators to set it up: anyone may read.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    storage = s3_storage_from_env()
    assert storage is not None
    with override_settings(STORAGES={**settings.STORAGES, "default": storage}):
        yield client


def png(width: int = 640, height: int = 480) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 30, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def exists(client, key: str) -> bool:
    try:
        client.head_object(Bucket=BUCKET, Key=key)
    except ClientError:
        return False
    return True


def fetch(url: str) -> tuple[int, Message, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_no_bucket_keeps_the_local_disk(monkeypatch):
    monkeypatch.delenv("MEDIA_S3_BUCKET", raising=False)
    assert s3_storage_from_env() is None
    assert settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")


def test_upload_rendition_serving_and_deletion_on_s3(
    s3_media, admin_client, home, django_capture_on_commit_callbacks
):
    client = s3_media
    upload = io.BytesIO(png())
    upload.name = "mission.png"
    response = admin_client.post(
        "/admin/images/add/", {"title": "Mission in Almaty", "file": upload}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Mission in Almaty")
    original = image.file.name
    assert original.startswith("original_images/mission")
    assert exists(client, original)  # in the bucket, not on the disk
    stored = client.head_object(Bucket=BUCKET, Key=original)
    assert stored["CacheControl"] == "public, max-age=31536000, immutable"

    rendition = image.get_rendition("fill-120x90")
    assert exists(client, rendition.file.name)
    assert rendition.url.startswith(f"{settings.STORAGES['default']['OPTIONS']['endpoint_url']}/")
    assert "Signature" not in rendition.url  # a plain URL a CDN and browsers can cache
    status, headers, body = fetch(rendition.url)
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert PILImage.open(io.BytesIO(body)).size == (120, 90)
    assert fetch(image.file.url)[2] == png()

    # The admin shows it from the bucket too.
    edit = admin_client.get(f"/admin/images/{image.pk}/")
    assert edit.status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/images/{image.pk}/delete/")
    assert response.status_code == 302
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not exists(client, original)
    assert not exists(client, rendition.file.name)


def test_the_settings_module_reads_the_bucket_from_the_environment(s3_server, tmp_path):
    """What a deployment gets: the settings module itself picks the S3 storage."""
    env = {
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_ENDPOINT_URL": s3_server,
        "MEDIA_S3_PUBLIC": "false",
        **CREDENTIALS,
    }
    import os

    code = (
        "from django.core.files.storage import default_storage as s; "
        "print(type(s._wrapped if hasattr(s, '_wrapped') else s).__name__, "
        "s.querystring_auth, s.file_overwrite)"
    )
    process = start(
        manage("shell", "-c", code), {**os.environ, **env, "DEBUG": "true"}, tmp_path / "o.log"
    )
    assert process.wait(timeout=120) == 0
    stop(process)
    assert (tmp_path / "o.log").read_text().strip().splitlines()[-1] == "S3Storage True False"
