"""Run an Elasticsearch/OpenSearch analyser from its index settings, in Python, for the tests
that cannot reach a server.

It executes what the settings say (char filters, tokenizer, token filters, in order), with the
server's semantics for the components our analysers use: ``mapping`` (longest match at each
position), ``pattern_replace`` (Java regex replace-all; ``$1`` as the group), ``lowercase``,
``edge_ngram`` (with ``preserve_original``), ``truncate``. The ``standard`` tokenizer is
approximated by Unicode word characters joined by an apostrophe (UAX #29's MidNumLet), which
is what it does to the letters of our languages. A component it does not know fails the test
rather than being skipped.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+(?:['’.]\w+)*", re.UNICODE)
GROUP = re.compile(r"\$(\d)")


def _mapping(rules: list[str], text: str) -> str:
    pairs = dict(rule.split(" => ", 1) for rule in rules)
    longest = max(map(len, pairs))
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            if text[i : i + size] in pairs:
                out.append(pairs[text[i : i + size]])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _pattern_replace(conf: dict, text: str) -> str:
    replacement = GROUP.sub(r"\\g<\1>", conf.get("replacement", ""))
    return re.sub(conf["pattern"], replacement, text)


def _char_filter(conf: dict, text: str) -> str:
    if conf["type"] == "mapping":
        return _mapping(conf["mappings"], text)
    if conf["type"] == "pattern_replace":
        return _pattern_replace(conf, text)
    raise AssertionError(f"char filter {conf['type']} not emulated")


def _token_filter(conf: dict | str, tokens: list[str]) -> list[str]:
    kind = conf if isinstance(conf, str) else conf["type"]
    if kind == "lowercase":
        return [token.lower() for token in tokens]
    if kind == "pattern_replace":
        return [_pattern_replace(conf, token) for token in tokens]
    if kind == "truncate":
        return [token[: conf["length"]] for token in tokens]
    if kind == "edge_ngram":
        low, high = conf["min_gram"], conf["max_gram"]
        out = []
        for token in tokens:
            out.extend(token[:n] for n in range(low, min(high, len(token)) + 1))
            if conf.get("preserve_original") and not low <= len(token) <= high:
                out.append(token)
        return out
    raise AssertionError(f"token filter {kind} not emulated")


def analyse(analysis: dict, analyzer: str, text: str) -> list[str]:
    """The tokens ``analyzer`` of ``analysis`` (an index's ``settings.analysis``) makes."""
    conf = analysis["analyzer"][analyzer]
    assert conf["tokenizer"] == "standard", conf
    for name in conf.get("char_filter", []):
        text = _char_filter(analysis["char_filter"][name], text)
    tokens = WORD.findall(text)
    for name in conf.get("filter", []):
        tokens = _token_filter(analysis.get("filter", {}).get(name, name), tokens)
    return tokens
