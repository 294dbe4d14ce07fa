#!/usr/bin/env python3
"""Generate data/groups_un.toml (armed groups, their aliases and acronyms) from the
United Nations Security Council Consolidated List, by rule.

Input: the list's XML (the official file is
https://scsanctions.un.org/resources/xml/en/consolidated.xml; the bundled extract
scripts/sources/un-consolidated-2020-03-20-entities.xml says where it comes from),
data/groups.toml (the hand-kept groups, which win) and, to leave generic names
out, Debian's wamerican word list (scripts/fetch_sources.sh puts it in
.cache/sources/wamerican).

Usage:
    scripts/fetch_sources.sh
    python3 scripts/gen_groups.py scripts/sources/un-consolidated-2020-03-20-entities.xml \
        .cache/sources > data/groups_un.toml

The rules, so that data grows by rule and not by picking:

  * Which entities: those of the ISIL (Da'esh) and Al-Qaida list (QDe.*) and the
    armed groups of the Taliban, Somalia, DRC and CAR lists, but front
    organisations: an entity whose listed name, or a third of whose names, names
    a trust, foundation, charity, money exchange, company, branch, society... is
    left out (FRONT_WORDS), and so is any single alias that does.
  * Names: the listed name and every alias; an alias that lists several names
    ("Hay'at Tahrir al-Sham (HTS) (...; Hayat Tahrir al-Sham; ...)") gives each
    of them; non-Latin scripts, "(original script)" and sub-unit names are
    dropped; a name with "/" keeps its first part; a name in capitals is
    written in title case with its particles (al, ul, wa, fi, of, the...) in
    lower case and its known acronyms in capitals. A bracketed all-capital word
    is an acronym ("(AQAP)"), as is an alias that is one all-capital word and a
    name's part after " / " ("AL-ITIHAAD AL-ISLAMIYA / AIAI").
  * Persian and Urdu names written with the connector i or e ("Lashkar i
    Jhangvi", "Jaish-i-Mohammed") also get the other connector.
  * Generic names are left out: once "the", "of", "and"... are set aside, a name
    of at most two words that are all English words or words every group's name
    is made of (GENERIC: jihad, jamaat, islamic, movement...) names nobody in
    particular ("The Base", "Youth Wing", "Jihad Group", "Soldiers of God");
    so is one word of fewer than five letters or an English word.
  * Acronyms of three letters or fewer are query-only (accepted by --group,
    never matched in text: "ISI" is also Pakistan's intelligence service, "MIT"
    a university); the extractor learns them where a report defines them
    ("Jemaah Islamiyah (JI)").
  * Which group: a name the hand-kept data/groups.toml already gives a group (as
    name, alias, acronym or branch acronym, compared folded) makes the entity
    that group, and its other names are added to it; an alias bundle whose names
    are another hand-kept group's goes to that group (the UN lists HTS's names
    under the Nusra Front; groups.toml keeps HTS apart). Otherwise the entity is
    a new group named by its listed name.
  * A name several entities share ("Ansar al-Sharia": Benghazi, Derna, Tunisia,
    AQAP's front) is a group of its own, an umbrella, and each entity whose
    listed name contains it is its affiliate.
  * affiliate_of (new groups only; hand-kept affiliations stand): al-Qaeda when
    the comments say the entity is associated with, an affiliate of, affiliated
    with, pledged allegiance to, joined or was absorbed into Al-Qaida (QDe.004);
    ISIS likewise for ISIL (QDe.115). The list is that of groups associated with
    one or the other, so these two links are the ones it states for every entry.
  * A name that folds like a name of another group is dropped from both.

Licence of the input: the UN list is a public document of the Security Council
(see data/LICENSES.md); the output is dossier's, derived from it.
"""

import os
import re
import sys
import tomllib
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

LISTS = {"Al-Qaida", "Taliban", "Somalia", "DRC", "CAR"}

