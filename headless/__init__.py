"""Headless-API toolkit shared by every plugin's API and the host's: query-parameter checks,
locale resolution, the one "publicly visible" rule, JSON serialisers for images, documents,
page references, rich text and StreamField, the shared schemas and the list envelope.

It sits below the plugins (programme, newsroom, search) and the host (portal) and imports
none of them, so any of them can use it and it can be reused in another Wagtail project.
What it needs to know about their models (tag relations, labels) it takes as arguments.
"""
