"""Common inflectional endings of the languages no stemmer covers, longest first.

Used by :func:`search.analysis.truncated_stem`: the query word loses up to three of these and
the rest matches indexed words as a prefix. Plural, case and possessive endings only
(derivational ones such as Kazakh ``-лық`` make another word and stay). Uzbek is listed in
the canonical Latin form :func:`search.analysis.normalise` gives (``ŏ``, ``ğ``).
"""

from __future__ import annotations


def _longest_first(*groups: str) -> tuple[str, ...]:
    return tuple(sorted({s for group in groups for s in group.split()}, key=len, reverse=True))


SUFFIXES: dict[str, tuple[str, ...]] = {
    # Kazakh (Cyrillic): plural, genitive, dative, accusative, locative, ablative,
    # instrumental, possessive.
    "kk": _longest_first(
        "лар лер дар дер тар тер",
        "ның нің дың дің тың тің",
        "ға ге қа ке на не а е",
        "ны ні ды ді ты ті н",
        "да де та те нда нде",
        "нан нен дан ден тан тен",
        "мен бен пен менен",
        "ы і сы сі ым ім ың ің мыз міз ымыз іміз",
    ),
    # Kyrgyz: the same cases with four-way vowel harmony.
    "ky": _longest_first(
        "лар лер лор лөр дар дер дор дөр тар тер тор төр",
        "нын нин нун нүн дын дин дун дүн тын тин тун түн",
        "га ге го гө ка ке ко кө а е о ө",
        "ны ни ну нү ды ди ду дү ты ти ту тү",
        "да де до дө та те то тө нда нде ндо ндө",
        "дан ден дон дөн тан тен тон төн нан нен нон нөн",
        "менен",
        "сы си су сү ы и у ү",
    ),
    # Tajik: plural, izofa, object marker, possessive enclitics.
    "tg": _longest_first(
        "ҳо ҳои он ён гон вон",
        "и ӣ ро",
        "ам ат аш амон атон ашон",
    ),
    # Turkmen (Latin): plural, genitive, dative, accusative, locative, ablative, possessive.
    "tk": _longest_first(
        "lar ler",
        "yň iň nyň niň uň üň",
        "a e na ne ga ge ka ke",
        "y i ny ni",
        "da de ta te nda nde",
        "dan den tan ten ndan nden",
        "ym im yň iň sy si ymyz imiz",
    ),
    # Uzbek (canonical Latin): plural, cases, possessive, -dagi.
    "uz": _longest_first(
        "lar",
        "ning",
        "ga ka qa",
        "ni",
        "da dagi",
        "dan",
        "i si im ing imiz ingiz lari",
    ),
}
# Objects without a language (documents, images) and queries of no known language.
SUFFIXES["*"] = _longest_first(*(" ".join(s) for s in SUFFIXES.values()))
