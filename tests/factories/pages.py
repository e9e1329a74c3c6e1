"""Helpers every app's page factories and fixtures share: publishing a page, a page factory
taking the page's tag and many-to-many relations as arguments."""

from __future__ import annotations

from typing import TypeVar

import wagtail_factories
from django.core.exceptions import FieldDoesNotExist
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Page

P = TypeVar("P", bound=Page)


def publish(page: P) -> P:
    """Publish ``page`` as an editor would (a revision, then publish) and reload it, so the
    object carries what publishing wrote (live, first_published_at, revision ids)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class RelatedPageFactory(wagtail_factories.PageFactory):
    """A page factory that takes the page's tag and parental many-to-many relations as
    arguments (``themes=[tag, ...]``). They are set on the page before its first save,
    which writes them with it (modelcluster): the page is saved, indexed for search and
    reference-indexed once, not once more per relation."""

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        relations = {
            name: kwargs.pop(name) for name in list(kwargs) if _is_relation(model_class, name)
        }
        instance = model_class(**kwargs)
        for name, values in relations.items():
            if values:
                getattr(instance, name).set(values)
        if parent:
            parent.add_child(instance=instance)
        else:
            model_class.add_root(instance=instance)
        return instance


def _is_relation(model_class, name: str) -> bool:
    try:
        field = model_class._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return isinstance(field, (ParentalManyToManyField, ClusterTaggableManager))
