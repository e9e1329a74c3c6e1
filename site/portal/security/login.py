"""The admin login lockout (django-axes): failures are counted per account and per client
address, and a locked-out account or address cannot log in, even with the right password,
until the cool-off ends or an administrator releases it (docs/security.md)."""

from __future__ import annotations

import math

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

LOCKOUT_TEMPLATE = "portal/admin/lockout.html"


class LoginLockoutBackend(AxesStandaloneBackend):
    """Axes' backend, minus its refusal of ``authenticate()`` calls without a request.

    Every login a visitor can attempt (Wagtail's /admin/login/, Django's admin, password
    changes) passes the request, and axes checks those. A call without one never comes from
    a browser: Django's test client ``login()``, a shell, a management command. Axes raises
    for those to catch integrations that forgot the request; here they are simply not
    throttled, as there is no client to count.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The page a locked-out login gets (``AXES_LOCKOUT_CALLABLE``): 403, how many failures
    locked it, and when to retry (``Retry-After``) unless only an administrator can unlock."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else 0
    context = {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes}
    response = render(request, LOCKOUT_TEMPLATE, context, status=settings.AXES_HTTP_RESPONSE_CODE)
    if cool_off:
        response["Retry-After"] = str(math.ceil(cool_off.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response
