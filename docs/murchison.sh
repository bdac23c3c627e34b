# Sourced by the scripts that reproduce the Murchison figures, so that they all use one grid: the 12 elements
# selectElements chose, AGD84 / AMG zone 50 at 1 km, log10 and z-score, a 10 km hull mask. Needs $jar and $data.
# Sets elements and deposits; murchison_grid FILE interpolates the whole survey; murchison_halves DIR cuts
# DIR/murchison.tif at northing 6,950,000 m into DIR/north.tif (rows 0-159) and DIR/south.tif (rows 160-419) —
# the normalisation is the whole survey's, the deposits of each part are only used there.
elements=Sb,Bi,Mo,W,Cu,Pb,Zn,Ni,Co,Cr,V,Ba
deposits=(--deposits "$data/murchison/gold_deposits.csv" --x-field x --y-field y --crs EPSG:20350)
murchison_grid() {
  $jar interpolate --samples "$data/murchison/laterite_samples.csv" --elements "$elements" \
    --grid-crs EPSG:20350 --cell-size 1000 --extent 370000,6690000,700000,7110000 \
    --mask-buffer 10000 --log --out "$1"
}
murchison_halves() {
  gdal_translate -q -srcwin 0 0 330 160 "$1/murchison.tif" "$1/north.tif"
  gdal_translate -q -srcwin 0 160 330 260 "$1/murchison.tif" "$1/south.tif"
}
