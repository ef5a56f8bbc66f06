"""English word forms for tools/gen_events.py: plurals and the regular forms of verbs."""

from __future__ import annotations

import re

VOWELS = set("aeiou")
# Two-syllable verbs stressed on the last syllable double their final consonant ("committed").
DOUBLING_ENDINGS = ("mit", "pel", "cur", "trol", "bed", "gret", "fer", "bel", "nul", "pal")
NOT_DOUBLING = ("ffer", "iffer", "uffer", "ofer")


def plural(word: str) -> str:
    """The regular plural of a noun (or third person singular of a verb)."""
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def syllables(word: str) -> int:
    return len(re.findall(r"[aeiouy]+", word))


def doubles(word: str) -> bool:
    """Whether the final consonant doubles before -ed/-ing ("stop" -> "stopped")."""
    if len(word) < 3 or word[-1] in "wxy" or word[-1] in VOWELS:
        return False
    if not (word[-2] in VOWELS and word[-3] not in VOWELS):
        return False
    if word[-3:-1] == "qu":
        return True
    if syllables(word) == 1:
        return True
    return word.endswith(DOUBLING_ENDINGS) and not word.endswith(NOT_DOUBLING)


def verb_forms(base: str) -> list[str]:
    """The regular forms of a verb: base, -s, -ed, -ing with English spelling rules."""
    forms = [base, plural(base)]
    if base.endswith("ie"):
        forms += [base + "d", base[:-2] + "ying"]
    elif base.endswith(("ee", "ye", "oe")):
        forms += [base + "d", base + "ing"]
    elif base.endswith("e"):
        forms += [base + "d", base[:-1] + "ing"]
    elif len(base) > 1 and base.endswith("y") and base[-2] not in VOWELS:
        forms += [base[:-1] + "ied", base + "ing"]
    elif base.endswith("c"):
        forms += [base + "ked", base + "king"]
    elif doubles(base):
        forms += [base + base[-1] + "ed", base + base[-1] + "ing"]
    else:
        forms += [base + "ed", base + "ing"]
        # British and American spellings both occur ("cancelled", "canceled").
        if base.endswith("l") and base[-2] in VOWELS and base[-3:-1] not in ("ee", "oo", "ai", "ea"):
            forms += [base + "led", base + "ling"]
    return forms


def participle_like(form: str, base: str) -> bool:
    """Whether a form can be a past participle (passive: "sanctions were lifted")."""
    if form == base and not form.endswith(("t", "d")):
        return False
    return not form.endswith(("ing", "s")) or form.endswith("ss")


def words_of(phrase: str) -> tuple[str, ...]:
    return tuple(word for word in phrase.lower().replace("_", " ").split() if word)
