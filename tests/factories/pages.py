"""Helpers every app's page factories and fixtures share: publishing a page, setting its tag
and many-to-many relations from a factory argument."""

from __future__ import annotations

from typing import TypeVar

import factory
import wagtail_factories
from wagtail.models import Page

P = TypeVar("P", bound=Page)


def publish(page: P) -> P:
    """Publish ``page`` as an editor would (a revision, then publish) and reload it, so the
    object carries what publishing wrote (live, first_published_at, revision ids)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def relation(name: str) -> factory.PostGeneration:
    """A factory argument (``themes=[tag, ...]``) that sets a tag or many-to-many relation
    once the page exists. The cluster relation writes its rows when the page is saved next,
    which :class:`RelatedPageFactory` does once for all the relations given."""

    def set_relation(obj, create, extracted, **kwargs) -> bool:
        if extracted:
            getattr(obj, name).set(extracted)
            return True
        return False

    return factory.PostGeneration(set_relation)


class RelatedPageFactory(wagtail_factories.PageFactory):
    """A page factory with :func:`relation` arguments: the page is saved once more when any
    of them was given (a save per relation would index the page again each time)."""

    class Meta:
        abstract = True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results and any(results.values()):
            instance.save()
