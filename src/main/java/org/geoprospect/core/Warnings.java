package org.geoprospect.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Recoverable data problems (a value that could not be used, a merged duplicate, a deposit off the grid) collected
 * while working and attached to the result, so nothing is dropped silently. Thread-safe.
 */
public final class Warnings {
    /** How many labels {@link #listed} names before it says how many more there are. */
    private static final int LISTED = 10;

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

    /** Labels for a message, comma-separated: the first ten, then "and n more", so long lists stay readable. */
    public static String listed(List<String> labels) {
        String shown = String.join(", ", labels.subList(0, Math.min(LISTED, labels.size())));
        return labels.size() > LISTED ? shown + " and " + (labels.size() - LISTED) + " more" : shown;
    }
}
