"""Quotations in a press release, direct or reported, with who said them:

- «Цитата», — отметил Иван Иванов, министр здравоохранения Кыргызской Республики.
- Иван Иванов, министр ..., отметил: «Цитата».
- “Quote,” said Jane Doe, Head of Cooperation at the EU Delegation to Kyrgyzstan.
- Jane Doe, Head of Cooperation ..., said: “Quote.”
- Г-н Козимо Ламберти, представитель Европейского Союза, высказал идею о ... (reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RU_VERBS = (
    r"(?:сказал|отметил|подчеркнул|заявил|добавил|пояснил|сообщил|высказал|выразил|"
    r"напомнил|призвал|поблагодарил|рассказал|указал|считает|уверен|говорит|отмечает|"
    r"подчёркивает|подчеркивает|заявляет)[аи]?"
)
EN_VERBS = (
    r"(?:said|says|stated|noted|added|stressed|emphasised|emphasized|underlined|explained|"
    r"highlighted|remarked|expressed|welcomed|thanked|told|commented|pointed out)"
)
_VERB = rf"(?:{RU_VERBS}|{EN_VERBS})"
_OPEN = "«“\"„"
_CLOSE = "»”\""
_QUOTED = rf"[{_OPEN}](?P<quote>[^{_CLOSE}]{{8,}}?)[{_CLOSE}]"
_HONORIFIC = r"(?:(?:Г-н|Г-жа|Госпожа|Господин|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|H\.E\.)\s+)?"
_NAME = r"(?P<name>[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ]\.)?(?:\s+[A-ZА-ЯЁ][\w'’-]+){1,2})"
_ATTR = r"(?:,\s*(?P<attr>[^.:;«“\"]{3,160}?))?"

_PATTERNS = [
    # «Quote», — said Name, role.   /  “Quote,” said Name, role.
    re.compile(rf"^{_QUOTED}[,.!?]?\s*[–—-]?\s*{_VERB}\s+{_HONORIFIC}{_NAME}{_ATTR}\s*\.?$", re.S),
    # “Quote,” Name, role, said.
    re.compile(rf"^{_QUOTED}[,.!?]?\s*[–—-]?\s*{_HONORIFIC}{_NAME}{_ATTR},?\s+{_VERB}\.?$", re.S),
    # Name, role, said: «Quote».
    re.compile(rf"^{_HONORIFIC}{_NAME}{_ATTR},?\s+{_VERB}[^:«“\"]{{0,60}}:\s*{_QUOTED}\.?$", re.S),
]
# Reported speech: Name, role, said that ...
_REPORTED = re.compile(rf"^{_HONORIFIC}{_NAME},\s*(?P<attr>[^.:;«“\"]{{3,160}}?),\s+{_VERB}\b", re.S)
# A lone quotation ("«...»" with no attribution) is kept as a paragraph.


@dataclass
class Quote:
    text: str
    speaker: str
    role: str = ""
    organisation: str = ""
    reported: bool = False


_ORG_START_EN = re.compile(r"\s+(?:at|of|for|with|from)\s+(?:the\s+)?(?=[A-Z])")


def split_role(attr: str) -> tuple[str, str]:
    """ "Head of Cooperation at the EU Delegation" -> ("Head of Cooperation", "EU Delegation");
    "представитель Европейского Союза" -> ("представитель", "Европейского Союза");
    "министр здравоохранения Кыргызской Республики" -> ("министр здравоохранения",
    "Кыргызской Республики")."""
    attr = re.sub(r"\s+", " ", attr or "").strip(" ,")
    if not attr:
        return "", ""
    if "," in attr:  # "Director, Republican Narcology Centre"
        role, _, organisation = attr.partition(",")
        return role.strip(), organisation.strip()
    if re.search(r"[а-яё]", attr, re.I):
        words = attr.split(" ")
        for index, word in enumerate(words[1:], start=1):
            if word[:1].isupper():
                return " ".join(words[:index]), " ".join(words[index:])
        return attr, ""
    match = None
    for match in _ORG_START_EN.finditer(attr):
        role = attr[: match.start()]
        if role and role.split()[-1][:1].isupper() and " of " in match.group(0):
            # "Minister of Health" : "of" belongs to the role; look further
            continue
        return role.strip(), attr[match.end():].strip()
    if match is not None:
        return attr[: match.start()].strip(), attr[match.end():].strip()
    return attr, ""


def find_quote(paragraph: str) -> Quote | None:
    text = re.sub(r"\s+", " ", paragraph).strip()
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            role, organisation = split_role(match.group("attr") or "")
            return Quote(match.group("quote").strip(" ,"), match.group("name"), role, organisation)
    match = _REPORTED.match(text)
    if match:
        role, organisation = split_role(match.group("attr"))
        return Quote(text, match.group("name"), role, organisation, reported=True)
    return None
