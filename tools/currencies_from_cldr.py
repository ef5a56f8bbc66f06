#!/usr/bin/env python3
"""Writes assets/currencies.ron: the currency names, symbols and codes the money reader knows.

Source: CLDR English currency data (Unicode License v3, see assets/LICENSES-currencies.md),
cldr-json `main/en/numbers/currencies` (unicode-org/cldr-json, commit b08a82b), plus the hand additions below: the bare words news uses
("yuan", "rubles", "francs"), historic currencies still in archives, dollar prefixes ("C$",
"HK$", tokenised "c $"), and subunits ("cents", "pence").

Usage: python3 tools/currencies_from_cldr.py /path/to/cldr/currencies.json > assets/currencies.ron
"""

import json
import sys

# Codes that are also English words or common abbreviations: accepted only written in upper
# case and after a number ("5 TRY"), never before one ("ALL 5 solutions", "TRY 3 times").
WORD_CODES = {
    "ALL", "AMD", "BAM", "BOB", "COP", "CUP", "DOP", "GEL", "KGS", "MAD", "MOP", "NAD",
    "NPR", "PEN", "PHP", "RON", "SOS", "TOP", "TRY", "ERN", "FIT", "LSL", "SHP", "STD",
}

# Codes common enough in lower-cased or informal text to be read in lower case ("usd 200").
LOWER_CASE_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "HKD", "INR", "RUB",
    "KRW", "SEK", "NOK", "DKK", "BRL", "MXN", "ZAR", "SGD", "TWD", "SAR", "AED", "ILS",
    "PLN", "HUF", "CZK", "UAH", "IDR", "MYR", "THB", "VND", "NGN", "EGP", "PKR", "KZT",
}

# Codes CLDR lists that are not money a news text reports.
SKIP_CODES = {"XXX", "XTS", "XAG", "XAU", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XDR",
              "XFO", "XFU", "XRE", "XSU", "XUA", "CHE", "CHW", "COU", "MXV", "UYI", "USN",
              "USS", "CLF", "BOV", "UYW"}

# Plural or variant last words -> the family word: a bare "francs" follows the last
# qualified franc of the text ("Swiss francs ... 3 million francs").
FAMILY_OF = {
    "kroner": "krone", "kronor": "krona", "krónur": "krona", "króna": "krona", "lire": "lira",
    "lei": "leu", "leva": "lev", "markkaa": "markka", "drachmae": "drachma", "litai": "litas",
    "lati": "lats", "reais": "real", "roubles": "ruble", "rouble": "ruble", "zlotys": "zloty",
    "zloties": "zloty", "liras": "lira",
}

