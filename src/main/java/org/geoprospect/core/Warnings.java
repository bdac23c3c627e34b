package org.geoprospect.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Recoverable data problems (a value that could not be used, a merged duplicate, a deposit off the grid) collected
 * while working and attached to the result, so nothing is dropped silently. Thread-safe.
 */
public final class Warnings {
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

    public void add(String message) {
        messages.add(message);
    }

    public void addAll(Warnings other) {
        messages.addAll(other.list());
    }

    public List<String> list() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
