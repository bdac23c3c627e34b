#!/usr/bin/env bash
# Reproduces docs/train-compare.md: every network, and the baselines, on the same spatial folds of one survey, over
# several seeds (each seed draws other no-ore patches, so the folds' patches differ a little, and other initial
# weights; the blocks are the same).
# Usage: docs/train/compare.sh [survey]
#   demo (default): the synthetic survey in test-data/, 3 spatial folds over the whole grid.
#   murchison: reads ../shared/data; trained in the north with 3 spatial folds and predicted densely in the south it
#   never saw (stride 4, as docs/predict-murchison.md and docs/train/ensemble.sh), the baselines as models too.
# Needs target/geoprospect.jar (mvn -B -q package -DskipTests; JAR=... for another) and GDAL's tools for murchison.
# NETWORKS="…" picks the models, SEEDS="…" the seeds (default 42 1 2 3 4), EPOCHS the most epochs (default 10); a
# model already trained (or predicted) for a seed is kept (FRESH=1 trains again), so long runs resume where they
# stopped. SUMMARY=1 only prints the table of what is there.
set -euo pipefail
cd "$(dirname "$0")/../.."
survey=${1:-demo}
work=${WORK:-target/train-compare}/$survey
mkdir -p "$work"
jar="java -jar ${JAR:-target/geoprospect.jar}"
seeds=${SEEDS:-42 1 2 3 4}
epochs=${EPOCHS:-10}
case "$survey" in
  demo)
    networks=${NETWORKS:-small resnet18 resnet50 mobilenet_v2 googlenet shufflenet_v2_x1_0}
    elements=Au,Ag,Cu,Sn,Sb,Mo,Hg,Ba
    deposits=(--deposits test-data/deposits.csv --crs EPSG:32649)
    grid="$work/grid.tif"
    [ -n "${SUMMARY:-}" ] || [ -f "$grid" ] || $jar interpolate --samples test-data/samples.csv --crs EPSG:32649 \
      --elements "$elements" --cell-size 100 --log --normalize zscore --out "$grid" >/dev/null 2>&1 ;;
  murchison)
    networks=${NETWORKS:-small resnet18 resnet50 mobilenet_v2 googlenet shufflenet_v2_x1_0 logistic forest element}
    data=${SHARED_DATA:-../shared/data}
    . docs/murchison.sh
    grid="$work/north.tif"
    if [ -z "${SUMMARY:-}" ] && [ ! -f "$work/south.tif" ]; then
      murchison_grid "$work/murchison.tif" >/dev/null 2>&1
      murchison_halves "$work"
    fi ;;
  *) echo "survey must be demo or murchison" >&2; exit 2 ;;
esac
if [ -z "${SUMMARY:-}" ]; then
  for seed in $seeds; do
    for net in $networks; do
      dir="$work/seed$seed"
      mkdir -p "$dir/models"
      if [ -n "${FRESH:-}" ] || [ ! -f "$dir/models/$net-v1/manifest.json" ]; then
        rm -rf "$dir/models/$net-v1" "$dir/$net-south"
        $jar trainModel --grid "$grid" "${deposits[@]}" --elements "$elements" --preset cpu --network "$net" \
          --patch 32 --epochs "$epochs" --folds 3 --seed "$seed" --store "$dir/models" --name "$net" \
          > "$dir/$net.log" 2>&1 || { echo "$net seed $seed failed: see $dir/$net.log" >&2; continue; }
      fi
      if [ "$survey" = murchison ] && [ ! -f "$dir/$net-south/metrics.json" ]; then
        $jar predictTargets --grid "$work/south.tif" --model "$net-v1" --store "$dir/models" --stride 4 \
          --top-area 0.1 --min-area 4 "${deposits[@]}" --out "$dir/$net-south" >> "$dir/$net.log" 2>&1 \
          || echo "$net seed $seed: prediction failed: see $dir/$net.log" >&2
      fi
    done
  done
fi
python3 - "$work" "$survey" "$epochs" "$seeds" $networks <<'PY'
import json, os, statistics, subprocess, sys
work, survey, epochs, seeds, nets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(), sys.argv[5:]
BASELINES = {"logistic": "logisticAuc", "forest": "forestAuc", "element": "elementAuc"}

def load(path):
    return json.load(open(path)) if os.path.exists(path) else None

def spread(values):
    if not values:
        return "–"
    if len(values) == 1:
        return f"{values[0]:.3f}"
    return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}"

def mean(values):
    return f"{statistics.mean(values):.3f}" if values else "–"

