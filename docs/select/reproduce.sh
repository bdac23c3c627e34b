#!/usr/bin/env bash
# Reproduces docs/select-elements.md's two real-data runs: interpolate the survey, then selectElements against the
# deposits. Needs target/geoprospect.jar (mvn -B -q package -DskipTests) and ../shared/data beside the project.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${SHARED_DATA:-../shared/data}
work=${WORK:-target/select-real-data}
mkdir -p "$work"
jar="java -jar target/geoprospect.jar"

# Murchison (WA): laterite samples (lon/lat) onto AGD84 / AMG zone 50 at 1 km, log10 then z-score, against the
# 255 Minedex gold deposits.
$jar interpolate --samples "$data/murchison/laterite_samples.csv" \
  --elements Au,Ag,As,Sb,Bi,Mo,W,Cu,Pb,Zn,Ni,Co,Cr,V,Mn,Ba \
  --grid-crs EPSG:20350 --cell-size 1000 --extent 370000,6690000,700000,7110000 \
  --mask-buffer 10000 --log --out "$work/murchison.tif"
$jar selectElements --grid "$work/murchison.tif" --deposits "$data/murchison/gold_deposits.csv" \
  --x-field x --y-field y --crs EPSG:20350 --buffer 5 --seed 42 --out docs/select/murchison

# Kolari (Finland): till samples (GeoPackage, EPSG:3067) at 500 m, against the IOCG occurrences (shapefile).
$jar interpolate --samples "$data/kolari/till_geochemistry.gpkg" \
  --elements Al,Ba,Ca,Co,Cr,Cu,Fe,K,La,Li,Mg,Mn,Ni,P,Sc,Sr,Th,Ti,V,Y,Zn,Zr \
  --cell-size 500 --mask-buffer 2000 --log --out "$work/kolari.tif"
$jar selectElements --grid "$work/kolari.tif" --deposits "$data/kolari/iocg_occurrences.shp" \
  --buffer 4 --negatives 200 --seed 42 --out docs/select/kolari
