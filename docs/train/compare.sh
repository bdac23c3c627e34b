#!/usr/bin/env bash
# Reproduces docs/train-compare.md: every network, and the baselines, on the same spatial folds of one survey, over
# several seeds (each seed draws other no-ore patches and other initial weights; the folds are the same blocks).
# Usage: docs/train/compare.sh [survey]   survey = demo (default: the synthetic survey in test-data/) or murchison
# (reads ../shared/data). Needs target/geoprospect.jar (mvn -B -q package -DskipTests; JAR=... for another).
# NETWORKS="…" picks networks, SEEDS="…" seeds (default 42 1 2 3 4), EPOCHS the most epochs (default 10); a network
# already trained for a seed is kept (FRESH=1 trains again), so long runs resume where they stopped. SUMMARY=1 only
# prints the table of what is there.
set -euo pipefail
cd "$(dirname "$0")/../.."
survey=${1:-demo}
work=${WORK:-target/train-compare}/$survey
mkdir -p "$work"
jar="java -jar ${JAR:-target/geoprospect.jar}"
networks=${NETWORKS:-small resnet18 resnet50 mobilenet_v2 googlenet shufflenet_v2_x1_0}
seeds=${SEEDS:-42 1 2 3 4}
epochs=${EPOCHS:-10}
if [ -z "${SUMMARY:-}" ]; then
  case "$survey" in
    demo)
      elements=Au,Ag,Cu,Sn,Sb,Mo,Hg,Ba
      [ -f "$work/grid.tif" ] || $jar interpolate --samples test-data/samples.csv --crs EPSG:32649 \
        --elements "$elements" --cell-size 100 --log --normalize zscore --out "$work/grid.tif" >/dev/null
      deposits=(--deposits test-data/deposits.csv --crs EPSG:32649) ;;
    murchison)
      data=${SHARED_DATA:-../shared/data}
      . docs/murchison.sh
      [ -f "$work/grid.tif" ] || murchison_grid "$work/grid.tif" >/dev/null ;;
    *) echo "survey must be demo or murchison" >&2; exit 2 ;;
  esac
  for seed in $seeds; do
    for net in $networks; do
      models="$work/seed$seed/models"
      if [ -z "${FRESH:-}" ] && [ -f "$models/$net-v1/manifest.json" ]; then continue; fi
      rm -rf "$models/$net-v1"
      mkdir -p "$models"
      $jar trainModel --grid "$work/grid.tif" "${deposits[@]}" --elements "$elements" --preset cpu --network "$net" \
        --patch 32 --epochs "$epochs" --folds 3 --seed "$seed" --store "$models" --name "$net" \
        > "$work/seed$seed/$net.log" 2>&1 || echo "$net seed $seed failed: see $work/seed$seed/$net.log" >&2
    done
  done
fi
python3 - "$work" "$survey" "$epochs" "$seeds" $networks <<'PY'
import glob, json, os, statistics, sys
work, survey, epochs, seeds, nets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(), sys.argv[5:]

def manifest(seed, net):
    path = os.path.join(work, f"seed{seed}", "models", net + "-v1", "manifest.json")
    return json.load(open(path)) if os.path.exists(path) else None

def spread(values):
    if not values:
        return "–"
    if len(values) == 1:
        return f"{values[0]:.3f}"
    return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}"

def mean(values):
    return f"{statistics.mean(values):.3f}" if values else "–"

# per seed, the mean over folds of each baseline (the same patches for every network of that seed)
baselines = {}
for seed in seeds:
    for net in nets:
        m = manifest(seed, net)
        if m:
            folds = m["validation"]["folds"]
            baselines[seed] = {k: statistics.mean(f["baselines"][k] for f in folds)
                               for k in ("elementAuc", "logisticAuc", "forestAuc")}
            break

print(f"Survey: {survey}; cpu preset, 32-cell patches, at most {epochs} epochs, 3 spatial folds; seeds "
      f"{', '.join(seeds)}. Mean AUC = mean over the 3 folds, then mean ± standard deviation over the seeds run.\n")
print("| network | seeds | mean AUC | fold AUCs (min–max) | accuracy at 0.5 | F1 (ore) | ECE raw → Platt "
      "| − logistic (AUC) | seeds above logistic | s per epoch |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for net in nets:
    runs = [(s, manifest(s, net)) for s in seeds]
    runs = [(s, m) for s, m in runs if m]
    if not runs:
        print(f"| {net} | 0 | not run | | | | | | | |")
        continue
    aucs = [m["validation"]["meanAuc"] for _, m in runs]
    folds = [f for _, m in runs for f in m["validation"]["folds"]]
    gaps = [m["validation"]["meanAuc"] - baselines[s]["logisticAuc"] for s, m in runs]
    secs = [e["seconds"] for _, m in runs for e in m["epochs"]]
    f1 = [f["f1"] for f in folds if "f1" in f]
    print(f"| {net} | {len(runs)} | **{spread(aucs)}** | {min(f['auc'] for f in folds):.2f}–"
          f"{max(f['auc'] for f in folds):.2f} | {mean([f['accuracy'] for f in folds])} | {mean(f1)} | "
          f"{mean([f['calibration']['eceBefore'] for f in folds])} → {mean([f['calibration']['eceAfter'] for f in folds])} | "
          f"{'+' if statistics.mean(gaps) >= 0 else ''}{spread(gaps)} | {sum(g > 0 for g in gaps)} of {len(gaps)} | "
          f"{statistics.median(secs):.1f} |")
for key, label in (("elementAuc", "best single element"), ("logisticAuc", "logistic regression on window means"),
                   ("forestAuc", "random forest on window means")):
    per = [b[key] for b in baselines.values()]
    print(f"| *{label}* | {len(per)} | **{spread(per)}** | | | | | | | |")
PY
