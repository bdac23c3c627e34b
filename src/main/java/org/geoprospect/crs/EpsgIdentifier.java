package org.geoprospect.crs;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.datum.Ellipsoid;
import org.locationtech.proj4j.proj.ExtendedTransverseMercatorProjection;
import org.locationtech.proj4j.proj.Projection;
import org.locationtech.proj4j.proj.TransverseMercatorProjection;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the EPSG code of a CRS given as WKT. ESRI {@code .prj} files carry no authority, so the code is found by
 * comparing the projection method, its parameters and the ellipsoid with every entry of the EPSG database;
 * where several codes share the parameters (ETRS89 / TM35FIN and ETRS89 / UTM 35N do), the one whose name shares
 * most words with the WKT's name wins, then the lowest code.
 */
final class EpsgIdentifier {
    private static final Pattern ROOT_AUTHORITY = Pattern.compile(
            "(?:AUTHORITY\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*]|ID\\[\\s*\"EPSG\"\\s*,\\s*(\\d+)\\s*])\\s*]\\s*$");

    private EpsgIdentifier() {
    }

    /** The EPSG code of the root element's AUTHORITY or ID, if it has one (inner ones name the datum etc.). */
    static OptionalInt rootAuthority(String wkt) {
        Matcher m = ROOT_AUTHORITY.matcher(wkt.strip());
        if (m.find()) {
            return OptionalInt.of(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return OptionalInt.empty();
    }

    static OptionalInt identify(CoordinateReferenceSystem crs, String name) {
        CRSFactory factory = new CRSFactory();
        Set<String> words = words(name);
        int best = -1;
        int bestScore = -1;
        for (EpsgDatabase.Entry e : EpsgDatabase.entries().values()) {
            if (!sameMethodCheaply(crs, e.proj4())) {
                continue;
            }
            CoordinateReferenceSystem candidate;
            try {
                candidate = factory.createFromParameters("EPSG:" + e.code(), e.proj4());
            } catch (RuntimeException ex) {
                continue; // entries proj4j cannot build cannot be the answer
            }
            if (!sameParameters(crs, candidate)) {
                continue;
            }
            Set<String> common = new TreeSet<>(words(e.name()));
            common.retainAll(words);
            int score = common.size();
            if (score > bestScore) {
                best = e.code();
                bestScore = score;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    private static boolean sameMethodCheaply(CoordinateReferenceSystem crs, String proj4) {
        boolean geographic = crs.getProjection() instanceof org.locationtech.proj4j.proj.LongLatProjection;
        boolean candidateGeographic = proj4.contains("+proj=longlat") || proj4.contains("+proj=latlong");
        return geographic == candidateGeographic;
    }

    static boolean sameParameters(CoordinateReferenceSystem a, CoordinateReferenceSystem b) {
        Projection p = a.getProjection();
        Projection q = b.getProjection();
        if (method(p) != method(q)) {
            return false;
        }
        Ellipsoid e = p.getEllipsoid();
        Ellipsoid f = q.getEllipsoid();
        return close(e.getEquatorRadius(), f.getEquatorRadius(), 1e-3)
                && close(e.getEccentricitySquared(), f.getEccentricitySquared(), 1e-10)
                && close(p.getProjectionLongitude(), q.getProjectionLongitude(), 1e-10)
                && close(p.getProjectionLatitude(), q.getProjectionLatitude(), 1e-10)
                && close(p.getProjectionLatitude1(), q.getProjectionLatitude1(), 1e-10)
                && close(p.getProjectionLatitude2(), q.getProjectionLatitude2(), 1e-10)
                && close(p.getTrueScaleLatitude(), q.getTrueScaleLatitude(), 1e-10)
                && close(p.getScaleFactor(), q.getScaleFactor(), 1e-10)
                && close(p.getFalseEasting(), q.getFalseEasting(), 1e-6)
                && close(p.getFalseNorthing(), q.getFalseNorthing(), 1e-6)
                && close(p.getFromMetres(), q.getFromMetres(), 1e-12);
    }

    /**
     * The projection method. proj4j builds {@code +proj=utm} (most UTM entries of its EPSG file, EPSG:3067 among
     * them) as {@link ExtendedTransverseMercatorProjection} but WKT's Transverse_Mercator as
     * {@link TransverseMercatorProjection}: two algorithms for the same EPSG method (9807), so the same method here.
     */
    private static Class<?> method(Projection p) {
        return p instanceof ExtendedTransverseMercatorProjection ? TransverseMercatorProjection.class : p.getClass();
    }

    private static boolean close(double a, double b, double tolerance) {
        return a == b || Math.abs(a - b) <= tolerance;
    }

    private static Set<String> words(String name) {
        Set<String> words = new TreeSet<>();
        if (name != null) {
            for (String w : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (w.length() > 1) {
                    words.add(w);
                }
            }
        }
        return words;
    }
}
