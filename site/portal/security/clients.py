"""The client's IP address, the one identity the login lockout and the rate limits share.

Behind a reverse proxy every request comes from the proxy's address, so counting by
REMOTE_ADDR would throttle or lock out all readers together. ``TRUSTED_PROXY_COUNT`` says how
many proxies in front of the site append to X-Forwarded-For; the client is the address that
many hops from the right. Addresses further left are whatever the client sent and are never
trusted: taking the left-most one would let anyone pick a fresh identity per request.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The address to count requests and login failures by ("unknown" if none is valid)."""
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or "unknown"
    proxies: int = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote  # not through the expected proxies: the direct peer is the client
    return _valid(hops[-proxies]) or remote


def login_client_ip(request: HttpRequest) -> str | None:
    """``client_ip`` for django-axes, which stores it in an IP address column (``inet`` on
    PostgreSQL): a request with no valid address (Django's test client logging in, a
    misconfigured proxy) is recorded without one, never as the text "unknown"."""
    address = client_ip(request)
    return None if address == "unknown" else address
