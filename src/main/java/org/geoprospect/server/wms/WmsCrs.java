package org.geoprospect.server.wms;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.geoprospect.server.http.OwsException;
import org.geoprospect.server.layers.BoundingBoxes;

/**
 * A CRS as WMS 1.3.0 names it, with its axis order (6.7.3.3): an EPSG geographic CRS ({@code EPSG:4326}) has
 * latitude first, so a BBOX in it is minLat,minLon,maxLat,maxLon; {@code CRS:84} and projected CRSs
 * ({@code EPSG:3857}, UTM) are x,y (easting or longitude first). Projected EPSG CRSs whose definition puts northing
 * first are rare and taken as x,y here.
 *
 * @param code          the name WMS uses, e.g. {@code CRS:84}, {@code EPSG:32650}
 * @param crs           the CRS that transforms (always longitude first when geographic)
 * @param latitudeFirst whether boxes in it are written latitude first
 */
record WmsCrs(String code, Crs crs, boolean latitudeFirst) {
    static final WmsCrs CRS84 = new WmsCrs("CRS:84", BoundingBoxes.CRS84, false);

    /** @throws OwsException (InvalidCRS) for a CRS this server cannot transform */
    static WmsCrs parse(String text) {
        if (text.strip().equalsIgnoreCase(CRS84.code)) {
            return CRS84;
        }
        try {
            Crs crs = Crs.parse(text);
            boolean epsg = crs.epsgCode().isPresent();
            return new WmsCrs(epsg ? "EPSG:" + crs.epsgCode().getAsInt() : text.strip(), crs,
                    epsg && crs.isGeographic());
        } catch (InvalidInputException e) {
            throw OwsException.of("InvalidCRS", "CRS", "CRS '" + text + "' is not one this server can draw in: "
                    + e.getMessage());
        }
    }

    /** @return the box {minX, minY, maxX, maxY} written in this CRS's axis order, or given back when it is x,y */
    double[] axisOrder(double[] xy) {
        return latitudeFirst ? new double[] {xy[1], xy[0], xy[3], xy[2]} : xy;
    }

    /** The axis order of a WMS BBOX, for messages. */
    String axes() {
        return latitudeFirst ? "minLat,minLon,maxLat,maxLon (WMS 1.3.0 puts latitude first in " + code + ")"
                : "minX,minY,maxX,maxY in " + code;
    }
}
