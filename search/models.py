"""The search document: one row per indexed page, the page's whole tsvector stored.

Wagtail's PostgreSQL backend keeps a page's title and body as two tsvectors and matches
``title || body``: PostgreSQL concatenates both for every row it looks at, and a search that
matches half the pages ranked them in a second pass over the same rows. The document holds
that concatenation once (``search/migrations/0002_search_document.py``), kept by a trigger on
Wagtail's index table, so that whatever writes the index (a publish, a rebuild, a delete)
keeps it in step. ``search.services.documents`` reads it: the matches, their rank, the page of
results, the total and every facet in one statement, the facets counted from the page's
facet values stored beside its document (``search.facet_tokens``).

PostgreSQL only: the table exists there and nowhere else (``managed = False``)."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from wagtail.models import Page


class SearchDocument(models.Model):
    page = models.OneToOneField(
        Page,
        primary_key=True,
        on_delete=models.DO_NOTHING,  # the trigger removes the row with the index entry
        db_constraint=False,
        related_name="search_document",
    )
    content_type_id = models.IntegerField()
    document = SearchVectorField()
    #: ``search.facet_tokens``: NULL until the index has written them
    facets = ArrayField(models.TextField(), null=True)
    #: Copied from the page by triggers (``0003_document_visibility``): what the visibility
    #: rule reads of it, so that a search reads this table alone.
    locale_id = models.IntegerField(null=True)
    first_published_at = models.DateTimeField(null=True)
    expire_at = models.DateTimeField(null=True)
    #: Live, not an alias, not expired, no view restriction on the page or an ancestor.
    visible = models.BooleanField(default=False)
    #: The row of ``search_facet_set`` holding these ``facets`` (``0004_facet_sets``: set by
    #: a trigger whenever they are written), so a search groups its matches by an integer.
    facet_set_id = models.IntegerField(null=True)

    class Meta:
        managed = False
        db_table = "search_document"

    def __str__(self) -> str:
        return f"search document of page {self.page_id}"
