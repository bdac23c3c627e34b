package org.geoprospect.crs;

import mil.nga.proj.Projection;
import mil.nga.proj.ProjectionFactory;
import org.geoprospect.core.InvalidInputException;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.proj.LongLatProjection;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system: its EPSG code when it has one, a name, and the proj4j definition that transforms.
 * Made from an EPSG code ({@code EPSG:3067}, {@code urn:ogc:def:crs:EPSG::3067}, {@code CRS84}) or from WKT (OGC or
 * ESRI {@code .prj} flavour). WKT without an authority is matched to an EPSG code by its parameters
 * ({@link EpsgIdentifier}) so that rasters written from it carry GeoTIFF keys that GDAL and QGIS recognise.
 * Geographic CRSs are always in longitude/latitude order. Immutable and thread-safe.
 */
public final class Crs {
    private static final Pattern EPSG_CODE = Pattern.compile(
            "(?i)^\\s*(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[^:]*:|https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/)(\\d+)\\s*$");
    private static final Pattern CRS84 = Pattern.compile(
            "(?i)^\\s*(?:(?:OGC:)?CRS84|urn:ogc:def:crs:OGC:[^:]*:CRS84|https?://www\\.opengis\\.net/def/crs/OGC/[^/]+/CRS84)\\s*$");
    private static final CRSFactory FACTORY = new CRSFactory();

    private final Integer epsg;
    private final String name;
    private final CoordinateReferenceSystem proj;

    private Crs(Integer epsg, String name, CoordinateReferenceSystem proj) {
        this.epsg = epsg;
        this.name = name;
        this.proj = proj;
    }

    /**
     * The CRS of an EPSG code. Built from the definition in {@link EpsgDatabase}, read once: proj4j's own
     * {@code createFromName} tokenises its whole EPSG file again on every call (0.4 s for the first, 50 ms after),
     * and then builds from the same parameters as here.
     *
     * @throws InvalidInputException if proj4j's EPSG database does not know it
     */
    public static Crs epsg(int code) {
        EpsgDatabase.Entry entry = EpsgDatabase.entry(code).orElseThrow(() -> new InvalidInputException("crs",
                "unknown CRS EPSG:" + code + " (not in the EPSG database)"));
        CoordinateReferenceSystem proj;
        try {
            proj = FACTORY.createFromParameters("EPSG:" + code, entry.proj4());
        } catch (RuntimeException e) {
            throw new InvalidInputException("crs", "unknown CRS EPSG:" + code + " (not in the EPSG database)", e);
        }
        return new Crs(code, entry.name(), proj);
    }

    /**
     * Parses a CRS as a user writes it: an EPSG code in any of its usual spellings, CRS84, or WKT.
     * @throws InvalidInputException naming the text when it is none of these or is not known
     */
    public static Crs parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = EPSG_CODE.matcher(text);
        if (m.matches()) {
            return epsg(Integer.parseInt(m.group(1)));
        }
        if (CRS84.matcher(text).matches()) {
            return epsg(4326);
        }
        String t = text.strip();
        if (t.matches("\\d+")) {
            return epsg(Integer.parseInt(t));
        }
        if (t.contains("[")) {
            return fromWkt(t);
        }
        throw new InvalidInputException("crs", "unknown CRS '" + text
                + "': give an EPSG code such as EPSG:4326 or EPSG:3067, CRS84, or WKT");
    }

    /**
     * A CRS from WKT (OGC WKT 1/2 or ESRI). A root AUTHORITY/ID naming EPSG wins; otherwise the EPSG code is found by
     * comparing parameters, and the CRS stays usable (without a code) when none matches.
     */
    public static Crs fromWkt(String wkt) {
        OptionalInt authority = EpsgIdentifier.rootAuthority(wkt);
        if (authority.isPresent()) {
            return epsg(authority.getAsInt());
        }
        Projection projection;
        try {
            projection = ProjectionFactory.getProjectionByDefinition(wkt);
        } catch (RuntimeException e) {
            throw new InvalidInputException("crs", "cannot read the CRS WKT: " + e.getMessage()
                    + " (WKT starts: " + abbreviate(wkt) + ")", e);
        }
        CoordinateReferenceSystem proj = projection.getCrs();
        OptionalInt code = EpsgIdentifier.identify(proj, proj.getName());
        if (code.isPresent()) {
            return epsg(code.getAsInt());
        }
        return new Crs(null, proj.getName(), proj);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    public OptionalInt epsgCode() {
        return epsg == null ? OptionalInt.empty() : OptionalInt.of(epsg);
    }

    public String name() {
        return name;
    }

    /** {@code EPSG:n} when there is a code, else the name. */
    public String id() {
        return epsg == null ? name : "EPSG:" + epsg;
    }

    public boolean isGeographic() {
        return proj.getProjection() instanceof LongLatProjection;
    }

    /**
     * @return metres per unit of a projected CRS's axes: 1 for metres, 0.3048006… for US survey feet
     * @throws IllegalStateException for a geographic CRS, whose units are angles
     */
    public double metresPerUnit() {
        if (isGeographic()) {
            throw new IllegalStateException(id() + " is geographic: its units are degrees, not lengths");
        }
        return proj.getProjection().getUnits().value;
    }

    /** OGC WKT 1 from the EPSG database, when this CRS has a code. */
    public java.util.Optional<String> wkt() {
        return epsg == null ? java.util.Optional.empty() : EpsgDatabase.wkt(epsg);
    }

    CoordinateReferenceSystem proj() {
        return proj;
    }

    /** True when both are the same EPSG code, or (without codes) the same definition. */
    public boolean sameAs(Crs other) {
        if (epsg != null && other.epsg != null) {
            return epsg.equals(other.epsg);
        }
        return EpsgIdentifier.sameParameters(proj, other.proj);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Crs c && Objects.equals(epsg, c.epsg) && (epsg != null || name.equals(c.name));
    }

    @Override
    public int hashCode() {
        return epsg != null ? epsg : name.hashCode();
    }

    @Override
    public String toString() {
        return epsg == null ? name : "EPSG:" + epsg + " (" + name + ")";
    }
}