# Hand additions: bare words and variants, (text, code, qualified, from_2002).
# `from_2002`: the code a bare word means in documents dated 2002 or later (the euro changeover
# retired the French franc and the Italian lira; "francs" and "lira" then mean CHF and TRY).
HAND_NAMES = [
    ("dollar", "USD", False, None), ("dollars", "USD", False, None),
    ("us dollar", "USD", True, None), ("us dollars", "USD", True, None),
    ("u.s. dollar", "USD", True, None), ("u.s. dollars", "USD", True, None),
    ("american dollars", "USD", True, None), ("greenbacks", "USD", False, None),
    ("euro", "EUR", False, None), ("euros", "EUR", False, None),
    ("yen", "JPY", False, None), ("yuan", "CNY", False, None), ("renminbi", "CNY", False, None),
    ("yuan renminbi", "CNY", True, None), ("chinese renminbi", "CNY", True, None),
    ("kuai", "CNY", False, None),
    ("pound", "GBP", False, None), ("pounds", "GBP", False, None),
    ("sterling", "GBP", False, None), ("pounds sterling", "GBP", True, None),
    ("pound sterling", "GBP", True, None), ("british pound sterling", "GBP", True, None),
    ("ruble", "RUB", False, None), ("rubles", "RUB", False, None),
    ("rouble", "RUB", False, None), ("roubles", "RUB", False, None),
    ("russian roubles", "RUB", True, None), ("russian rouble", "RUB", True, None),
    ("rupee", "INR", False, None), ("rupees", "INR", False, None),
    ("rupiah", "IDR", False, None), ("ringgit", "MYR", False, None), ("baht", "THB", False, None),
    ("won", "KRW", False, None), ("korean won", "KRW", True, None), ("dong", "VND", False, None),
    ("peso", "MXN", False, None), ("pesos", "MXN", False, None), ("reais", "BRL", False, None),
    ("rand", "ZAR", False, None), ("naira", "NGN", False, None),
    ("shekel", "ILS", False, None), ("shekels", "ILS", False, None),
    ("new shekels", "ILS", True, None), ("israeli shekels", "ILS", True, None),
    ("zloty", "PLN", False, None), ("zlotys", "PLN", False, None), ("zloties", "PLN", False, None),
    ("forint", "HUF", False, None), ("forints", "HUF", False, None),
    ("hryvnia", "UAH", False, None), ("hryvnias", "UAH", False, None),
    ("hryvnia", "UAH", False, None), ("hryvnyas", "UAH", False, None),
    ("lira", "ITL", False, "TRY"), ("lire", "ITL", False, None), ("liras", "ITL", False, "TRY"),
    ("italian lire", "ITL", True, None), ("turkish liras", "TRY", True, None),
    ("franc", "FRF", False, "CHF"), ("francs", "FRF", False, "CHF"),
    ("marks", "DEM", False, None), ("deutsche mark", "DEM", True, None),
    ("deutsche marks", "DEM", True, None), ("deutschmark", "DEM", True, None),
    ("deutschmarks", "DEM", True, None), ("deutschemark", "DEM", True, None),
    ("deutschemarks", "DEM", True, None), ("d-mark", "DEM", True, None),
    ("d-marks", "DEM", True, None), ("german marks", "DEM", True, None),
    ("west german marks", "DEM", True, None),
    ("guilder", "NLG", False, None), ("guilders", "NLG", False, None),
    ("dutch guilders", "NLG", True, None), ("netherlands guilders", "NLG", True, None),
    ("markka", "FIM", False, None), ("markkaa", "FIM", False, None),
    ("finnish markka", "FIM", True, None), ("finnish markkaa", "FIM", True, None),
    ("finnish marks", "FIM", True, None),
    ("peseta", "ESP", False, None), ("pesetas", "ESP", False, None),
    ("escudo", "PTE", False, None), ("escudos", "PTE", False, None),
    ("drachma", "GRD", False, None), ("drachmas", "GRD", False, None),
    ("drachmae", "GRD", False, None),
    ("schilling", "ATS", False, None), ("schillings", "ATS", False, None),
    ("punt", "IEP", False, None), ("punts", "IEP", False, None), ("irish punts", "IEP", True, None),
    ("krona", "SEK", False, None), ("kronor", "SEK", False, None),
    ("krone", "NOK", False, None), ("kroner", "NOK", False, None),
    ("riyal", "SAR", False, None), ("riyals", "SAR", False, None),
    ("rial", "IRR", False, None), ("rials", "IRR", False, None),
    ("dirham", "AED", False, None), ("dirhams", "AED", False, None),
    ("tenge", "KZT", False, None), ("lari", "GEL", False, None),
    ("cedi", "GHS", False, None), ("cedis", "GHS", False, None),
    ("kwacha", "ZMW", False, None), ("taka", "BDT", False, None),
    ("kyat", "MMK", False, None), ("kyats", "MMK", False, None),
    ("afghani", "AFN", False, None), ("afghanis", "AFN", False, None),
    ("leu", "RON", False, None), ("lei", "RON", False, None),
    ("lev", "BGN", False, None), ("leva", "BGN", False, None),
    ("kuna", "HRK", False, None), ("kunas", "HRK", False, None), ("birr", "ETB", False, None),
    # Several countries' currencies and none the obvious default: "XXX" (ISO 4217 "no
    # currency") until the figure reader settles it by the country the text is about.
    ("shilling", "XXX", False, None), ("shillings", "XXX", False, None),
    ("dinar", "XXX", False, None), ("dinars", "XXX", False, None),
    ("bitcoin", "XBT", False, None), ("bitcoins", "XBT", False, None),
]

# Subunits: (text, code, factor, follows_previous). `follows_previous`: the subunit of the
# currency the text last gave an amount in ("... A$5 million; shares rose 3 cents"), else `code`.
SUBUNITS = [
    ("cent", "USD", 0.01, True), ("cents", "USD", 0.01, True),
    ("pence", "GBP", 0.01, False), ("penny", "GBP", 0.01, False), ("pennies", "GBP", 0.01, False),
    ("kopeck", "RUB", 0.01, False), ("kopecks", "RUB", 0.01, False),
    ("kopek", "RUB", 0.01, False), ("kopeks", "RUB", 0.01, False),
    ("mao", "CNY", 0.1, False), ("jiao", "CNY", 0.1, False), ("fen", "CNY", 0.01, False),
    ("paise", "INR", 0.01, False),
    ("satoshi", "XBT", 1e-8, False), ("satoshis", "XBT", 1e-8, False),
]

