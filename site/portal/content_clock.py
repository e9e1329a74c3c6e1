"""The content clock: when what the public sees last changed, kept in the database so that
every worker process, on every host, gives the same Last-Modified.

It used to live in the cache: with the local-memory default each process kept its own, so a
publish in one process never moved another's Last-Modified and its clients got stale 304s;
with Redis down the publish raised after its commit. One database row now holds it, and the
database's own clock stamps it, so hosts with drifting clocks still agree.

* ``touch_content()`` moves it to "now": publishing, unpublishing, deleting and the snippets
  and settings front ends show (``portal.webhooks.signals``). It runs in the caller's
  transaction (the change and its stamp commit together) and once more after the commit,
  so a reader cannot pair the new stamp with content from before the commit.
* Some content changes with no event at all: a news item whose publication date passes, a
  page whose expiry passes. The row also keeps the next such moment; the first read after it
  (plus ``SCHEDULE_SLACK`` for app servers whose clocks run behind the database's) moves the
  clock.
* ``read_clock()`` costs one primary-key query. The API middleware reads it *before* the view
  runs: any change that commits later stamps a later time than the one the client receives.
* With a shared cache (Redis), the row is mirrored there (``MIRROR_KEY``) so that a page
  served from the cache needs no database at all (``mirrored_reading``). The database stays
  the authority: a change empties the mirror in its transaction and writes it after the
  commit, a reader that finds it empty fills it from the row with ``add`` (never over a
  writer's value), and it expires after ``MIRROR_SECONDS``, which bounds the one race left
  (two writers' post-commit writes landing in the wrong order). A scheduled moment that has
  passed sends the reader to the row. With the local-memory cache each process would keep its
  own mirror, so none is kept.

An HTTP date counts whole seconds and a second can hold two changes, so a response served in
the same second as the last change is not settled: it carries the second before as its
Last-Modified and is never answered with a 304 on that date (see ``ClockReading``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import models, transaction
from django.db.models import F, Min, Value
from django.db.models.functions import Greatest, Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from headless.visibility import embargo_field, embargoed_types

CLOCK_ID = 1
#: How far behind the database's clock an app server's may run and still show a scheduled
#: item no later than the content clock moves for it.
SCHEDULE_SLACK = datetime.timedelta(seconds=2)
#: The least step of the clock on a change.
TICK = datetime.timedelta(microseconds=1)
#: The clock's copy in a shared cache, and how long a copy may live (see the docstring).
MIRROR_KEY = "content-clock:v1"
MIRROR_SECONDS = 5


class ContentClock(models.Model):
    """One row: when publicly visible content last changed, and when it next will by itself."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=CLOCK_ID, editable=False)
    changed_at = models.DateTimeField(_("content changed at"))
    next_change_at = models.DateTimeField(
        _("next scheduled change"),
        null=True,
        blank=True,
        help_text=_("The next publication date or expiry of a live page, if any."),
    )

    class Meta:
        verbose_name = _("content clock")
        verbose_name_plural = _("content clock")

    def __str__(self) -> str:
        return f"content changed at {self.changed_at.isoformat()}"


@dataclass(frozen=True)
class ClockReading:
    """The content clock and the database's time, read together."""

    changed_at: datetime.datetime
    now: datetime.datetime

    @property
    def settled(self) -> bool:
        """False in the second of the last change: another change may follow within that
        second, and an HTTP date could not tell the two apart."""
        return int(self.changed_at.timestamp()) < int(self.now.timestamp())

    @property
    def last_modified(self) -> int:
        """Last-Modified in Unix seconds. Not settled: the second before, so whatever the
        client later sends as If-Modified-Since is older than the clock will then be."""
        if self.settled:
            return int(self.changed_at.timestamp())
        return int(self.now.timestamp()) - 1


