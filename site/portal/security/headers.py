"""Content-Security-Policy and Permissions-Policy on every response.

Django 5.2 has no CSP of its own and the policy differs by area, so this is one small
middleware rather than a dependency configured around its defaults:

- **public site**: scripts only from this origin or carrying the request's nonce (our own
  inline scripts and JSON-LD have ``nonce="{{ request.csp_nonce }}"``), no inline event
  handlers, styles from this origin (inline ``style`` attributes only: the programme timeline
  positions its bars with CSS custom properties), images from this origin and ``data:``,
  embeds (iframes) only from ``CSP_FRAME_SOURCES``; no plugins, no ``<base>`` elsewhere, forms
  post back here, framed only by this origin (Wagtail's live preview);
- **admin** (``/admin/``, ``/django-admin/``): Wagtail's admin renders inline scripts (inline
  panels, date widgets, wagtail-localize's editor) it gives no nonce to, so it keeps
  ``'unsafe-inline'``; everything must still come from this origin;
- **API docs** (``/api/v3/docs/``): Swagger UI from ninja's static files, inline styles;
- **API**: JSON is never a document, so nothing at all may load (``default-src 'none'``).

``settings.CSP_POLICIES`` can replace any area's directives. The nonce is a fresh random value
per request, so a full-page cache would have to leave these pages out or rewrite the nonce.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse

NONCE = "'nonce-{nonce}'"

PUBLIC = {
    "default-src": "'self'",
    "script-src": f"'self' {NONCE}",
    "style-src": "'self'",
    "style-src-attr": "'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "media-src": "'self'",
    "frame-src": "'self' {frames}",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
ADMIN = {
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "media-src": "'self' blob:",
    "frame-src": "'self' {frames}",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
API_DOCS = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
API = {"default-src": "'none'", "frame-ancestors": "'none'", "base-uri": "'none'"}

# Longest matching path prefix wins; everything else is the public site.
AREAS: dict[str, Mapping[str, str]] = {
    "/admin/": ADMIN,
    "/django-admin/": ADMIN,
    "/api/v3/docs": API_DOCS,
    "/api/": API,
    "/": PUBLIC,
}

# Powerful features nothing on this site uses, switched off for it and any frame it embeds.
# (Fullscreen, autoplay and picture-in-picture stay on: video embeds use them.)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
)


def area_policy(path: str) -> Mapping[str, str]:
    areas = {**AREAS, **getattr(settings, "CSP_POLICIES", {})}
    prefix = max((p for p in areas if path.startswith(p)), key=len, default="/")
    return areas[prefix]


def render_policy(directives: Mapping[str, str], nonce: str) -> str:
    frames = " ".join(getattr(settings, "CSP_FRAME_SOURCES", []))
    parts = []
    for name, value in directives.items():
        value = value.replace("{frames}", frames).replace(NONCE, NONCE.format(nonce=nonce))
        parts.append(f"{name} {value.strip()}")
    if getattr(settings, "HTTPS", False):
        parts.append("upgrade-insecure-requests")
    return "; ".join(parts)


class SecurityHeadersMiddleware:
    """Gives each request a nonce (``request.csp_nonce``) and each response its area's CSP.

    A view or middleware that sets its own Content-Security-Policy keeps it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            policy = area_policy(request.path)
            response["Content-Security-Policy"] = render_policy(policy, request.csp_nonce)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = PERMISSIONS_POLICY
        return response
