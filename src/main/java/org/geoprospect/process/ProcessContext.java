package org.geoprospect.process;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * What a host gives a running process besides its inputs: where to report progress, the cancellation flag, and
 * where to write each complex output (the host decides: a file the user named, a job folder on a server).
 *
 * @param outputTarget maps an output identifier to the path to write it to
 */
public record ProcessContext(ProgressListener progress, Cancellation cancellation,
                             Function<String, Path> outputTarget) {
}