FRONT_WORDS = {
    "foundation", "trust", "charity", "charitable", "relief", "exchange", "company",
    "co", "ltd", "limited", "bank", "hawala", "society", "committee", "establishment",
    "association", "branch", "office", "agency", "enterprise", "trading", "corporation",
    "industries", "services", "humanitarian", "welfare", "media", "ngo", "airlines",
    "bureau", "sarafi", "shop", "money",
}

# Words every group's name is made of: a name made only of them (and English
# words) names no group in particular.
GENERIC = {
    "islamic", "islam", "jihad", "group", "front", "army", "movement", "organization",
    "organisation", "brigade", "brigades", "battalion", "battalions", "base", "youth",
    "wing", "new", "international", "network", "party",
}

# Arabic words of every group's name: alone, they name no group ("al-Tawhid",
# "Jamiyat"); beside another, they may be a name ("Jamaah Islamiyah").
GENERIC_ARABIC = {
    "jihad", "jihaad", "djihad", "jehad", "jamaat", "jamaa", "jamaah", "jamiat",
    "jamiyat", "jama", "harakat", "haraka", "tawhid", "tauhid", "mujahidin",
    "mujahideen", "mojahedin", "ansar", "islami", "islamia", "islamiya", "islamiyya",
    "islamiyah", "hadith", "sharia", "dawa", "dawah",
}

# Words set aside before judging how generic a name is.
STOP = {"the", "of", "and", "in", "for", "a", "an", "is", "al", "el", "ul", "wa", "wal", "fi"}

# Lower-case particles of a title-cased name.
PARTICLES = {
    "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ul", "wa", "wal", "fi", "bil",
    "li", "lil", "of", "the", "and", "in", "for", "on", "de", "du", "le", "la", "les", "et",
    "pour", "en", "des", "au", "aux", "i", "e", "is", "a", "l", "d", "par", "qui", "avec",
}

AFFILIATION = re.compile(
    r"(associated with|affiliate of|affiliated with|allegiance to|joined|absorbed into)"
    r"[^.;]{0,160}?\(QDe\.(004|115)\)",
    re.IGNORECASE,
)
UMBRELLA = {"004": "al-Qaeda", "115": "ISIS"}

APOSTROPHES = "'’‘ʿʾ`´"


def fold(s):
    """Folded key, as dossier folds names: no accents, apostrophes or case;
    hyphens, dashes and punctuation become spaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = "".join("" if c in APOSTROPHES else c for c in s).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


def loose(s):
    """A folded key that also forgets the transliteration differences the
    extractor bridges (ou/u, ee/i, aa/a, a final ah, French ch for sh, a
    leading article or "the"), to tell which names are one group's."""
    words = fold(s).split()
    while words and words[0] in ("al", "el", "the"):
        words = words[1:]
    out = []
    for w in words:
        w = w.replace("ch", "sh").replace("ou", "u").replace("oo", "u").replace("ee", "i")
        w = w.replace("aa", "a").replace("ii", "i")
        if len(w) > 3 and w.endswith("ah"):
            w = w[:-1]
        out.append(w)
    return " ".join(out)


def latin(s):
    return all(not c.isalpha() or ord(c) < 0x250 for c in s)


def is_acronym(word):
    letters = [c for c in word if c.isalpha()]
    return (
        2 <= len(letters) <= 8
        and " " not in word
        and sum(c.isupper() for c in letters) >= len(letters) - 1
        and word[0].isupper()
    )


