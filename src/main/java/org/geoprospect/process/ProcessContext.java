package org.geoprospect.process;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.learn.ModelLibrary;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * What a host gives a running process besides its inputs: where to report progress, the cancellation flag (which
 * the process polls; a host such as GeoServer bridges its own to it), where to write each complex output (the host
 * decides: a file the user named, a job folder on a server), and the host's resources.
 *
 * @param outputTarget maps an output identifier to the path to write it to
 * @param models       the host's model library, or null where the host runs no process that uses one here
 */
public record ProcessContext(ProgressListener progress, Cancellation cancellation,
                             Function<String, Path> outputTarget, ModelLibrary models) {
    /** A context without a model library, for processes that use none. */
    public ProcessContext(ProgressListener progress, Cancellation cancellation, Function<String, Path> outputTarget) {
        this(progress, cancellation, outputTarget, null);
    }

    /** @throws ExecutionFailedException if the host gave no model library */
    public ModelLibrary requireModels() {
        if (models == null) {
            throw new ExecutionFailedException("this host runs no process that needs a model library here", null);
        }
        return models;
    }

    /** @return this context with the given model library */
    public ProcessContext withModels(ModelLibrary library) {
        return new ProcessContext(progress, cancellation, outputTarget, library);
    }
}
