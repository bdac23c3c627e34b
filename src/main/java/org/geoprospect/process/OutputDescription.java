package org.geoprospect.process;

import java.util.List;

/**
 * One process output as {@code wps-processes.xml} describes it.
 *
 * @param dataType {@code complex} for a document or file, {@value InputDescription#BOUNDING_BOX} for a bounding
 *                 box, else the literal's type
 * @param fileName the file name hosts give it in an output folder ({@code urn:geoprospect:file}), or null
 * @param formats  for complex outputs, the formats (first = default)
 * @param array    whether the literal is a comma-separated list, one array value to OGC API – Processes
 *                 ({@code urn:geoprospect:array})
 * @param table    whether a command line shows this small CSV file as a table after the run
 *                 ({@code urn:geoprospect:table})
 */
public record OutputDescription(String identifier, String title, String abstractText, String dataType,
                                String fileName, List<Format> formats, boolean array, boolean table) {
    public boolean isComplex() {
        return "complex".equals(dataType);
    }

    public boolean isBoundingBox() {
        return InputDescription.BOUNDING_BOX.equals(dataType);
    }
}