def title_case(name, acronyms):
    """A name written in capitals, in title case: particles lower case, known
    acronyms kept."""
    if any(c.islower() for c in name):
        return name

    def word(w, first):
        parts = re.split(r"([-‐–])", w)
        out = []
        for p in parts:
            if p in "-‐–" or not p:
                out.append(p)
                continue
            bare = p.strip("'’(),")
            elision = re.match(r"^([LD])[’'](\w)(.*)$", p)
            if bare in acronyms:
                out.append(p)
            elif elision:
                e, c, rest = elision.groups()
                out.append(f"{e.lower()}’{c}{rest.lower()}")
            elif fold(bare) in PARTICLES and not (first and not out):
                out.append(p.lower())
            else:
                out.append(p[0] + p[1:].lower() if p[0].isalpha() else p[0] + p[1:2].upper() + p[2:].lower())
        return "".join(out)

    words = name.split()
    return " ".join(word(w, i == 0) for i, w in enumerate(words))


def split_alias(text, nested=False):
    """The names one ALIAS_NAME (or FIRST_NAME) gives, and the acronyms in it."""
    text = " ".join(text.replace("(original script)", "").split())
    text = re.sub(r"\b(al|el|ul|AL|EL|UL|Al|Ul) - ", r"\1-", text)
    names, acronyms = [], []
    head = text.split("(")[0]
    # "head (a; b; c)", or a name in another script with its Latin form in brackets.
    if not nested:
        for inner in re.findall(r"\(((?:[^()]|\([^()]*\))*)\)", text):
            if ";" in inner or not latin(head):
                for part in inner.split(";"):
                    n, a = split_alias(part, nested=True)
                    names += n
                    acronyms += a
        text = re.sub(r"\((?:[^()]|\([^()]*\))*;(?:[^()]|\([^()]*\))*\)", "", text)
        if not latin(head):
            return names, acronyms
    # "X (ACR)": a bracketed acronym.
    for acr in re.findall(r"\(([^()]+)\)", text):
        acr = acr.replace(" ", "")
        if is_acronym(acr) and "/" not in acr:
            acronyms.append(acr)
    text = re.sub(r"\([^()]*\)", "", text).strip()
    # "NAME / ACR"
    if " / " in text:
        text, tail = [p.strip() for p in text.split(" / ", 1)]
        if is_acronym(tail):
            acronyms.append(tail)
    text = re.sub(r"\s*-\s*sub-unit name\s*$", "", text).strip(" \"”“")
    if not text or "sub-unit" in text or not latin(text):
        return names, acronyms
    if "/" in text:
        left, right = [p.strip() for p in text.split("/", 1)]
        if is_acronym(left) and is_acronym(right):
            return names, acronyms + [left, right]
        text = left
    text = re.sub(r"(?<=\w) - (?=\w)", " – ", text)
    text = re.sub(r"(?<=\w)- (?=\w)|(?<=\w) -(?=\w)", "-", text)
    letters = sum(c.isalpha() for c in text)
    if is_acronym(text) and letters <= 5:
        acronyms.append(text)
    else:
        names.insert(0, text)
    return names, acronyms


class Words:
    """The English word list, lower-case entries and all entries."""

    def __init__(self, sources):
        path = os.path.join(sources, "wamerican", "usr", "share", "dict", "american-english")
        self.any_case = set()
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if w and "'" not in w:
                    self.any_case.add(fold(w))

    def generic(self, name):
        words = [w for w in fold(name).split() if w not in STOP]
        if not words:
            return True
        if len(words) == 1:
            w = words[0]
            return len(w) < 5 or w in self.any_case or w in GENERIC or w in GENERIC_ARABIC
        return len(words) <= 2 and all(w in self.any_case or w in GENERIC for w in words)


def connector_variants(name):
    """`Lashkar i Jhangvi` also as `Lashkar-e-Jhangvi` and `Lashkar-i-Jhangvi`."""
    m = re.match(r"^(\S+?)(?:[- ])([ie])(?:[- ])(\S.*)$", name)
    if not m:
        return []
    head, _, tail = m.groups()
    return [f"{head}-{c}-{tail}" for c in "ie"]


