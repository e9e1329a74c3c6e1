"""Keyset (cursor) pagination, offered beside ``limit``/``offset`` on listings ordered by a date.

An offset page makes the database walk past every item before it, and the envelope's count
walks all of them: on a large table both cost more than the page. A cursor names the last
item a client was given (its date and id); the next page is "the items after it" in the
listing's order, read from the listing's index (``(date, id)``, both in the order's
direction) without counting anything.

The cursor is opaque to clients: URL-safe base64 of a small JSON array (direction, date, id).
It carries a position, not a permission: the listing's filters and the visibility rule apply
to every page as they do with an offset, so a forged cursor shows nothing an offset would not.
A cursor that does not decode, or that belongs to the other direction, is a 400 naming the
``cursor`` parameter, never a 500.

The date may be null (an item never given one): nulls come first newest-first and last
oldest-first, as PostgreSQL orders them by default (and the index holds them), and the order is
spelled out so SQLite agrees.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q
from django.db.models.expressions import OrderBy

from headless.errors import BadParameter

#: Page ids are 32-bit integers: a larger number in a cursor would fail in the database.
MAX_ID = 2**31 - 1
#: Far longer than any cursor this module makes (about 70 characters).
MAX_CURSOR = 200
CURSOR_PARAM = "cursor"


@dataclass(frozen=True)
class Keyset:
    """The order of a listing by ``field`` (a nullable date) then id, in one direction."""

    field: str
    descending: bool

    @property
    def mark(self) -> str:
        return "d" if self.descending else "a"

    def order(self) -> tuple[OrderBy, str]:
        """``order_by`` arguments: the same order the offset pages use (``ordering``)."""
        if self.descending:
            return F(self.field).desc(nulls_first=True), "-pk"
        return F(self.field).asc(nulls_last=True), "pk"

    def cursor_for(self, item: Any) -> str:
        """The cursor that asks for the items after ``item``."""
        value = getattr(item, self.field)
        raw = [self.mark, value.isoformat() if value is not None else None, item.pk]
        data = json.dumps(raw, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    def decode(self, cursor: str) -> tuple[datetime.datetime | None, int]:
        """(date, id) of the item a cursor names; ``BadParameter`` when it is not a cursor
        of this order."""
        if len(cursor) > MAX_CURSOR:
            raise BadParameter(CURSOR_PARAM, "Not a cursor: too long.")
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            raw = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            mark, value, pk = raw
            date = datetime.datetime.fromisoformat(value) if value is not None else None
        except (ValueError, TypeError, UnicodeError, binascii.Error):
            raise BadParameter(
                CURSOR_PARAM, "Not a cursor: pass the next_cursor of a previous page."
            ) from None
        if not isinstance(pk, int) or isinstance(pk, bool) or not 0 < pk <= MAX_ID:
            raise BadParameter(CURSOR_PARAM, "Not a cursor: its item id is out of range.")
        if date is not None and date.tzinfo is None:
            raise BadParameter(CURSOR_PARAM, "Not a cursor: its date has no time zone.")
        if mark != self.mark:
            raise BadParameter(
                CURSOR_PARAM, "This cursor belongs to the other ordering: keep the ordering."
            )
        return date, pk

    def after(self, date: datetime.datetime | None, pk: int) -> Q:
        """The items after (``date``, ``pk``) in this order."""
        field = self.field
        null, not_null = Q(**{f"{field}__isnull": True}), Q(**{f"{field}__isnull": False})
        if self.descending:  # nulls first, then newest to oldest; ties by id, descending
            if date is None:
                return (null & Q(pk__lt=pk)) | not_null
            # The first condition bounds the index range; the rest places the item in it.
            return Q(**{f"{field}__lte": date}) & (
                Q(**{f"{field}__lt": date}) | Q(**{field: date, "pk__lt": pk})
            )
        # oldest to newest, nulls last; ties by id, ascending
        if date is None:
            return null & Q(pk__gt=pk)
        later = Q(**{f"{field}__gte": date}) & (
            Q(**{f"{field}__gt": date}) | Q(**{field: date, "pk__gt": pk})
        )
        return later | null
