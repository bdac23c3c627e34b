package org.geoprospect.process;

/** A complex input's or output's format, as WPS 1.0.0 names it. */
public record Format(String mimeType, String encoding, String schema) {
}
