package org.geoprospect.server.features;

import org.geoprospect.crs.Crs;
import org.geoprospect.predict.SampleTargets;
import org.geoprospect.predict.TargetGeoPackage;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GDAL's OGC API – Features driver (OAPIF) as the client: it lists the collections, reads schemas and pages. */
class OgcApiFeaturesGdalTest {
    @TempDir
    Path dir;

    @Test
    void gdalListsTheCollectionsAndReadsTargetsAndAllSamplesByPaging() throws Exception {
        Tool.require("ogrinfo");
        try (Server server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT,
                64L << 20, FetchAllowList.NONE, null, null, null, Set.of("*")))) {
            server.layers().publish(Path.of("test-data/samples.csv"), "samples", "Samples", "test", "EPSG:32650",
                    false);
            Path targets = dir.resolve("targets.gpkg");
            TargetGeoPackage.write(SampleTargets.utm50(), Crs.epsg(32650), targets);
            server.layers().publish(targets, "targets", "Targets", "test", null, false);
            String url = "OAPIF:" + server.localUri();

            String all = Tool.run("", "ogrinfo", "-ro", "-so", "-al", url);
            assertTrue(all.contains("Layer name: samples") && all.contains("Layer name: targets"), all);
            assertTrue(all.contains("Feature Count: 1500"), all);

            String info = Tool.run("", "ogrinfo", "-ro", "-so", url, "targets");
            assertTrue(info.contains("Feature Count: 4"), info);
            assertTrue(info.contains("Geometry: Polygon"), info);
            for (String field : List.of("id: Integer", "rank: Integer", "status: String", "tiles: String",
                    "mean_prob: Real", "max_prob: Real", "prob_sd: Real", "area_km2: Real", "deposits: Integer", "cells: Integer")) {
                assertTrue(info.contains(field), field + " in\n" + info);
            }

            // GDAL pages with limit=PAGE_SIZE and follows the next links; every sample arrives once
            String csv = Tool.run("", "ogr2ogr", "-f", "CSV", "/vsistdout/", url, "samples", "-oo", "PAGE_SIZE=400");
            List<String> rows = csv.strip().lines().toList();
            assertEquals(1501, rows.size(), "header and 1,500 samples");
            Set<String> ids = new HashSet<>();
            rows.subList(1, rows.size()).forEach(r -> ids.add(r.split(",")[0]));
            assertEquals(1500, ids.size());
            assertTrue(ids.contains("GS00001") && ids.contains("GS01500"), rows.get(1));
        }
    }
}