# Hand symbols: (text, code, case_sensitive). Single-letter dollar prefixes are case sensitive
# ("A$5m" is Australian, "a $5m fine" is not). Tokenised newswire writes "c $ 16.4 million".
HAND_SYMBOLS = [
    ("$", "USD", False), ("£", "GBP", False), ("€", "EUR", False), ("¥", "JPY", False),
    ("元", "CNY", False), ("₹", "INR", False), ("₽", "RUB", False), ("₩", "KRW", False),
    ("₪", "ILS", False), ("₺", "TRY", False), ("₴", "UAH", False), ("₫", "VND", False),
    ("₱", "PHP", False), ("₦", "NGN", False), ("₸", "KZT", False), ("₡", "CRC", False),
    ("₭", "LAK", False), ("₾", "GEL", False), ("₿", "XBT", False), ("฿", "THB", False),
    ("ரூ", "LKR", False), ("₼", "AZN", False), ("₮", "MNT", False), ("₲", "PYG", False),
    ("৳", "BDT", False), ("֏", "AMD", False), ("؋", "AFN", False), ("៛", "KHR", False),
    ("₧", "ESP", False), ("¢", "USD", False),
    ("US$", "USD", False), ("U.S.$", "USD", False), ("U.S. $", "USD", False),
    ("U.S $", "USD", False), ("US $", "USD", False), ("USD$", "USD", False),
    ("C$", "CAD", False), ("C $", "CAD", False), ("CA$", "CAD", False), ("CAN$", "CAD", False),
    ("CAD$", "CAD", False), ("A$", "AUD", True), ("AU$", "AUD", False), ("AUD$", "AUD", False),
    ("HK$", "HKD", False), ("HK $", "HKD", False), ("HKD$", "HKD", False),
    ("NT$", "TWD", False), ("NT $", "TWD", False),
    ("NZ$", "NZD", False), ("NZD$", "NZD", False), ("S$", "SGD", True), ("SG$", "SGD", False),
    ("SGD$", "SGD", False), ("R$", "BRL", True), ("MX$", "MXN", False), ("MEX$", "MXN", False),
    ("MXN$", "MXN", False), ("EC$", "XCD", False), ("J$", "JMD", True), ("TT$", "TTD", False),
    ("RD$", "DOP", False), ("N$", "NAD", True), ("Z$", "ZWL", True),
    ("E£", "EGP", False), ("L£", "LBP", False), ("CN¥", "CNY", False), ("JP¥", "JPY", False),
    ("GH₵", "GHS", False),
]

# Codes that are not ISO 4217 but that news writes like codes.
HAND_CODES = [("RMB", "CNY"), ("BTC", "XBT"), ("XBT", "XBT")]


def family(text):
    last = text.split()[-1]
    if last in FAMILY_OF:
        return FAMILY_OF[last]
    if last.endswith("s") and len(last) > 3 and not last.endswith("ss"):
        return last[:-1]
    return last


def ron_string(text):
    return json.dumps(text, ensure_ascii=False)


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as file:
        cldr = json.load(file)["main"]["en"]["numbers"]["currencies"]

    names = {}
    ambiguous = set()
    for code, entry in sorted(cldr.items()):
        if code in SKIP_CODES:
            continue
        for key in ("displayName", "displayName-count-one", "displayName-count-other"):
            name = entry.get(key)
            if not name or "(" in name:
                continue
            text = name.lower()
            if len(text.split()) < 2:
                continue  # bare words come from the hand list, with their defaults
            if text in names and names[text] != code:
                ambiguous.add(text)
            names[text] = code
    for text in ambiguous:
        del names[text]

    rows = []
    for text, code in sorted(names.items()):
        rows.append((text, code, True, None, "cldr"))
    hand_texts = set()
    for text, code, qualified, from_2002 in HAND_NAMES:
        if text in hand_texts:
            continue
        hand_texts.add(text)
        rows = [row for row in rows if row[0] != text]
        rows.append((text, code, qualified, from_2002, "hand"))

    out = []
    out.append("// Currency names, symbols and codes for the money reader (src/extract/money.rs).")
    out.append("// GENERATED by tools/currencies_from_cldr.py from CLDR English currency data")
    out.append("// (Unicode License v3, assets/LICENSES-currencies.md) plus the hand additions in")
    out.append("// that script. Edit the script, not this file.")
    out.append("(")
    out.append("    codes: [")
    codes = []
    for code, entry in sorted(cldr.items()):
        if code in SKIP_CODES or "(" in entry.get("displayName", ""):
            continue
        codes.append((code, code))
    codes.extend(HAND_CODES)
    for text, code in sorted(set(codes)):
        lower = text in LOWER_CASE_CODES or text in ("RMB", "BTC")
        word = text in WORD_CODES
        out.append(
            f"        (text: {ron_string(text)}, code: {ron_string(code)}, "
            f"lower_case: {str(lower).lower()}, word: {str(word).lower()}),"
        )
    out.append("    ],")
    out.append("    symbols: [")
    for text, code, case_sensitive in HAND_SYMBOLS:
        out.append(
            f"        (text: {ron_string(text)}, code: {ron_string(code)}, "
            f"case_sensitive: {str(case_sensitive).lower()}),"
        )
    out.append("    ],")
    out.append("    names: [")
    for text, code, qualified, from_2002, source in rows:
        extra = f", from_2002: Some({ron_string(from_2002)})" if from_2002 else ""
        out.append(
            f"        (text: {ron_string(text)}, code: {ron_string(code)}, "
            f"family: {ron_string(family(text))}, qualified: {str(qualified).lower()}{extra}),"
            + (" // hand" if source == "hand" else "")
        )
    out.append("    ],")
    out.append("    subunits: [")
    for text, code, factor, follows in SUBUNITS:
        out.append(
            f"        (text: {ron_string(text)}, code: {ron_string(code)}, factor: {factor!r}, "
            f"follows_previous: {str(follows).lower()}),"
        )
    out.append("    ],")
    out.append(")")
    print("\n".join(out))


if __name__ == "__main__":
    main()
