"""The admin login is throttled: repeated failures lock the account and the client address
out (django-axes through Wagtail's own /admin/login/), the lockout is logged, and an
administrator (or the cool-off) releases it.

The reproducer of issue #11 was: 30 wrong passwords in a row, then the right one logs in.
"""

from __future__ import annotations

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

PASSWORD = "the-right-pass-1"
LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    """Dozens of login attempts: a deliberately slow password hash would cost most of a
    minute and is not what these tests are about."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def other_editor(db, django_user_model):
    return django_user_model.objects.create_superuser("other", "other@example.org", PASSWORD)


def attempt(username: str, password: str, ip: str = "203.0.113.5") -> tuple[Client, object]:
    client = Client(REMOTE_ADDR=ip)
    response = client.post(LOGIN, {"username": username, "password": password})
    return client, response


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def fail(times: int, username: str = "editor", ip: str = "203.0.113.5") -> None:
    for _ in range(times):
        attempt(username, "wrong-password", ip)


def test_the_right_password_logs_in_through_wagtails_login(editor):
    client, response = attempt("editor", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert logged_in(client)


def test_six_wrong_passwords_then_the_right_one_is_refused(editor, caplog):
    caplog.set_level("WARNING", logger="axes")
    fail(6)
    client, response = attempt("editor", PASSWORD)
    assert response.status_code == 403
    assert not logged_in(client)
    html = response.content.decode()
    assert "Вход заблокирован" in html and "5 неудачных попыток" in html
    assert response["Retry-After"] == str(30 * 60)
    assert any("Locking out" in record.getMessage() for record in caplog.records)
    # The lock holds whatever is tried next: the admin stays closed.
    assert client.get("/admin/").status_code == 302


def test_four_failures_do_not_lock(editor):
    fail(4)
    client, response = attempt("editor", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_another_account_from_another_address_is_not_locked(editor, other_editor):
    fail(6, "editor", "203.0.113.5")
    client, response = attempt("other", PASSWORD, ip="198.51.100.7")
    assert response.status_code == 302 and logged_in(client)


def test_the_account_is_locked_from_every_address(editor):
    """A distributed guess at one account: failures from many addresses add up."""
    for n in range(5):
        fail(1, "editor", f"198.51.100.{n + 10}")
    client, response = attempt("editor", PASSWORD, ip="192.0.2.44")
    assert response.status_code == 403 and not logged_in(client)


def test_the_address_is_locked_for_every_account(editor, other_editor):
    """Password spraying: one address trying many accounts."""
    for n in range(5):
        fail(1, f"guess{n}", "203.0.113.9")
    client, response = attempt("other", PASSWORD, ip="203.0.113.9")
    assert response.status_code == 403 and not logged_in(client)


def test_an_administrator_releases_the_lock(editor):
    fail(6)
    assert attempt("editor", PASSWORD)[1].status_code == 403
    call_command("axes_reset_username", "editor", verbosity=0)
    call_command("axes_reset_ip", "203.0.113.5", verbosity=0)
    client, response = attempt("editor", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_axes_reset_releases_every_lock(editor):
    fail(6)
    call_command("axes_reset", verbosity=0)
    assert not AccessAttempt.objects.exists()
    assert attempt("editor", PASSWORD)[1].status_code == 302


def test_the_lock_ends_after_the_cool_off(editor, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
    fail(6)
    assert attempt("editor", PASSWORD)[1].status_code == 403
    long_ago = AccessAttempt.objects.first().attempt_time - datetime.timedelta(minutes=31)
    AccessAttempt.objects.update(attempt_time=long_ago)
    client, response = attempt("editor", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_without_cool_off_only_an_administrator_unlocks(editor, settings):
    settings.AXES_COOLOFF_TIME = None
    fail(6)
    response = attempt("editor", PASSWORD)[1]
    assert response.status_code == 403
    assert "Retry-After" not in response
    assert "Попросите администратора" in response.content.decode()


def test_lockouts_are_listed_in_the_django_admin(editor, admin_client):
    fail(6)
    response = admin_client.get("/django-admin/axes/accessattempt/")
    assert response.status_code == 200
    assert "203.0.113.5" in response.content.decode()


def test_login_without_a_request_is_not_throttled_but_works(editor, client):
    """Django's test client and shells authenticate without a request (not a visitor)."""
    assert client.login(username="editor", password=PASSWORD)
