"""vCard 3.0 (RFC 2426) writer for contact cards: address books import it everywhere
(Outlook, Apple Contacts, Android), which 4.0 still cannot promise."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


def escape(value: str) -> str:
    """RFC 2426 text escaping: backslash, comma, semicolon, newline."""
    return (
        (value or "")
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at ``limit`` octets without splitting a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        budget = limit if not out else limit - 1  # continuation lines start with a space
        if size + width > budget:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


@dataclass
class Address:
    street: str = ""
    locality: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""

    def is_empty(self) -> bool:
        return not any([self.street, self.locality, self.region, self.postal_code, self.country])


@dataclass
class Card:
    formatted_name: str
    organisation: list[str] = field(default_factory=list)
    address: Address | None = None
    phones: list[tuple[str, str]] = field(default_factory=list)  # (label, number)
    emails: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    social: list[tuple[str, str]] = field(default_factory=list)  # (network, url)
    language: str = ""
    note: str = ""

    def lines(self) -> Iterable[str]:
        yield "BEGIN:VCARD"
        yield "VERSION:3.0"
        yield f"FN:{escape(self.formatted_name)}"
        yield "N:;;;;"
        org = [o for o in self.organisation if o]
        if org:
            yield "ORG:" + ";".join(escape(o) for o in org)
        yield "X-ABShowAs:COMPANY"
        if self.address and not self.address.is_empty():
            a = self.address
            parts = ["", "", a.street, a.locality, a.region, a.postal_code, a.country]
            yield "ADR;TYPE=WORK:" + ";".join(escape(p) for p in parts)
        for label, number in self.phones:
            kind = "WORK,FAX" if "fax" in (label or "").lower() else "WORK,VOICE"
            yield f"TEL;TYPE={kind}:{escape(number)}"
        for email in self.emails:
            yield f"EMAIL;TYPE=INTERNET,WORK:{escape(email)}"
        for url in self.urls:
            yield f"URL:{url}"
        for network, url in self.social:
            yield f"X-SOCIALPROFILE;TYPE={escape(network)}:{url}"
        if self.note:
            yield f"NOTE:{escape(self.note)}"
        yield "END:VCARD"

    def serialize(self) -> str:
        return "".join(fold(line) + "\r\n" for line in self.lines())
