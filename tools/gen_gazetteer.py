#!/usr/bin/env python3
"""Generates assets/gazetteer.ron, the gazetteer tiemap compiles into its binary.

Sources (see assets/LICENSES.md):
  * CLDR territories.json (Unicode License v3): English names of territories with their short and
    variant forms ("UK", "Swaziland", "Ivory Coast", "Turkey").
  * Phoenix.Countries.actors.txt and Phoenix.International.actors.txt (MIT): office holders with
    dated roles up to 2014, used for full names of heads of state and government and ministers.
  * tools/curated/*.txt (ours): ids, display names, adjectives, capitals and seats of power, blocs
    and their members, office holders since 1990 with their terms, and the context rules for words
    that are not always countries.

Usage: python3 tools/gen_gazetteer.py [--ref ../shared/ref] [--out assets]

--ref defaults to ../shared/ref beside the repository; --out is a directory (gazetteer.ron is
written into it) or a file path ending in .ron.

The output is deterministic (sorted), so regenerating without changes gives the same file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "tools" / "curated"

# Phoenix codes that differ from the ids tiemap uses.
PHOENIX_CODE_FIX = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "SRB": "SRB"}
# Non-members of the UN among the countries table (observers, territories, historic states).
NOT_UN_MEMBERS = {
    "VAT", "PSE", "TWN", "XKX", "HKG", "MAC", "ESH", "PRI", "GRL", "GIB", "FLK",
    "SUN", "YUG", "CSK", "DDR",
}
# Seats column entries that are bodies rather than places.
BODY_WORDS = (
    "Department", "Office", "Duma", "Knesset", "Bundestag", "Bundeswehr", "Forces", "IDF",
    "Mossad", "Commission", "Council", "Parliament", "Assembly", "Secretary",
)
# Titles Phoenix puts in front of some names ("PRESIDENT_XI_JINPING").
TITLE_PREFIXES = (
    "PRESIDENT ", "PRIME MINISTER ", "PREMIER ", "KING ", "QUEEN ", "PRINCE ", "SHEIKH ",
    "GENERAL ", "GEN. ", "FOREIGN MINISTER ", "DEFENSE MINISTER ", "DEFENCE MINISTER ",
    "CHANCELLOR ", "SECRETARY ", "MINISTER ", "DR. ", "MR. ", "MRS. ", "MS. ", "AYATOLLAH ",
    "REFORMER ", "CHAIRMAN ", "SECRETARY-GENERAL ", "EMIR ", "SULTAN ",
)
LOWER_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "dos", "das", "van", "von", "der", "den", "du", "la", "le", "y"}
# Phoenix office holders whose term has no end were still in office in 2014; they are kept until
# this date unless the curated list knows better.
PHOENIX_OPEN_END = 20181231
EARLIEST = 19900101


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    names: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)


@dataclass
class Person:
    actor: str
    names: list[str]
    terms: list[tuple[int, int]]
    form: str  # "Person" or "Body"
    source: str


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(",") if part.strip()]


def curated_lines(name: str):
    for number, line in enumerate((CURATED / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield number, [cell.strip() for cell in line.split("|")]


def cldr_forms(territories: dict, alpha2: str) -> list[str]:
    """CLDR's names for one territory, made into the forms news text uses."""
    raw = [value for key, value in territories.items() if key.split("-")[0] == alpha2]
    forms: list[str] = []
    for value in raw:
        value = value.replace("’", "'")
        if " - " in value:  # "Congo - Kinshasa": a disambiguation, not a running-text name
            value = value.replace(" - ", "-")
        if "(" in value:
            base, inner = value.split("(", 1)
            forms.append(base.strip())
            inner = inner.rstrip(")").strip()
            if inner not in {"DRC", "Republic", "Keeling"}:
                forms.append(inner)
            continue
        if value.endswith(" SAR China"):
            continue
        forms.append(value)
        if "&" in value:
            forms.append(value.replace("&", "and"))
        if value.startswith("St. "):
            forms.append("Saint " + value[4:].replace("&", "and"))
            forms.append("St " + value[4:].replace("&", "and"))
    return forms


def with_curly(forms: list[str]) -> list[str]:
    """Adds the typographic-apostrophe spelling of every form with a straight one."""
    out = list(forms)
    for form in forms:
        if "'" in form:
            out.append(form.replace("'", "’"))
    return out


