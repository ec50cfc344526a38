#!/usr/bin/env python3
"""Generate ../countries.csv: every officially assigned ISO 3166-1 alpha-2 code
with English and Thai names from Unicode CLDR and ASEAN / ASEAN+3 flags.

Needs the PyPI packages `babel` (CLDR data) and `pycountry` (ISO code list):
    python3 -m venv /tmp/cldr && /tmp/cldr/bin/pip install babel pycountry
    /tmp/cldr/bin/python make_countries.py
Prints nothing on success.
"""
import csv
import sys
from pathlib import Path

import babel
import pycountry

# ASEAN member states; Timor-Leste (TL) was admitted as the 11th member on 26 October 2025.
ASEAN = {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL"}
# ASEAN+3 = the ASEAN members plus China, Japan and South Korea.
ASEAN_PLUS_3 = ASEAN | {"CN", "JP", "KR"}

# The code list comes from pycountry (ISO 3166-1), not CLDR, because CLDR also
# has non-ISO territory codes such as XK, EU and QO.
codes = sorted(c.alpha_2 for c in pycountry.countries)
en = babel.Locale("en").territories  # CLDR standard (short-ish) names, e.g. "South Korea"
th = babel.Locale("th").territories

missing = [c for c in codes if c not in en or c not in th]
if missing:
    sys.exit(f"no CLDR name for: {', '.join(missing)}")

out = Path(__file__).resolve().parent.parent / "countries.csv"
with out.open("w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "name_en", "name_th", "asean", "asean_plus_3"])
    for c in codes:
        w.writerow([c, en[c], th[c],
                    str(c in ASEAN).lower(), str(c in ASEAN_PLUS_3).lower()])
