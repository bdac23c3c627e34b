#!/usr/bin/env bash
# Reproduces docs/train-murchison.md: the Murchison grid of the elements selectElements chose, then trainModel with
# the cpu preset and 3 spatial folds. Needs target/geoprospect.jar and ../shared/data beside the project.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${SHARED_DATA:-../shared/data}
work=${WORK:-target/train-real-data}
mkdir -p "$work"
jar="java -jar target/geoprospect.jar"
. docs/murchison.sh
murchison_grid "$work/murchison.tif"
rm -rf "$work/models"
/usr/bin/time -f "trainModel wall time: %e s, peak memory %M KB" \
  $jar trainModel --grid "$work/murchison.tif" "${deposits[@]}" --elements "$elements" --preset cpu --patch 32 --folds 3 --seed 42 \
  --store "$work/models" --name murchison
mkdir -p docs/train/murchison
cp "$work"/models/murchison-v1/manifest.json "$work"/models/murchison-v1/curves.png \
   "$work"/models/murchison-v1/curves.csv "$work"/models/murchison-v1/reliability.png docs/train/murchison/
