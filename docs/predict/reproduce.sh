#!/usr/bin/env bash
# Reproduces docs/predict-murchison.md: the Murchison element grids (as in docs/train-murchison.md) cut at northing
# 6,950,000 m into a northern part, where a model is trained, and a southern part it never sees, where predictTargets
# runs — the paper's tile protocol and a dense sliding window. Needs target/geoprospect.jar, GDAL's command-line
# tools and ../shared/data beside the project.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${SHARED_DATA:-../shared/data}
work=${WORK:-target/predict-real-data}
mkdir -p "$work"
jar="java -jar target/geoprospect.jar"
elements=Sb,Bi,Mo,W,Cu,Pb,Zn,Ni,Co,Cr,V,Ba
deposits=(--deposits "$data/murchison/gold_deposits.csv" --x-field x --y-field y --crs EPSG:20350)
$jar interpolate --samples "$data/murchison/laterite_samples.csv" --elements "$elements" \
  --grid-crs EPSG:20350 --cell-size 1000 --extent 370000,6690000,700000,7110000 \
  --mask-buffer 10000 --log --out "$work/murchison.tif"
# rows 0-159 (7,110,000 to 6,950,000 m) and rows 160-419 (6,950,000 to 6,690,000 m); the normalisation is the
# whole survey's, the deposits of each part are only used there
gdal_translate -q -srcwin 0 0 330 160 "$work/murchison.tif" "$work/north.tif"
gdal_translate -q -srcwin 0 160 330 260 "$work/murchison.tif" "$work/south.tif"
rm -rf "$work/models"
/usr/bin/time -f "trainModel wall time: %e s, peak memory %M KB" \
  $jar trainModel --grid "$work/north.tif" "${deposits[@]}" --elements "$elements" --preset cpu --patch 32 \
  --folds 1 --seed 42 --store "$work/models" --name murchison-north
/usr/bin/time -f "predictTargets (tiles) wall time: %e s, peak memory %M KB" \
  $jar predictTargets --grid "$work/south.tif" --model murchison-north-v1 --store "$work/models" --tiles 12x12 \
  "${deposits[@]}" --out "$work/south-tiles"
/usr/bin/time -f "predictTargets (dense) wall time: %e s, peak memory %M KB" \
  $jar predictTargets --grid "$work/south.tif" --model murchison-north-v1 --store "$work/models" --stride 2 \
  --flips --top-area 0.1 --min-area 4 "${deposits[@]}" --out "$work/south-dense"
$jar predictTargets --grid "$work/north.tif" --model murchison-north-v1 --store "$work/models" --stride 2 \
  --flips --top-area 0.1 --min-area 4 "${deposits[@]}" --out "$work/north-dense"
mkdir -p docs/predict/murchison
for run in south-tiles south-dense north-dense; do
  mkdir -p "docs/predict/murchison/$run"
  cp "$work/$run"/{metrics.json,targets.csv,targets.geojson,map.png,success-rate.png,confusion.png} \
     "docs/predict/murchison/$run/"
done
cp "$work/models/murchison-north-v1/manifest.json" docs/predict/murchison/
