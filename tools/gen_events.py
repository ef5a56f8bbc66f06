#!/usr/bin/env python3
"""Generates assets/events.txt (the event lexicon) and assets/agents.ron (agent words).

Sources (see assets/LICENSES.md):
  * petrarch2/CAMEO.2.0.txt (MIT, Open Event Data Alliance): the CAMEO verb pattern dictionary of
    the PETRARCH coder: synonym sets, verb blocks with their forms and patterns, CAMEO codes.
  * plover/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0): the official table from CAMEO codes to PLOVER
    categories, modes and contexts.
  * petrarch2/Phoenix.agents.txt and Phoenix.MilNonState.actors.txt (MIT): agent nouns and the
    names of non-state armed groups.
  * tools/curated/events.txt and tools/curated/agents.txt (ours): event nouns and phrases, verb
    pattern overrides, role flags per code, negators, hedges, echoes and neutral phrases; agent
    words Phoenix lacks.

Usage: python3 tools/gen_events.py [--ref ../shared/ref] [--out assets]

Everything is sorted or kept in source order, so the output is byte-for-byte reproducible.
Decisions (also in the header of the output):
  * A CAMEO code maps to PLOVER by the longest prefix in the table; codes with no PLOVER
    category (01 statements, 02 appeals: PLOVER does not code appeals) are KEPT as non-events
    ("-"): a pattern with such a code still wins over its verb's default and over noun cues on
    its words, so "asked for aid" states nothing instead of AID.
  * A paired code "042:043" (source does 042, target does 043) is coded by its first part; a
    pair of equal codes ("057:057") means both sides do it, so the pattern is symmetric; ":173"
    (only the target's act) is coded 173 with the roles reversed.
  * A verb form listed in several blocks gets a default code only if all its blocks agree
    (otherwise it states nothing by itself; its patterns still apply): "add" is both a reporting
    verb (ADD [---]) and a way to give (GRANT [060]).
  * Duplicate patterns in one block: the later one in the file wins.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "tools" / "curated"
sys.path.insert(0, str(ROOT / "tools"))

from events_agents import common_words, load_agents, load_curated_agents, load_groups, write_agents  # noqa: E402
from gen_events_forms import participle_like, plural, verb_forms, words_of  # noqa: E402

FUNCTION_WORDS = {"of", "to", "in", "on", "for", "with", "between", "against", "into", "from", "the", "a", "an", "that"}
ROLE_FLAGS = ("symmetric", "reversed", "from_source", "from_target", "with_target", "place_target", "hedge_after", "recipient_subject")


# ----------------------------------------------------------------------------- PLOVER table


def load_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d+):\s*(.*)$", line)
        if not match:
            continue
        code, rest = match.groups()
        rest = rest.split("#", 1)[0]
        parts = [part.strip() for part in rest.split(",")]
        parts += [""] * (3 - len(parts))
        category, mode, context = parts[0].upper(), parts[1], parts[2]
        context = context.split(";")[0].strip()
        if len(code) == 2:  # a header ("03: AGREE") names the root, never an event by itself
            continue
        table.setdefault(code, (category, mode.replace(" ", ""), context.replace(" ", "")))
    return table


def plover_of(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str] | None:
    for length in range(len(code), 2, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None


# ----------------------------------------------------------------------------- CAMEO dictionary


def strip_comment(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].rstrip()


def load_synsets(lines: list[str]) -> dict[str, list[tuple[str, ...]]]:
    synsets: dict[str, list[tuple[str, ...]]] = {}
    name = None
    for raw in lines:
        line = strip_comment(raw).strip()
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            name = line.split()[0]
            synsets[name] = []
        elif line.startswith("+") and name:
            phrase = line[1:].strip()
            stop = phrase.endswith("_") or name.endswith("_")
            entry = words_of(phrase)
            if not entry:
                continue
            synsets[name].append(entry)
            if not stop:
                synsets[name].append(entry[:-1] + (plural(entry[-1]),))
    for name, phrases in synsets.items():
        synsets[name] = list(dict.fromkeys(phrases))
    return synsets


def parse_code(text: str) -> tuple[str | None, bool, bool]:
    """Parses "[042:043]" into (code or None, symmetric, reversed)."""
    text = text.strip("[] ")
    if text in ("", "---"):
        return None, False, False
    if ":" in text:
        first, second = (part.strip() for part in text.split(":", 1))
        if not first:
            return (second or None), False, True
        return (None if first == "---" else first), first == second, False
    return text, False, False


class Block:
    def __init__(self, index: int, name: str, code: str | None):
        self.index = index
        self.name = name
        self.code = code
        self.forms: list[tuple[str, str, str | None, bool]] = []  # (form, lemma, code, participle)
        self.patterns: dict[tuple, tuple[str | None, int, str, str]] = {}  # key -> (code, flags, lemma, curated flags)
        # Forms also read as nouns after a determiner ("a halt to aid"), and nouns added to the
        # block that are never verbs ("suspension of aid"): both take only the block's patterns.
        self.nominal: set[str] = set()
        self.noun_only: set[str] = set()


def expand_items(tokens: list[str], synsets) -> list[list[str]] | None:
    """Expands one side of a pattern into the list of its item sequences (synsets multiplied).

    An item is `word`, `two_words` (consecutive), `prep(object)` or a role marker."""
    variants: list[list[str]] = [[]]

    def add(options: list[str]) -> None:
        nonlocal variants
        variants = [v + [o] for v in variants for o in options]

    def phrase_options(parts: list[str]) -> list[str] | None:
        # Synsets stay references (`&name`, also inside compounds: `&military_aid`): the asset
        # lists each set once, expanded, instead of multiplying the patterns.
        out = []
        for part in parts:
            if part.startswith("&"):
                if not synsets.get(part):
                    return None
                out.append(part.lower())
            elif part in ("$", "+", "^", "%"):
                out.append(part)
            else:
                out.extend(words_of(part))
        return ["_".join(out)] if out else [""]

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "(":
            end = tokens.index(")", i) if ")" in tokens[i:] else len(tokens)
            inner = tokens[i + 1 : end]
            i = end + 1
            if not inner:
                continue
            preps = phrase_options([inner[0]])
            objects: list[str] = [""]
            j = 1
            while j < len(inner):
                if inner[j] == "{":
                    close = inner.index("}", j) if "}" in inner[j:] else len(inner)
                    opts = phrase_options(inner[j + 1 : close])
                    j = close + 1
                else:
                    opts = phrase_options([inner[j]])
                    j += 1
                if opts is None:
                    return None
                objects = [(o + "," + a) if o else a for o in objects for a in opts]
            if preps is None:
                return None
            add([f"{p}({o})" for p in preps for o in objects])
        elif token == "{":
            close = tokens.index("}", i) if "}" in tokens[i:] else len(tokens)
            opts = phrase_options(tokens[i + 1 : close])
            i = close + 1
            if opts is None:
                return None
            add(opts)
        elif token in (")", "}"):
            i += 1
        else:
            opts = phrase_options([token])
            i += 1
            if opts is None:
                return None
            add(opts)
        if len(variants) > 4096:
            return None
    return variants


def load_cameo(path: Path):
    lines = path.read_text(encoding="latin-1").splitlines()
    synsets = load_synsets(lines)
    blocks: list[Block] = []
    block = None
    in_verbs = False
    for raw in lines:
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not in_verbs:
            continue
        header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---", raw)
        if header:
            code, _, _ = parse_code(header.group(2))
            block = Block(len(blocks), header.group(1), code)
            blocks.append(block)
            continue
        if block is None:
            continue
        if raw.startswith("-"):
            add_cameo_pattern(block, raw, synsets)
            continue
        line = strip_comment(raw).strip()
        if not line or line.startswith("~"):
            continue
        add_verb_line(block, line)
    return synsets, blocks


def add_verb_line(block: Block, line: str) -> None:
    code_match = re.search(r"\[([^\]]*)\]", line)
    code = block.code
    if code_match:
        code, _, _ = parse_code(code_match.group(1))
        line = line[: code_match.start()] + line[code_match.end() :]
    irregular = None
    brace = re.search(r"\{([^}]*)\}", line)
    if brace:
        irregular = [f.lstrip("+") for f in brace.group(1).split()]
        line = line[: brace.start()] + line[brace.end() :]
    base_text = line.strip().lstrip("+")
    if not base_text:
        return
    base = words_of(base_text)
    lemma = " ".join(base)
    if irregular is not None:
        forms = [base] + [words_of(f) for f in irregular]
    else:
        forms = [(f,) + base[1:] for f in verb_forms(base[0])]
    seen = set()
    for form in forms:
        if not form or form in seen:
            continue
        seen.add(form)
        block.forms.append((" ".join(form), lemma, code, participle_like(form[0], base[0])))


def add_cameo_pattern(block: Block, raw: str, synsets) -> None:
    code_match = re.search(r"\[([^\]]*)\]", raw)
    if not code_match:
        return
    code, symmetric, reversed_ = parse_code(code_match.group(1))
    body = raw[1 : code_match.start()]
    body = body.replace("(", " ( ").replace(")", " ) ").replace("{", " { ").replace("}", " } ")
    tokens = body.split()
    if tokens.count("*") != 1:
        return
    star = tokens.index("*")
    flags = (1 if symmetric else 0) | (2 if reversed_ else 0)
    add_pattern(block, tokens[:star], tokens[star + 1 :], code, flags, "", synsets)


def add_pattern(block: Block, before, after, code, flags, lemma, synsets, extra: str = "") -> int:
    befores = expand_items(before, synsets)
    afters = expand_items(after, synsets)
    if befores is None or afters is None:
        return 0
    count = 0
    for b in befores:
        for a in afters:
            content = [item for item in b + a if item not in ("$", "+", "^", "%")]
            if not content:
                continue  # a pattern of role markers only says no more than the verb
            key = (lemma, tuple(b), tuple(a))
            block.patterns.pop(key, None)  # a later duplicate wins and moves to the end
            block.patterns[key] = (code, flags, lemma, extra)
            count += 1
    return count


# ----------------------------------------------------------------------------- curated file


def parse_section_header(text: str) -> dict[str, str]:
    parts = text.split()
    header = {"kind": parts[0]}
    for part in parts[1:]:
        if "=" in part:
            key, value = part.split("=", 1)
            header[key] = value
        elif re.fullmatch(r"\d+", part):
            header["code"] = part
        else:
            header.setdefault("flags", "")
            header["flags"] += part + " "
    return header


def load_curated(path: Path):
    sections: list[tuple[dict[str, str], list[str]]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            sections.append((parse_section_header(line[1:-1]), []))
        elif sections:
            sections[-1][1].extend(entry.strip() for entry in line.split("|") if entry.strip())
    return sections


def code_roles(sections) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for header, entries in sections:
        if header["kind"] != "roles":
            continue
        for entry in entries:
            flag, *codes = entry.split()
            if flag not in ROLE_FLAGS:
                raise SystemExit(f"unknown role flag {flag!r}")
            roles[flag] = set(codes)
    return roles


def flags_for(code: str | None, roles: dict[str, set[str]], extra: str = "") -> list[str]:
    flags = set(extra.split())
    for flag, prefixes in roles.items():
        if code and any(code.startswith(prefix) for prefix in prefixes):
            flags.add(flag)
    unknown = flags - set(ROLE_FLAGS) - {"no_" + f for f in ROLE_FLAGS}
    if unknown:
        raise SystemExit(f"unknown flags {sorted(unknown)}")
    for flag in list(flags):
        if flag.startswith("no_"):
            flags.discard(flag)
            flags.discard(flag[3:])
    return [f for f in ROLE_FLAGS if f in flags]


# ----------------------------------------------------------------------------- output


def sense_fields(code: str | None, header: dict[str, str], plover) -> tuple[str, str, str, str]:
    """(cameo, CATEGORY or "-", mode, context) for a code with optional curated overrides."""
    mapped = plover_of(code, plover) if code else None
    category, mode, context = mapped if mapped else ("-", "", "")
    category = header.get("category", category)
    mode = header.get("mode", mode)
    context = header.get("context", context)
    return code or "-", category, mode or "-", context or "-"


def block_for_lemma(blocks: list[Block], lemma: str) -> Block:
    for block in blocks:
        if any(l == lemma for _, l, _, _ in block.forms):
            return block
    block = Block(len(blocks), lemma.upper().replace(" ", "_"), None)
    words = lemma.split()
    for form in verb_forms(words[0]):
        full = " ".join((form,) + tuple(words[1:]))
        block.forms.append((full, lemma, None, participle_like(form, words[0])))
    blocks.append(block)
    return block


def merge_curated(sections, blocks, synsets, plover):
    nouns, modifiers = [], []
    added_patterns = 0
    for header, entries in sections:
        kind = header["kind"]
        if kind in ("noun", "phrase"):
            for entry in entries:
                nouns.append((kind, entry, header))
        elif kind == "pattern":
            code = header.get("code")
            verbs = ""
            for entry in entries:
                if ":" in entry:
                    verbs, _, pattern = entry.partition(":")
                else:  # a continuation line: the same verbs as the entry before
                    pattern = entry
                if not verbs:
                    raise SystemExit(f"curated pattern without verbs: {entry!r}")
                for mark in "(){}":
                    pattern = pattern.replace(mark, f" {mark} ")
                tokens = pattern.upper().split()
                if tokens.count("*") != 1:
                    raise SystemExit(f"curated pattern without one '*': {entry!r}")
                star = tokens.index("*")
                flag_bits = 1 if "symmetric" in header.get("flags", "") else 0
                for verb in verbs.split("/"):
                    lemma = " ".join(verb.replace("_", " ").split()).lower()
                    block = block_for_lemma(blocks, lemma)
                    added_patterns += add_pattern(
                        block,
                        tokens[:star],
                        tokens[star + 1 :],
                        code,
                        flag_bits | 4,
                        lemma,
                        synsets,
                        header.get("flags", ""),
                    )
        elif kind == "verb":
            code = header.get("code")
            for entry in entries:
                lemma = " ".join(entry.replace("_", " ").split()).lower()
                block = Block(len(blocks), lemma.upper().replace(" ", "_"), code)
                words = lemma.split()
                for form in verb_forms(words[0]):
                    block.forms.append((" ".join((form,) + tuple(words[1:])), lemma, code, participle_like(form, words[0])))
                blocks.append(block)
        elif kind == "nominal":
            lemma = ""
            for entry in entries:
                if ":" in entry:
                    verb, _, nouns_text = entry.partition(":")
                    lemma = " ".join(verb.replace("_", " ").split()).lower()
                else:  # a continuation: more nouns of the verb before
                    nouns_text = entry
                if not lemma:
                    raise SystemExit(f"curated nominal without its verb: {entry!r}")
                block = block_for_lemma(blocks, lemma)
                for noun in nouns_text.split("|"):
                    noun = noun.strip().lower()
                    variants = [noun.rstrip("~")] + ([plural(noun.rstrip("~"))] if noun.endswith("~") else [])
                    for form in variants:
                        if any(f == form and l == lemma for f, l, _, _ in block.forms):
                            block.nominal.add(form)
                        elif form not in block.noun_only:
                            block.forms.append((form, lemma, None, False))
                            block.noun_only.add(form)
        elif kind in ("negator", "adjacent_negator", "hedge", "echo", "neutral"):
            for entry in entries:
                modifiers.append((kind, " ".join(entry.lower().split())))
        elif kind != "roles":
            raise SystemExit(f"unknown curated section [{kind}]")
    return nouns, modifiers, added_patterns


def expand_noun(entry: str) -> list[tuple[str, int]]:
    """A curated noun entry -> its phrases with the anchor index. `~` after the head word asks for
    its regular plural too; `^` before a word marks the anchor (default: the head, i.e. the last
    word for nouns)."""
    words = entry.lower().split()
    anchor = next((i for i, w in enumerate(words) if w.startswith("^")), None)
    words = [w.lstrip("^") for w in words]
    variants = [words]
    for i, word in enumerate(words):
        if word.endswith("~"):
            bare = [w.rstrip("~") for w in words]
            plural_form = list(bare)
            plural_form[i] = plural(bare[i])
            variants = [bare, plural_form]
            break
    if anchor is None:
        content = [i for i, w in enumerate(words) if w.rstrip("~") not in FUNCTION_WORDS]
        anchor = content[-1] if content else len(words) - 1
    return [(" ".join(v), anchor) for v in variants]


def write_events(out: Path, blocks, synsets, nouns, modifiers, plover, roles, sources: str) -> dict[str, int]:
    senses: dict[tuple[str, str, str, str], None] = {}

    def sense(code, header=None) -> str:
        fields = sense_fields(code, header or {}, plover)
        senses.setdefault(fields, None)
        return fields[0]

    lines_v, lines_p, lines_n, lines_m = [], [], [], []
    form_count = pattern_count = 0
    for block in blocks:
        for form, lemma, code, participle in block.forms:
            tag = "N" if form in block.noun_only else ("p" if participle else "") + ("n" if form in block.nominal else "") or "-"
            lines_v.append(f"V\t{form}\t{lemma}\t{block.index}\t{sense(code)}\t{tag}")
            form_count += 1
        for (lemma, before, after), (code, flag_bits, _, curated_flags) in block.patterns.items():
            # A curated header's flags (place_target, from_source...) hold for its patterns.
            extra = curated_flags.split()
            if flag_bits & 1:
                extra.append("symmetric")
            if flag_bits & 2:
                extra.append("reversed")
            flags = flags_for(code, roles, " ".join(extra))
            origin = "curated" if flag_bits & 4 else "cameo"
            lines_p.append(
                f"P\t{block.index}\t{lemma or '*'}\t{sense(code)}\t{','.join(flags) or '-'}\t{origin}\t"
                f"{' '.join(before) or '-'}\t{' '.join(after) or '-'}"
            )
            pattern_count += 1
    for kind, entry, header in nouns:
        code = header.get("code")
        cameo = sense(code, header)
        fields = sense_fields(code, header, plover)
        if fields[1] == "-":
            raise SystemExit(f"curated {kind} {entry!r} has no PLOVER category")
        flags = flags_for(code, roles, header.get("flags", ""))
        for phrase, anchor in expand_noun(entry):
            at = anchor if kind == "noun" or "^" in entry else 0
            lines_n.append(
                f"N\t{kind}\t{phrase}\t{at}\t{cameo}\t{fields[1]}\t{fields[2]}\t{fields[3]}\t"
                f"{','.join(flags) or '-'}"
            )
    for kind, phrase in modifiers:
        lines_m.append(f"M\t{kind}\t{phrase}")
    lines_c = []
    for cameo, category, mode, context in sorted(senses):
        flags = flags_for(None if cameo == "-" else cameo, roles)
        lines_c.append(f"C\t{cameo}\t{category}\t{mode}\t{context}\t{','.join(flags) or '-'}")
    # Curated nouns may override the table's category or mode for their code: keep every
    # distinct sense, sorted, so C lines are unique by all four fields.
    header = HEADER.format(sources=sources)
    lines_s = [
        f"S\t{name.lower()}\t{'|'.join(' '.join(p) for p in phrases)}"
        for name, phrases in synsets.items()
        if phrases
    ]
    body = lines_c + lines_s + lines_v + lines_p + lines_n + sorted(set(lines_m), key=lines_m.index)
    out.write_text(header + "\n".join(body) + "\n", encoding="utf-8")
    return {
        "blocks": len(blocks),
        "forms": form_count,
        "patterns": pattern_count,
        "nouns": len(lines_n),
        "modifiers": len(lines_m),
        "senses": len(lines_c),
    }


HEADER = """\
# tiemap event lexicon. GENERATED by tools/gen_events.py: do not edit; edit the sources and rerun
# `python3 tools/gen_events.py`.
# Sources: {sources}.
#
# One record a line, tab-separated; the first field says what it is:
#   C  cameo  CATEGORY  mode  context  flags     a sense: a CAMEO code with its PLOVER category
#                                                ("-": states no event), mode, context, role flags
#   S  &name  words|words|...                   a synonym set (plurals included), used in items
#   V  form  lemma  block  cameo  p|n|pn|N|-     a verb form (words joined by spaces) of a block;
#                                                its default code; p: can be a past participle;
#                                                n: also a noun after a determiner ("a halt to");
#                                                N: only a noun ("suspension"); as nouns they take
#                                                only the block's patterns
#   P  block  lemma|*  cameo  flags  origin  before  after
#                                                a pattern of the block (lemma: only for that verb);
#                                                items: word, two_words (consecutive; a part may
#                                                be a set, &name), prep(object)
#                                                with object "" (any), "+" (target), "$" (source),
#                                                "^" (any, not an actor); "-": no items
#   N  noun|phrase  words  anchor  cameo  CATEGORY  mode  context  flags
#                                                a curated event noun or phrase; anchor: index of the
#                                                word that carries the event
#   M  kind  words                               negator, adjacent_negator, hedge, echo, neutral
# Flags: symmetric, reversed, from_source, from_target, with_target, place_target, hedge_after,
# recipient_subject.
"""


# ----------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", type=Path, default=ROOT.parent / "shared" / "ref")
    parser.add_argument("--out", type=Path, default=ROOT / "assets")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    plover = load_plover(args.ref / "plover" / "CAMEO2PLOVER-2021.txt")
    synsets, blocks = load_cameo(args.ref / "petrarch2" / "CAMEO.2.0.txt")
    sections = load_curated(CURATED / "events.txt")
    roles = code_roles(sections)
    nouns, modifiers, curated_patterns = merge_curated(sections, blocks, synsets, plover)
    sources = (
        "petrarch2 CAMEO.2.0.txt (MIT, Open Event Data Alliance), plover CAMEO2PLOVER-2021.txt "
        "(CC BY-SA 4.0), tools/curated/events.txt (tiemap)"
    )
    counts = write_events(args.out / "events.txt", blocks, synsets, nouns, modifiers, plover, roles, sources)

    state, non_state, curated_words, curated_groups = load_curated_agents(CURATED / "agents.txt")
    agents = load_agents(args.ref / "petrarch2" / "Phoenix.agents.txt", state, non_state)
    agents.update(curated_words)
    common = common_words(args.ref / "ud-ewt")
    groups = load_groups(args.ref / "petrarch2" / "Phoenix.MilNonState.actors.txt", common)
    known = {name for name, _, _ in groups}
    groups += [g for g in curated_groups if g[0] not in known]
    groups.sort()
    agent_sources = (
        "petrarch2 Phoenix.agents.txt and Phoenix.MilNonState.actors.txt (MIT, Open Event Data "
        "Alliance), ud-ewt word list for the caps flag (CC BY-SA 4.0), tools/curated/agents.txt (tiemap)"
    )
    write_agents(args.out / "agents.ron", agents, groups, agent_sources)
    print(
        f"wrote {args.out}/events.txt: {counts['blocks']} verb blocks, {counts['forms']} verb forms, "
        f"{counts['patterns']} patterns ({curated_patterns} curated), {counts['nouns']} noun and phrase "
        f"cues, {counts['modifiers']} modifiers, {counts['senses']} senses; "
        f"{args.out}/agents.ron: {len(agents)} agent words, {len(groups)} group names",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
