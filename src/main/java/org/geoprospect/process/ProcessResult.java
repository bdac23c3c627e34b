package org.geoprospect.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished process's outputs by identifier — a {@link java.nio.file.Path} for a complex output written where
 * the context said, the value itself for a literal — and the warnings about recoverable data problems.
 */
public record ProcessResult(Map<String, Object> outputs, List<String> warnings) {
    public ProcessResult {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs)); // in the order the process made them
        warnings = List.copyOf(warnings);
    }
}