def plural_forms(adjectives: list[str]) -> list[str]:
    out = list(adjectives)
    for adjective in adjectives:
        if " " in adjective:
            last = adjective.rsplit(" ", 1)[1]
        else:
            last = adjective
        if last.endswith(("an", "i")) and last not in {"Sino", "Afghani"}:
            out.append(adjective + "s")
    return out


def parse_date(text: str, end: bool) -> int:
    text = text.strip()
    if not text:
        return 99991231 if end else 0
    parts = text.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
    day = int(parts[2]) if len(parts) > 2 else (31 if end else 1)
    return year * 10000 + month * 100 + day


def parse_terms(cell: str) -> list[tuple[int, int]]:
    terms = []
    for term in cell.split(";"):
        start, _, stop = term.strip().partition("..")
        terms.append((parse_date(start, False), parse_date(stop, True)))
    return sorted(terms)


def load_countries(territories: dict) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    for number, cells in curated_lines("countries.txt"):
        if len(cells) != 6:
            sys.exit(f"countries.txt:{number}: expected 6 cells, got {len(cells)}")
        iso3, alpha2, display, extra, adjectives, seats = cells
        forms = cldr_forms(territories, alpha2) if alpha2 != "-" else []
        if not display:
            display = forms[0] if forms else iso3
        names = [display] + forms + split_list(extra)
        seat_list, body_list = [], []
        for seat in split_list(seats):
            (body_list if any(word in seat for word in BODY_WORDS) else seat_list).append(seat)
        actors[iso3] = Actor(
            id=iso3,
            name=display,
            kind="Country",
            names=with_curly(names),
            adjectives=plural_forms(split_list(adjectives)),
            seats=seat_list,
            bodies=body_list,
        )
    return actors


def load_blocs(countries: dict[str, Actor]) -> dict[str, Actor]:
    un_members = sorted(iso3 for iso3 in countries if iso3 not in NOT_UN_MEMBERS)
    blocs: dict[str, Actor] = {}
    for number, cells in curated_lines("blocs.txt"):
        if len(cells) != 6:
            sys.exit(f"blocs.txt:{number}: expected 6 cells, got {len(cells)}")
        bloc_id, display, names, adjectives, bodies, members = cells
        member_list = un_members if members == "UN-MEMBERS" else split_list(members)
        blocs[bloc_id] = Actor(
            id=bloc_id,
            name=display,
            kind="Bloc",
            names=[display] + split_list(names) if display != "the West" else split_list(names),
            adjectives=split_list(adjectives),
            seats=[b for b in split_list(bodies) if b == "Brussels"],
            bodies=[b for b in split_list(bodies) if b != "Brussels"],
            members=member_list,
        )
    # "the West" is matched as "West" after "the" (a context rule), so its pattern is "West".
    if "WEST" in blocs:
        blocs["WEST"].names.insert(0, "West")
    return blocs


def load_curated_persons() -> list[Person]:
    persons = []
    for number, cells in curated_lines("persons.txt"):
        if len(cells) != 4:
            sys.exit(f"persons.txt:{number}: expected 4 cells, got {len(cells)}")
        actor, names, terms, role = cells
        persons.append(
            Person(
                actor=actor,
                names=with_curly(split_list(names)),
                terms=parse_terms(terms),
                form="Body" if role == "body" else "Person",
                source="curated",
            )
        )
    return persons


def phoenix_date(text: str, end: bool) -> int:
    digits = text.strip()
    if len(digits) == 8:
        return int(digits)
    if len(digits) == 6:
        year = int(digits[:2])
        year += 1900 if year > 30 else 2000
        return year * 10000 + int(digits[2:])
    return 99991231 if end else 0


def nice_case(upper_name: str) -> str:
    """'AHMET_DAVUTOGLU_' -> 'Ahmet Davutoglu', with Arabic and European particles lower-case."""
    words = []
    for index, word in enumerate(upper_name.split()):
        pieces = []
        for piece in word.split("-"):
            lower = piece.lower()
            if index > 0 and lower in LOWER_PARTICLES:
                pieces.append(lower)
            elif lower.startswith("mc") and len(lower) > 2:
                pieces.append("Mc" + lower[2:].capitalize())
            elif "'" in lower:
                pieces.append("'".join(part.capitalize() for part in lower.split("'")))
            else:
                pieces.append(lower.capitalize())
        words.append("-".join(pieces))
    return " ".join(words)