def signed(values):
    return ("+" if values and statistics.mean(values) >= 0 else "") + spread(values)

# per seed, the baselines' mean over the folds (the same validation patches for every model of that seed)
baselines = {}
for seed in seeds:
    for net in nets:
        m = load(os.path.join(work, f"seed{seed}", "models", net + "-v1", "manifest.json"))
        if m:
            folds = m["validation"]["folds"]
            baselines[seed] = {k: statistics.mean(f["baselines"][k] for f in folds) for k in BASELINES.values()}
            break

south = survey == "murchison"
# per seed, the logistic regression's south dense AUC, to pair each model with it
logistic_south = {}
for seed in seeds:
    e = load(os.path.join(work, f"seed{seed}", "logistic-south", "metrics.json"))
    if e:
        logistic_south[seed] = e["evaluation"]["auc"]
where = "in the north" if south else "over the whole grid"
print(f"Survey: {survey}; cpu preset, 32-cell patches, at most {epochs} epochs, 3 spatial folds {where}; seeds "
      f"{', '.join(seeds)}. Figures are mean ± standard deviation over the seeds run (each seed's figure a mean "
      "over its 3 folds or members).\n")
head = ["model", "seeds", "fold AUC", "fold AUCs (min–max)", "accuracy at 0.5", "F1 (ore)", "ECE raw → Platt",
        "− logistic (fold AUC)", "seeds above logistic"]
if south:
    head += ["south dense AUC", "− logistic (south AUC)", "seeds above logistic (south)",
             "south deposits in top 10 %", "south mean prob_sd"]
head += ["s per epoch"]
print("| " + " | ".join(head) + " |")
print("| --- |" + " ---: |" * (len(head) - 1))
for net in nets:
    runs = []
    for s in seeds:
        m = load(os.path.join(work, f"seed{s}", "models", net + "-v1", "manifest.json"))
        if m:
            runs.append((s, m, load(os.path.join(work, f"seed{s}", net + "-south", "metrics.json"))))
    name = f"*{net}*" if net in BASELINES else net
    if not runs:
        print(f"| {name} | 0 | not run |" + " |" * (len(head) - 3))
        continue
    aucs = [m["validation"]["meanAuc"] for _, m, _ in runs]
    folds = [f for _, m, _ in runs for f in m["validation"]["folds"]]
    gaps = [m["validation"]["meanAuc"] - baselines[s]["logisticAuc"] for s, m, _ in runs]
    secs = [e["seconds"] for _, m, _ in runs for e in m["epochs"]]
    f1 = [f["f1"] for f in folds if "f1" in f]
    cells = [name, str(len(runs)), f"**{spread(aucs)}**",
             f"{min(f['auc'] for f in folds):.2f}–{max(f['auc'] for f in folds):.2f}",
             mean([f["accuracy"] for f in folds]), mean(f1),
             f"{mean([f['calibration']['eceBefore'] for f in folds])} → "
             f"{mean([f['calibration']['eceAfter'] for f in folds])}",
             "" if net == "logistic" else signed(gaps),
             "" if net == "logistic" else f"{sum(g > 0 for g in gaps)} of {len(gaps)}"]
    if south:
        done = [(s, e["evaluation"]) for s, _, e in runs if e]
        south_gaps = [e["auc"] - logistic_south[s] for s, e in done if s in logistic_south]
        sd = []
        for s, _ in done:
            info = json.loads(subprocess.run(["gdalinfo", "-json", "-stats", os.path.join(
                work, f"seed{s}", net + "-south", "probability.tif")], capture_output=True, text=True,
                check=True).stdout)
            sd.append(info["bands"][1]["mean"])
        cells += [f"**{spread([e['auc'] for _, e in done])}**",
                  "" if net == "logistic" else signed(south_gaps),
                  "" if net == "logistic" else f"{sum(g > 0 for g in south_gaps)} of {len(south_gaps)}",
                  spread([e["successRate"]["captureAt10Percent"] for _, e in done]), spread(sd)]
    cells.append("" if net in BASELINES else f"{statistics.median(secs):.1f}")
    print("| " + " | ".join(cells) + " |")
if not south:
    for key, label in (("elementAuc", "best single element"), ("logisticAuc", "logistic regression on window means"),
                       ("forestAuc", "random forest on window means")):
        per = [b[key] for b in baselines.values()]
        print(f"| *{label}* | {len(per)} | **{spread(per)}** |" + " |" * (len(head) - 3))
PY
for f in "$work"/seed*/*-south/probability.tif.aux.xml; do rm -f "$f"; done
