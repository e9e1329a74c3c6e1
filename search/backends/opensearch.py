"""Wagtail's OpenSearch backends (``opensearch3``; ``opensearch2`` with ``VERSION: 2``) with one
index per locale, each analysed by its language's analyser: the same indexes, facets,
query bodies and database fallback as ``search.backends.elasticsearch`` (see there why an
index per locale). Chosen in settings by ``OPENSEARCH_URL``.

The OpenSearch client takes the request body as one ``body`` argument where the Elasticsearch
8 client takes its parts as keywords; ``body_in_one_argument`` tells the faceted search.
"""

from __future__ import annotations

from wagtail.search.backends.opensearch2 import OpenSearch2Index, OpenSearch2SearchBackend
from wagtail.search.backends.opensearch3 import OpenSearch3Index, OpenSearch3SearchBackend

from search.backends.elasticsearch import LocaleBackendMixin, LocaleIndexMixin


class LocaleOpenSearch2Index(LocaleIndexMixin, OpenSearch2Index):
    pass


class LocaleOpenSearch3Index(LocaleIndexMixin, OpenSearch3Index):
    pass


class LocaleOpenSearch2Backend(LocaleBackendMixin, OpenSearch2SearchBackend):
    index_class = LocaleOpenSearch2Index
    body_in_one_argument = True


class LocaleOpenSearch3Backend(LocaleBackendMixin, OpenSearch3SearchBackend):
    index_class = LocaleOpenSearch3Index
    body_in_one_argument = True


def SearchBackend(params: dict):
    """Wagtail instantiates ``<module>.SearchBackend(params)``. ``VERSION`` is the major
    version of the opensearch-py client API: 3 (default, the pinned client; it talks to
    OpenSearch 1.x to 3.x servers) or 2 (Wagtail's opensearch2 backend, which calls the
    client's positional API of opensearch-py 2)."""
    params = dict(params)
    version = int(params.pop("VERSION", 3))
    backend_class = LocaleOpenSearch3Backend if version >= 3 else LocaleOpenSearch2Backend
    return backend_class(params)