# Words that make a Phoenix alias a description rather than a name ("RUSSIAN_PRESIDENT_YELTSIN").
TITLE_WORDS = {
    "PRESIDENT", "MINISTER", "PREMIER", "SECRETARY", "KING", "QUEEN", "PRINCE", "PRINCESS",
    "SHEIKH", "GENERAL", "CHANCELLOR", "CHAIRMAN", "EMIR", "SULTAN", "FORMER", "LEADER", "PM",
    "GOVERNMENT", "OFFICIAL", "AMBASSADOR", "ENVOY", "SPOKESMAN", "DEPUTY", "VICE", "AYATOLLAH",
    "MR.", "MRS.", "DR.", "REFORMER", "FOREIGN", "DEFENSE", "DEFENCE", "STATE", "OF", "THE", "AND",
}


def clean_phoenix_name(raw: str, country_words: set[str]) -> str | None:
    name = raw.split("#", 1)[0].strip().rstrip("_").replace("_", " ").strip()
    name = re.sub(r"\s+", " ", name)
    for prefix in TITLE_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
    if not re.fullmatch(r"[A-Z][A-Z.'\- ]+", name):
        return None
    tokens = name.split()
    if len(tokens) < 2 or sum(len(t) for t in tokens) < 8:
        return None
    if any(token in TITLE_WORDS or token in country_words for token in tokens):
        return None
    return nice_case(name)


def load_phoenix_persons(
    path: Path, actor_ids: set[str], taken: set[str], country_words: set[str]
) -> list[Person]:
    role_pattern = re.compile(r"\[([A-Z]{3})([A-Z]*)\s*([<>]?)(\d*)-?(\d*)\]")
    persons: list[Person] = []
    names: list[str] = []
    roles: list[tuple[str, int, int]] = []

    def flush():
        if not names or not roles:
            return
        by_actor: dict[str, list[tuple[int, int]]] = {}
        for actor, start, stop in roles:
            if stop >= EARLIEST:
                by_actor.setdefault(actor, []).append((start, stop))
        if len(by_actor) != 1:  # undated, pre-1990 or with several countries: too unsure
            return
        actor, terms = next(iter(by_actor.items()))
        clean = []
        for raw in names:
            name = clean_phoenix_name(raw, country_words)
            if name and name not in taken and name not in clean:
                clean.append(name)
        if clean:
            persons.append(Person(actor, clean, sorted(terms), "Person", "phoenix"))

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head = line.split("#", 1)[0]
        if line[0] not in "+\t [":
            flush()
            names, roles = [head.split("[", 1)[0]], []
        elif line.startswith("+"):
            names.append(head[1:].split("[", 1)[0])
        for country, role, marker, first, second in role_pattern.findall(head):
            country = PHOENIX_CODE_FIX.get(country, country)
            if role != "GOV" or country not in actor_ids:
                continue
            if marker == ">":
                start, stop = phoenix_date(first, False), PHOENIX_OPEN_END
            elif marker == "<":
                start, stop = 0, phoenix_date(first, True)
            elif first and second:
                start, stop = phoenix_date(first, False), phoenix_date(second, True)
            else:
                continue
            roles.append((country, start, stop))
    flush()
    return persons


def load_rules():
    blocks, contexts, events = [], [], []
    for number, cells in curated_lines("rules.txt"):
        kind = cells[0]
        if kind == "block":
            blocks.append(cells[1])
        elif kind == "context":
            if len(cells) != 5:
                sys.exit(f"rules.txt:{number}: expected 5 cells, got {len(cells)}")
            flags = cells[4].split()
            contexts.append(
                {
                    "forms": split_list(cells[1]),
                    "reject_before": split_list(cells[2]),
                    "reject_after": split_list(cells[3]),
                    "name_like": "name-like" in flags,
                    "surname_like": "surname-like" in flags,
                    "need_the": "need-the" in flags,
                    "no_caps": "no-caps" in flags,
                }
            )
        elif kind == "event":
            events.extend(split_list(cells[1]))
        else:
            sys.exit(f"rules.txt:{number}: unknown rule kind {kind!r}")
    return blocks, contexts, events


