package org.geoprospect.testsupport;

import org.geoprospect.learn.ModelLibrary;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A test's model libraries, one per store folder, as a host holds them; close them when the tests end. */
public final class ModelLibraries implements AutoCloseable {
    private final Map<Path, ModelLibrary> libraries = new HashMap<>();

    public synchronized ModelLibrary at(Path store) {
        return libraries.computeIfAbsent(store, ModelLibrary::new);
    }

    @Override
    public synchronized void close() {
        libraries.values().forEach(ModelLibrary::close);
        libraries.clear();
    }
}
