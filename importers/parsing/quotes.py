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
_OPEN = '«“"„'
_CLOSE = '»”"'
_QUOTED = rf"[{_OPEN}](?P<quote>[^{_CLOSE}]{{8,}}?)[{_CLOSE}]"
_HONORIFIC = r"(?:(?:Г-н|Г-жа|Госпожа|Господин|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|H\.E\.)\s+)?"
_NAME = r"(?P<name>[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ]\.)?(?:\s+[A-ZА-ЯЁ][\w'’-]+){1,2})"
# "Директор агентства Рустам Назаров, ...": a title in front of the name.
_LEAD = r"(?:[А-ЯЁA-Z][а-яёa-z]+(?:\s+[а-яёa-z]+){0,3}\s+(?=[А-ЯЁA-Z][а-яёa-z]+\s+[А-ЯЁA-Z]))?"
_ATTR = r"(?:,\s*(?P<attr>[^.:;«“\"]{3,160}?))?"

_PATTERNS = [
    # «Quote», — said Name, role.   /  “Quote,” said Name, role.
    re.compile(rf"^{_QUOTED}[,.!?]?\s*[–—-]?\s*{_VERB}\s+{_HONORIFIC}{_NAME}{_ATTR}\s*\.?$", re.S),
    # “Quote,” Name, role, said.
    re.compile(rf"^{_QUOTED}[,.!?]?\s*[–—-]?\s*{_HONORIFIC}{_NAME}{_ATTR},?\s+{_VERB}\.?$", re.S),
    # Name, role, said: «Quote».
    re.compile(
        rf"^{_LEAD}{_HONORIFIC}{_NAME}{_ATTR},?\s+{_VERB}[^:«“\"]{{0,60}}:\s*{_QUOTED}\.?$", re.S
    ),
]
# Reported speech: Name, role, said that ...
_REPORTED = re.compile(
    rf"^{_LEAD}{_HONORIFIC}{_NAME},\s*(?P<attr>[^.:;«“\"]{{3,160}}?),\s+{_VERB}\b", re.S
)
# "По словам министра здравоохранения Ажар Гиният, ..." / "According to Jane Doe, Director
# of X, ...": reported speech led by the attribution.
_ACCORDING = re.compile(
    rf"^(?:По словам|По мнению|Как отметил[аи]?|Как сказал[аи]?)\s+"
    rf"(?P<attr>(?:[а-яё-]+\s+){{0,6}}?){_HONORIFIC}{_NAME},",
    re.S,
)
_ACCORDING_EN = re.compile(
    rf"^According to\s+{_HONORIFIC}{_NAME}(?:,\s*(?P<attr>[^,]{{3,120}}),)?", re.S
)
_GENITIVE_ROLES = {
    "министра": "министр",
    "директора": "директор",
    "председателя": "председатель",
    "руководителя": "руководитель",
    "представителя": "представитель",
    "координатора": "координатор",
    "заместителя": "заместитель",
    "начальника": "начальник",
    "главы": "глава",
    "посла": "посол",
}
# A lone quotation ("«...»" with no attribution) is kept as a paragraph.


@dataclass
class Quote:
    text: str
    speaker: str
    role: str = ""
    organisation: str = ""
    reported: bool = False


_PREPOSITIONS = {"в", "во", "на", "по", "при", "для", "из", "с", "со", "у"}


def split_role(attr: str) -> tuple[str, str]:
    """ "Head of Cooperation at the EU Delegation" -> ("Head of Cooperation", "EU Delegation");
    "Chief Narcologist of the Ministry of Health" -> ("Chief Narcologist", "Ministry of
    Health"); "представитель Европейского Союза" -> ("представитель", "Европейского Союза");
    "координатор программы в Кыргызской Республике" stays a role (a place, not a body)."""
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
                if words[index - 1].lower() in _PREPOSITIONS:
                    return attr, ""
                return " ".join(words[:index]), " ".join(words[index:])
        return attr, ""
    for pattern in (
        r"\s+at\s+(?:the\s+)?(?=[A-Z])",
        r"\s+of\s+the\s+(?=[A-Z])",
        r"\s+(?:for|with|from)\s+(?:the\s+)?(?=[A-Z])",
    ):
        match = re.search(pattern, attr)
        if match:
            return attr[: match.start()].strip(), attr[match.end() :].strip()
    return attr, ""


def find_quote(paragraph: str) -> Quote | None:
    text = re.sub(r"\s+", " ", paragraph).strip()
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            role, organisation = split_role(match.group("attr") or "")
            return Quote(match.group("quote").strip(" ,"), match.group("name"), role, organisation)
    match = _ACCORDING.match(text)
    if match:
        words = match.group("attr").split()
        if words:
            words[0] = _GENITIVE_ROLES.get(words[0].lower(), words[0])
        return Quote(text, match.group("name"), " ".join(words), "", reported=True)
    match = _ACCORDING_EN.match(text)
    if match:
        role, organisation = split_role(match.group("attr") or "")
        return Quote(text, match.group("name"), role, organisation, reported=True)
    match = _REPORTED.match(text)
    if match:
        role, organisation = split_role(match.group("attr"))
        return Quote(text, match.group("name"), role, organisation, reported=True)
    return None
