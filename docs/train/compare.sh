#!/usr/bin/env bash
# Reproduces docs/train-compare.md: every network, and the baselines, on the same spatial folds of one survey.
# Usage: docs/train/compare.sh [survey]   survey = demo (default: the synthetic survey in test-data/) or murchison
# (reads ../shared/data). Needs target/geoprospect.jar (mvn -B -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."
survey=${1:-demo}
work=${WORK:-target/train-compare}/$survey
mkdir -p "$work"
jar="java -jar target/geoprospect.jar"
networks=${NETWORKS:-small resnet18 resnet50 mobilenet_v2 googlenet shufflenet_v2_x1_0}
epochs=${EPOCHS:-10}
case "$survey" in
  demo)
    elements=Au,Ag,Cu,Sn,Sb,Mo,Hg,Ba
    $jar interpolate --samples test-data/samples.csv --crs EPSG:32649 --elements "$elements" --cell-size 100 \
      --log --normalize zscore --out "$work/grid.tif" >/dev/null
    deposits=(--deposits test-data/deposits.csv --crs EPSG:32649)
    patch=32 ;;
  murchison)
    data=${SHARED_DATA:-../shared/data}
    . docs/murchison.sh
    murchison_grid "$work/grid.tif" >/dev/null
    patch=32 ;;
  *) echo "survey must be demo or murchison" >&2; exit 2 ;;
esac
for net in $networks; do
  # a network already trained here is kept (FRESH=1 trains again): long runs can be resumed network by network
  if [ -z "${FRESH:-}" ] && [ -f "$work/models/$net-v1/manifest.json" ]; then continue; fi
  rm -rf "$work/models/$net-v1"
  $jar trainModel --grid "$work/grid.tif" "${deposits[@]}" --elements "$elements" --preset cpu --network "$net" \
    --patch "$patch" --epochs "$epochs" --folds 3 --seed 42 --store "$work/models" --name "$net" \
    > "$work/$net.log" 2>&1 || echo "$net failed: see $work/$net.log" >&2
done
python3 - "$work" "$survey" "$epochs" $networks <<'PY'
import json, os, statistics, sys
work, survey, epochs, nets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
rows, base = [], None
for net in nets:
    path = os.path.join(work, "models", net + "-v1", "manifest.json")
    if not os.path.exists(path):
        rows.append(f"| {net} | failed | | | | |")
        continue
    m = json.load(open(path))
    v = m["validation"]
    folds = v["folds"]
    secs = [e["seconds"] for e in m["epochs"]]
    c = v["calibration"]
    rows.append(f"| {net} | **{v['meanAuc']:.3f}** | "
                + " / ".join(f"{f['auc']:.3f}" for f in folds)
                + f" | {statistics.mean(f['accuracy'] for f in folds):.3f} | {c['eceBefore']:.3f} → {c['eceAfter']:.3f}"
                + f" | {statistics.mean(secs):.1f} |")
    base = folds
print(f"Survey: {survey}; cpu preset, 32-cell patches, at most {epochs} epochs, 3 spatial folds, seed 42.\n")
print("| network | mean AUC | AUC per fold | mean accuracy at 0.5 (raw softmax) | ECE fold 1 (raw → Platt) | s per epoch (fold 1) |")
print("| --- | ---: | --- | ---: | ---: | ---: |")
print("\n".join(rows))
if base:
    for key, label in (("elementAuc", "best single element"), ("logisticAuc", "logistic regression on window means"),
                       ("forestAuc", "random forest on window means")):
        per = [f["baselines"][key] for f in base]
        print(f"| *{label}* | **{statistics.mean(per):.3f}** | " + " / ".join(f"{a:.3f}" for a in per) + " | | | |")
PY