def read_clock() -> ClockReading:
    """The clock as of now: one indexed query (a few more when a scheduled moment passed or
    on the very first read)."""
    row = (
        ContentClock.objects.filter(pk=CLOCK_ID)
        .annotate(now=Now())
        .values_list("changed_at", "next_change_at", "now")
        .first()
    )
    if row is None:
        _move_clock()
        return read_clock()
    changed_at, next_change_at, now = row
    if next_change_at is not None and now >= next_change_at + SCHEDULE_SLACK:
        ContentClock.objects.filter(pk=CLOCK_ID, next_change_at=next_change_at).update(
            changed_at=Greatest(F("changed_at"), Value(now)), next_change_at=_next_scheduled()
        )
        changed_at = max(changed_at, now)
        _mirror_after_commit()
    elif mirror_enabled():
        caches["default"].add(MIRROR_KEY, (changed_at, next_change_at), MIRROR_SECONDS)
    return ClockReading(changed_at=changed_at, now=now)


def mirror_enabled() -> bool:
    """Whether the configured cache is shared by every process (so a mirror there is one)."""
    return not isinstance(caches["default"], (LocMemCache, DummyCache))


def mirrored_reading(value: object) -> ClockReading | None:
    """The reading a mirror value gives (as fetched from ``MIRROR_KEY``), or None when the
    row must be read: no mirror, or a scheduled moment has passed."""
    if not isinstance(value, tuple) or len(value) != 2:
        return None
    changed_at, next_change_at = value
    now = timezone.now()
    if next_change_at is not None and now >= next_change_at:
        return None
    return ClockReading(changed_at=changed_at, now=max(now, changed_at))


def current_reading() -> ClockReading:
    """The clock from the mirror when there is one, else from the row."""
    if mirror_enabled():
        reading = mirrored_reading(caches["default"].get(MIRROR_KEY))
        if reading is not None:
            return reading
    return read_clock()


def touch_content() -> None:
    """Record that publicly visible content changed now (and again after the commit)."""
    _move_clock()
    _after_commit_once(_move_clock)


def _after_commit_once(func) -> bool:
    """Run ``func`` once after the current transaction commits, however many changes in it
    ask; False (nothing registered) outside a transaction."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return False
    if not any(registered is func for _, registered, _ in connection.run_on_commit):
        transaction.on_commit(func, robust=True)
    return True


def _move_clock() -> None:
    upcoming = _next_scheduled()
    if mirror_enabled():
        caches["default"].delete(MIRROR_KEY)  # readers go to the row until the commit
    # Strictly later than before, even for two changes within the clock's resolution (the
    # page cache files pages under this value: it must move with every change).
    moved = ContentClock.objects.filter(pk=CLOCK_ID).update(
        changed_at=Greatest(F("changed_at") + Value(TICK), Now()), next_change_at=upcoming
    )
    if not moved:
        _, created = ContentClock.objects.get_or_create(
            pk=CLOCK_ID, defaults={"changed_at": timezone.now(), "next_change_at": upcoming}
        )
        if not created:  # another process created it meanwhile
            _move_clock()
    _mirror_after_commit()


def _mirror_after_commit() -> None:
    """Write the committed row to the mirror (now, or once the transaction commits)."""
    if mirror_enabled() and not _after_commit_once(_write_mirror):
        _write_mirror()


def _write_mirror() -> None:
    row = ContentClock.objects.filter(pk=CLOCK_ID).values_list("changed_at", "next_change_at")
    value = row.first()
    if value is not None:
        caches["default"].set(MIRROR_KEY, tuple(value), MIRROR_SECONDS)


def _next_scheduled() -> datetime.datetime | None:
    """The next moment a live page becomes visible or expires without any event. Moments
    within the slack behind the database's clock still count: an app server running behind
    may not show them yet."""
    since = Now() - Value(SCHEDULE_SLACK)
    moments = [
        page_type.objects.live()
        .filter(**{f"{field}__gt": since})
        .aggregate(next=Min(field))["next"]
        for page_type in embargoed_types(Page)
        if (field := embargo_field(page_type))
    ]
    moments.append(
        Page.objects.live().filter(expire_at__gt=since).aggregate(next=Min("expire_at"))["next"]
    )
    return min((moment for moment in moments if moment is not None), default=None)
