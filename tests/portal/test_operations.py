"""Operations: Prometheus metrics at /metrics (restricted), a request id in every response and
log line, JSON logs, and `manage.py check --deploy` clean with production settings."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from pythonjsonlogger.json import JsonFormatter

from portal.request_id import HEADER, RequestIdFilter, RequestIdMiddleware
from portal.webhooks.models import Webhook, WebhookDelivery
from tests.processes import ROOT

pytestmark = pytest.mark.django_db


def test_metrics_from_the_machine_itself(client, home):
    client.get("/healthz")
    hook = Webhook.objects.create(name="Down", url="http://127.0.0.1:9/", secret="s")
    for status in ("failed", "failed", "delivered"):
        WebhookDelivery.objects.create(webhook=hook, event="page.published", payload={},
                                       status=status)
    response = client.get("/metrics")
    assert response.status_code == 200
    text = response.content.decode()
    assert "django_http_requests_total_by_method_total" in text
    assert "django_http_requests_latency_seconds_by_view_method_bucket" in text
    assert 'newsroom_webhook_deliveries{status="failed"} 2.0' in text
    assert 'newsroom_webhook_deliveries{status="delivered"} 1.0' in text
    assert 'newsroom_task_queue_depth{backend="database"} 0.0' in text
    assert "no-cache" in response["Cache-Control"]


@override_settings(METRICS_TOKEN="scrape-token-123")
def test_metrics_elsewhere_need_the_token(client):
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.5").status_code == 403
    # Through a proxy on the same machine: the proxy's loopback address proves nothing.
    assert client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.5"}).status_code == 403
    wrong = {"Authorization": "Bearer nope"}
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.5", headers=wrong).status_code == 403
    right = {"Authorization": "Bearer scrape-token-123"}
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.5", headers=right).status_code == 200


def test_every_response_carries_a_request_id(client):
    fresh = client.get("/healthz")[HEADER]
    assert len(fresh) == 32 and fresh != client.get("/healthz")[HEADER]
    given = "lb-7f3a9c21-0001"
    assert client.get("/healthz", headers={HEADER: given})[HEADER] == given
    hostile = client.get("/healthz", headers={HEADER: "x\" onload=alert(1)"})[HEADER]
    assert hostile != "x\" onload=alert(1)" and len(hostile) == 32


def test_json_log_lines_carry_the_request_id():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    conf = settings.LOGGING["formatters"]["json"]
    handler.setFormatter(JsonFormatter(conf["format"], rename_fields=conf["rename_fields"]))
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("portal.test_operations")
    logger.addHandler(handler)

    def view(request):
        logger.warning("inside the request")
        return HttpResponse("ok")

    try:
        request = RequestFactory().get("/", headers={HEADER: "req-12345678"})
        response = RequestIdMiddleware(view)(request)
        logger.warning("outside any request")
    finally:
        logger.removeHandler(handler)
    inside, outside = (json.loads(line) for line in stream.getvalue().splitlines())
    assert response[HEADER] == "req-12345678"
    assert inside["request_id"] == "req-12345678" and inside["message"] == "inside the request"
    assert inside["level"] == "WARNING" and inside["logger"] == "portal.test_operations"
    assert outside["request_id"] == "-"


def test_check_deploy_is_clean_with_production_settings():
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process: not a deployment's.
    harness = ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in harness}
    env.update(
        DEBUG="false",
        HTTPS="true",
        SECRET_KEY="production-like-" + "q7Vn2xK9pL4wR8zT" * 4,
        ALLOWED_HOSTS="news.example.org",
        LOG_FORMAT="json",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
