"""Hardening of the public site, the admin and the API (docs/security.md).

- ``clients``: who the client is (its IP address, through a configured number of proxies),
  shared by the login lockout and the rate limits so both count the same person.
- ``headers``: Content-Security-Policy with a per-request nonce, Permissions-Policy.
- ``ratelimit``: fixed-window request limits per client on search and the API (429).
- ``login``: the admin login lockout's authentication backend (django-axes).
"""
