"""Publish webhooks: static front ends rebuild when a page is published, unpublished or deleted.

``models`` (the webhooks and their delivery log), ``delivery`` (signed, retried, logged POSTs,
after the transaction commits), ``signals`` (page events wired to deliveries), ``admin`` (the
Snippets screens).
"""
