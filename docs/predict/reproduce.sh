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
. docs/murchison.sh
murchison_grid "$work/murchison.tif"
murchison_halves "$work"
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