def hand_kept(path):
    """Folded name -> canonical of data/groups.toml, with branch acronyms."""
    with open(path, "rb") as f:
        groups = tomllib.load(f)["group"]
    owner = {}
    by_name = {g["name"]: g for g in groups}
    for g in groups:
        names = [g["name"], *g.get("aliases", []), *g.get("acronyms", []), *g.get("query_only", [])]
        parent = by_name.get((g.get("affiliate_of") or [None])[0])
        if parent and g.get("branch_acronyms"):
            for pa in parent.get("acronyms", []):
                for ba in g["branch_acronyms"]:
                    names += [f"{pa}-{ba}", f"{pa}{ba}", f"{pa} {ba}"]
        for n in names:
            owner.setdefault(loose(n), g["name"])
    return groups, owner


def entities(xml_path):
    root = ET.parse(xml_path).getroot()
    for e in root.iter("ENTITY"):
        listed = (e.findtext("FIRST_NAME") or "").strip()
        yield {
            "ref": (e.findtext("REFERENCE_NUMBER") or "").strip(),
            "list": (e.findtext("UN_LIST_TYPE") or "").strip(),
            "listed": " ".join(listed.split()),
            "comments": " ".join((e.findtext("COMMENTS1") or "").split()),
            "aliases": [
                a.findtext("ALIAS_NAME") or ""
                for a in e.iter("ENTITY_ALIAS")
                if (a.findtext("ALIAS_NAME") or "").strip()
            ],
        }


def is_front(names):
    fronts = sum(1 for n in names if set(fold(n).split()) & FRONT_WORDS)
    return fronts * 3 >= max(len(names), 1)


def read_entity(raw, known_acronyms):
    """(listed name, its acronyms, bundles) of one entity, cleaned: a bundle is
    the (names, acronyms) of one alias, the listed name's first."""
    raw_bundles = [split_alias(raw["listed"])] + [split_alias(a) for a in raw["aliases"]]
    acr_set = {a for _, acr in raw_bundles for a in acr} | known_acronyms
    bundles = [([title_case(n, acr_set) for n in names], acr) for names, acr in raw_bundles]
    listed_names, listed_acronyms = bundles[0]
    listed = listed_names[0] if listed_names else title_case(raw["listed"], acr_set)
    listed = re.sub(r"^The ", "", listed)
    return listed, listed_acronyms, bundles


def main():
    xml_path, sources = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    groups, owner = hand_kept(os.path.join(root, "data", "groups.toml"))
    known_acronyms = {a for g in groups for a in g.get("acronyms", [])}
    words = Words(sources)

    found = []
    for raw in entities(xml_path):
        if raw["list"] not in LISTS:
            continue
        listed, listed_acronyms, bundles = read_entity(raw, known_acronyms)
        all_names = [n for names, _ in bundles for n in names]
        if set(fold(raw["listed"]).split()) & FRONT_WORDS or is_front(all_names):
            continue
        found.append((raw, listed, listed_acronyms, bundles))

    # A name several entities give (and no hand-kept group) is an umbrella:
    # names given by the same entities are one umbrella's.
    givers = defaultdict(set)
    for raw, _, _, bundles in found:
        for names, acronyms in bundles:
            for n in names + acronyms:
                if loose(n) not in owner:
                    givers[loose(n)].add(raw["ref"])
    shared = {k: frozenset(refs) for k, refs in givers.items() if len(refs) > 1}
    writings = defaultdict(Counter)
    for _, _, _, bundles in found:
        for names, _ in bundles:
            for n in names:
                if loose(n) in shared:
                    writings[shared[loose(n)]][n] += 1

    out, order = {}, []

    def record(name, ref, new=False):
        if name not in out:
            out[name] = {"name": name, "refs": [], "aliases": [], "acronyms": [],
                         "affiliate_of": [], "new": new}
            order.append(name)
        if ref not in out[name]["refs"]:
            out[name]["refs"].append(ref)
        return out[name]

    def umbrella(key, ref):
        refs = shared[key]
        name = writings[refs].most_common(1)[0][0] if writings[refs] else key
        return record(name, ref, new=True)

    for raw, listed, listed_acronyms, bundles in found:
        ref = raw["ref"]
        owned = [owner[loose(n)] for names, acr in bundles for n in names + acr if loose(n) in owner]
        listed_owner = next((owner[loose(n)] for n in [listed, *listed_acronyms] if loose(n) in owner), None)
        canonical = listed_owner or (Counter(owned).most_common(1)[0][0] if owned else None)
        rec = record(canonical or listed, ref, new=canonical is None)
        if rec["new"]:
            for _, code in AFFILIATION.findall(raw["comments"]):
                if UMBRELLA[code] not in rec["affiliate_of"]:
                    rec["affiliate_of"].append(UMBRELLA[code])
        for names, acronyms in bundles:
            bundle_owner = next((owner[loose(n)] for n in names + acronyms if loose(n) in owner), None)
            target = rec if bundle_owner in (None, rec["name"]) else record(bundle_owner, ref)
            for n in names:
                for form in [n, *connector_variants(n)]:
                    if loose(form) in shared:
                        u = umbrella(loose(form), ref)
                        u["aliases"].append(form)
                        if u is not rec and loose(form) in loose(listed) and u["name"] not in rec["affiliate_of"]:
                            rec["affiliate_of"].append(u["name"])
                    else:
                        target["aliases"].append(form)
            for a in acronyms:
                (umbrella(loose(a), ref) if loose(a) in shared else target)["acronyms"].append(a)

    print_toml(out, order, owner, words)


