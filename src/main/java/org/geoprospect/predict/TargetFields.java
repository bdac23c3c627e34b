package org.geoprospect.predict;

/**
 * The attribute names of a target in the published layers, one place for both so that the GeoPackage and the GeoJSON
 * of the same targets have the same schema (short, lower-case names that survive a Shapefile export).
 */
final class TargetFields {
    static final String ID = "id";
    static final String RANK = "rank";
    static final String STATUS = "status";
    static final String TILES = "tiles";
    static final String MEAN_PROBABILITY = "mean_prob";
    static final String MAX_PROBABILITY = "max_prob";
    static final String PROBABILITY_SD = "prob_sd";
    static final String AREA_KM2 = "area_km2";
    static final String DEPOSITS = "deposits";
    static final String CELLS = "cells";

    private TargetFields() {
    }
}
