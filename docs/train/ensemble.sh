#!/usr/bin/env bash
# Reproduces the ensemble maps in docs/train-compare.md: a network and the logistic-regression baseline, each trained
# with 3 spatial folds (so each stored model holds 3 members), predicted densely; the mean probability and the
# members' standard deviation (band prob_sd) drawn as PNGs with GDAL.
# Usage: docs/train/ensemble.sh [demo|murchison]   (murchison: trained in the north, predicted in the south, as
# docs/predict-murchison.md). Needs target/geoprospect.jar (JAR=... for another), GDAL's tools, and for murchison
# ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/../.."
survey=${1:-demo}
work=${WORK:-target/train-ensemble}/$survey
mkdir -p "$work"
jar="java -jar ${JAR:-target/geoprospect.jar}"
case "$survey" in
  demo)
    elements=Au,Ag,Cu,Sn,Sb,Mo,Hg,Ba
    $jar interpolate --samples test-data/samples.csv --crs EPSG:32649 --elements "$elements" --cell-size 100 \
      --log --normalize zscore --out "$work/grid.tif" >/dev/null
    deposits=(--deposits test-data/deposits.csv --crs EPSG:32649)
    train_grid="$work/grid.tif"; test_grid="$work/grid.tif"; network=small; stride=2 ;;
  murchison)
    data=${SHARED_DATA:-../shared/data}
    . docs/murchison.sh
    murchison_grid "$work/murchison.tif" >/dev/null 2>&1
    murchison_halves "$work"
    train_grid="$work/north.tif"; test_grid="$work/south.tif"; network=${NETWORK:-resnet18}; stride=4 ;;
  *) echo "survey must be demo or murchison" >&2; exit 2 ;;
esac
out=docs/train/ensemble/$survey
mkdir -p "$out"
# viridis over each band's own range; no data transparent
printf 'nv 0 0 0 0\n0%% 68 1 84\n25%% 59 82 139\n50%% 33 145 140\n75%% 94 201 98\n100%% 253 231 37\n' > "$work/viridis.txt"
for model in "$network" logistic; do
  if [ ! -f "$work/models/$model-v1/manifest.json" ]; then
    $jar trainModel --grid "$train_grid" "${deposits[@]}" --elements "$elements" --preset cpu --network "$model" \
      --patch 32 --folds 3 --seed 42 --store "$work/models" --name "$model" > "$work/$model-train.log" 2>&1
  fi
  [ -f "$work/$model/metrics.json" ] || $jar predictTargets --grid "$test_grid" --model "$model-v1" \
    --store "$work/models" --stride "$stride" --top-area 0.1 --min-area 4 "${deposits[@]}" --out "$work/$model" \
    > "$work/$model-predict.log" 2>&1
  for band in 1 2; do
    name=$([ $band = 1 ] && echo probability || echo prob_sd)
    gdaldem color-relief -q -b $band -alpha "$work/$model/probability.tif" "$work/viridis.txt" "$work/$model-$name.tif"
    gdal_translate -q -of PNG "$work/$model-$name.tif" "$out/$model-$name.png"
  done
  rm -f "$out"/*.aux.xml
  cp "$work/$model/metrics.json" "$out/$model-metrics.json"
  cp "$work/models/$model-v1/baselines.csv" "$out/$model-baselines.csv"
done
python3 - "$work" "$network" > "$out/summary.md" <<'PY'
import json, os, subprocess, sys
work, network = sys.argv[1], sys.argv[2]
print("| model (3 fold members) | dense AUC | deposits in the top 10 % | mean prob_sd | largest prob_sd |")
print("| --- | ---: | ---: | ---: | ---: |")
for model in (network, "logistic"):
    e = json.load(open(os.path.join(work, model, "metrics.json")))["evaluation"]
    info = json.loads(subprocess.run(["gdalinfo", "-json", "-stats", os.path.join(work, model, "probability.tif")],
                                     capture_output=True, text=True, check=True).stdout)
    sd = info["bands"][1]
    print(f"| {model} | {e['auc']:.3f} | {e['successRate']['captureAt10Percent']:.3f} "
          f"| {sd['mean']:.3f} | {sd['maximum']:.3f} |")
PY
rm -f "$work"/*/probability.tif.aux.xml
cat "$out/summary.md"