def clean(rec, owner, words, taken):
    """The record's names that are new, not generic, and nobody else's."""
    name_key = fold(rec["name"])
    aliases, acronyms, query_only = [], [], []
    for a in rec["aliases"]:
        k = fold(a)
        if (k == name_key or loose(a) in owner or k in taken or words.generic(a)
                or set(k.split()) & FRONT_WORDS):
            continue
        taken.add(k)
        aliases.append(a)
    for a in rec["acronyms"]:
        k = fold(a)
        if loose(a) in owner or k in taken or k == name_key:
            continue
        taken.add(k)
        letters = sum(c.isalpha() for c in a)
        (query_only if letters <= 3 else acronyms).append(a)
    return aliases, acronyms, query_only


def toml_list(key, items):
    if not items:
        return ""
    body = ", ".join('"' + i.replace('"', '\\"') + '"' for i in items)
    return f"{key} = [{body}]\n"


def print_toml(out, order, owner, words):
    w = sys.stdout.write
    w("# groups_un.toml: GENERATED by scripts/gen_groups.py from the UN Security Council\n")
    w("# Consolidated List (extract of 2020-03-20, scripts/sources/); do not edit by hand.\n")
    w("# Hand-kept decisions go in data/groups.toml, which is read first and wins: a\n")
    w("# [[group]] here whose name is a group there only adds names to it. Rules: see\n")
    w("# the generator's docstring. Licence: see data/LICENSES.md.\n")
    taken = set()
    # Names of every group, so that a name is given to one group only.
    key_count = Counter()
    for name in order:
        for a in set(fold(x) for x in out[name]["aliases"] + out[name]["acronyms"]):
            key_count[a] += 1
    taken |= {k for k, c in key_count.items() if c > 1}
    for name in order:
        rec = out[name]
        aliases, acronyms, query_only = clean(rec, owner, words, taken)
        if not rec["new"] and not (aliases or acronyms or query_only):
            continue
        w("\n[[group]]\n")
        w(f'# UN list: {", ".join(rec["refs"])}\n')
        w(f'name = "{rec["name"]}"\n')
        w(toml_list("aliases", aliases))
        w(toml_list("acronyms", acronyms))
        w(toml_list("query_only", query_only))
        if rec["new"]:
            w(toml_list("affiliate_of", rec["affiliate_of"]))


if __name__ == "__main__":
    main()
