"""What both bulk commands share: a transaction per item (a bad item leaves nothing
half-created), idempotence keyed by source (``ImportRecord``), dry runs, a progress bar and
the summary at the end."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

from django.db import transaction

from importers.models import ImportRecord


def checksum(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\x00")
    return digest.hexdigest()


@dataclass
class ImportRun:
    total: int
    out: TextIO
    err: TextIO
    dry_run: bool = False
    progress: bool = True
    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    report: list[str] = field(default_factory=list)
    done: int = 0

    def item(
        self, name: str, key: str, digest: str, work: Callable[[ImportRecord | None], dict]
    ) -> str:
        """Run ``work(record)`` for one source in its own transaction (a savepoint in a dry
        run's session). ``work`` returns
        ``{"page": ..., "image": ..., "note": ...}``; it is skipped when the source has not
        changed since the last run. The outcome: created, updated, unchanged or failed."""
        record = ImportRecord.objects.filter(source_key=key).first()
        if record is not None and record.checksum == digest and (record.page_id or record.image_id):
            outcome = "unchanged"
            note = ""
        else:
            outcome = "updated" if record is not None else "created"
            note = ""
            try:
                with transaction.atomic():
                    result = work(record)
                    note = result.get("note", "")
                    ImportRecord.objects.update_or_create(
                        source_key=key,
                        defaults={
                            "checksum": digest,
                            "page": result.get("page"),
                            "image": result.get("image"),
                        },
                    )
            except Exception as error:
                outcome = "failed"
                self.failures.append((name, f"{type(error).__name__}: {error}"))
        self.counts[outcome] += 1
        verb = (
            f"would be {outcome}" if self.dry_run and outcome in ("created", "updated") else outcome
        )
        self.report.append(f"{name}: {verb}{' — ' + note if note else ''}")
        self.done += 1
        self._progress(name)
        return outcome

    @contextmanager
    def session(self):
        """The whole run. A real run commits item by item (an interrupted run keeps what it
        finished). A dry run does all the work in one transaction, so later items see earlier
        ones as in a real run (a post its images), and rolls it back at the end; each item
        is a savepoint inside it."""
        if not self.dry_run:
            yield self
            return
        with transaction.atomic():
            yield self
            transaction.set_rollback(True)

    def _progress(self, name: str) -> None:
        if not self.progress or not self.total:
            return
        width = 30
        filled = int(width * self.done / self.total)
        bar = "#" * filled + "." * (width - filled)
        self.err.write(f"\r[{bar}] {self.done}/{self.total} {name[:40]:<40}")
        if self.done == self.total:
            self.err.write("\n")
        self.err.flush()

    def summary(self) -> str:
        head = "Dry run, nothing saved. " if self.dry_run else ""
        parts = ", ".join(
            f"{self.counts[k]} {k}" for k in ("created", "updated", "unchanged", "failed")
        )
        lines = [f"{head}{self.total} items: {parts}."]
        lines += [f"FAILED {name}: {reason}" for name, reason in self.failures]
        return "\n".join(lines)