def dedupe_surfaces(actors: list[Actor], blocks: list[str]) -> None:
    """Every surface form names one actor; the first claim wins (names, then adjectives, seats, bodies)."""
    owner: dict[str, str] = {block: "(block)" for block in blocks}
    for field_name in ("names", "adjectives", "seats", "bodies"):
        for actor in actors:
            kept = []
            for form in getattr(actor, field_name):
                if form in owner:
                    if owner[form] != actor.id:
                        print(f"note: {form!r} of {actor.id} already names {owner[form]}", file=sys.stderr)
                    continue
                owner[form] = actor.id
                kept.append(form)
            setattr(actor, field_name, kept)


def ron_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def ron_list(items: list[str]) -> str:
    return "[" + ", ".join(ron_string(item) for item in items) + "]"


def write_ron(out: Path, actors: list[Actor], persons: list[Person], blocks, contexts, events) -> None:
    lines = [
        "// GENERATED by tools/gen_gazetteer.py from CLDR, Phoenix and tools/curated/: do not edit by hand.",
        "// Sources and licences: assets/LICENSES.md.",
        "(",
        "    actors: [",
    ]
    for actor in actors:
        lines.append(
            f"        (id: {ron_string(actor.id)}, name: {ron_string(actor.name)}, kind: {actor.kind.lower()},"
            f" names: {ron_list(actor.names)}, adjectives: {ron_list(actor.adjectives)},"
            f" seats: {ron_list(actor.seats)}, bodies: {ron_list(actor.bodies)},"
            f" members: {ron_list(actor.members)}),"
        )
    lines.append("    ],")
    lines.append("    // (actor, form, ALL CAPS spelling too, names separated by |, terms yyyymmdd-yyyymmdd)")
    lines.append("    persons: [")
    for person in persons:
        terms = " ".join(f"{start}-{stop}" for start, stop in person.terms)
        caps = "true" if person.source == "curated" else "false"
        lines.append(
            f"        ({ron_string(person.actor)}, {person.form}, {caps},"
            f" {ron_string('|'.join(person.names))}, {ron_string(terms)}),"
        )
    lines.append("    ],")
    lines.append(f"    blocks: {ron_list(sorted(set(blocks)))},")
    lines.append("    contexts: [")
    for context in contexts:
        lines.append(
            f"        (forms: {ron_list(context['forms'])},"
            f" reject_before: {ron_list(context['reject_before'])},"
            f" reject_after: {ron_list(context['reject_after'])},"
            f" name_like: {str(context['name_like']).lower()},"
            f" surname_like: {str(context['surname_like']).lower()},"
            f" need_the: {str(context['need_the']).lower()},"
            f" no_caps: {str(context['no_caps']).lower()}),"
        )
    lines.append("    ],")
    lines.append(f"    event_words: {ron_list(events)},")
    lines.append(")")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", type=Path, default=ROOT.parent / "shared" / "ref")
    parser.add_argument("--out", type=Path, default=ROOT / "assets")
    parser.add_argument("--no-phoenix", action="store_true", help="curated office holders only")
    args = parser.parse_args()
    if args.out.suffix != ".ron":
        args.out = args.out / "gazetteer.ron"

    territories = json.loads((args.ref / "cldr" / "territories.json").read_text(encoding="utf-8"))
    territories = territories["main"]["en"]["localeDisplayNames"]["territories"]
    countries = load_countries(territories)
    blocs = load_blocs(countries)
    actors = sorted(countries.values(), key=lambda a: a.id) + sorted(blocs.values(), key=lambda a: a.id)
    blocks, contexts, events = load_rules()
    dedupe_surfaces(actors, blocks)

    persons = load_curated_persons()
    if not args.no_phoenix:
        taken = {name for person in persons for name in person.names}
        taken |= {form for actor in actors for form in actor.names + actor.adjectives + actor.seats + actor.bodies}
        country_words = {
            word.upper()
            for actor in actors
            for form in actor.names + actor.adjectives + actor.seats
            for word in form.split()
        }
        phoenix = load_phoenix_persons(
            args.ref / "phoenix" / "Phoenix.Countries.actors.txt", set(countries), taken, country_words
        )
        persons += phoenix
    persons.sort(key=lambda p: (p.actor, p.form, p.names[0]))

    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_ron(args.out, actors, persons, blocks, contexts, events)
    print(
        f"wrote {args.out}: {len(actors)} actors, {len(persons)} office holders "
        f"({sum(p.source == 'phoenix' for p in persons)} from Phoenix), {len(blocks)} blocked phrases, "
        f"{len(contexts)} context rules",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
