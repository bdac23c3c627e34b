package org.geoprospect.process;

import java.util.List;

/**
 * One process output as {@code wps-processes.xml} describes it.
 *
 * @param dataType {@code complex} for a document or file, else the literal's type
 * @param fileName the file name hosts give it in an output folder ({@code urn:geoprospect:file}), or null
 * @param formats  for complex outputs, the formats (first = default)
 */
public record OutputDescription(String identifier, String title, String abstractText, String dataType,
                                String fileName, List<Format> formats) {
    public boolean isComplex() {
        return "complex".equals(dataType);
    }
}
