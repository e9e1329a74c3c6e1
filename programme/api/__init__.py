"""Headless API of the programme app, by concern: ``schemas`` (page and listing-item shapes,
registered with Wagtail's API by the host), ``routers`` (phases, partners, contacts and their
querysets), ``vocabularies`` (countries and themes with counts), ``tags`` (how the app's tag
relations are prefetched and serialised). The generic plumbing is the ``headless`` toolkit.

Nothing is re-exported here: import from the module that holds the thing.
"""
