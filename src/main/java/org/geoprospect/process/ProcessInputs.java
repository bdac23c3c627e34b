package org.geoprospect.process;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.MissingInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A process's inputs, checked against its {@link ProcessDescription}: no unknown input, every required one present,
 * no more values than maxOccurs, each literal of its data type, within its allowed values or range. Hosts give
 * every value as text (a complex input as the path of a local file holding it); processes read typed values, with
 * the described defaults. A list input may be given once, comma-separated; a bounding box is given as text
 * ({@link BoundingBox}).
 */
public final class ProcessInputs {
    private final ProcessDescription description;
    private final Map<String, List<String>> values;

    private ProcessInputs(ProcessDescription description, Map<String, List<String>> values) {
        this.description = description;
        this.values = values;
    }

    /**
     * @param raw values by input identifier, as text
     * @throws InvalidInputException naming the input and what is wrong with it
     */
    public static ProcessInputs of(ProcessDescription description, Map<String, List<String>> raw) {
        Map<String, List<String>> checked = new LinkedHashMap<>();
        for (String id : raw.keySet()) {
            if (description.input(id).isEmpty()) {
                throw new InvalidInputException(id, "process " + description.identifier() + " has no input '" + id
                        + "'; its inputs are " + description.inputs().stream().map(InputDescription::identifier)
                        .toList());
            }
        }
        for (InputDescription input : description.inputs()) {
            List<String> given = new ArrayList<>();
            for (String v : raw.getOrDefault(input.identifier(), List.of())) {
                if (input.isList() && !input.isComplex() && !input.isBoundingBox()) { // a box's commas are its own
                    for (String part : v.split(",")) {
                        if (!part.isBlank()) {
                            given.add(part.strip());
                        }
                    }
                } else if (v != null) {
                    given.add(v.strip());
                }
            }
            if (given.size() < input.minOccurs()) {
                throw new MissingInputException(input.identifier(), "process " + description.identifier()
                        + " needs input '" + input.identifier() + "' (" + input.title() + ")");
            }
            if (given.size() > input.maxOccurs()) {
                throw new InvalidInputException(input.identifier(), "input '" + input.identifier() + "' takes at most "
                        + input.maxOccurs() + " value(s), got " + given.size());
            }
            for (String v : given) {
                check(input, v);
            }
            if (!given.isEmpty()) {
                checked.put(input.identifier(), List.copyOf(given));
            }
        }
        for (InputGroup group : description.groups()) {
            List<String> given = group.members().stream().filter(checked::containsKey).toList();
            if (given.size() > 1) {
                throw new InvalidInputException(given.get(1), "inputs '" + given.get(0) + "' and '" + given.get(1)
                        + "' exclude each other: give one");
            }
            if (given.isEmpty() && group.required()) {
                throw new MissingInputException(group.members().get(0), "process " + description.identifier()
                        + " needs one of the inputs " + group.members().stream().map(m -> "'" + m + "'").toList());
            }
        }
        return new ProcessInputs(description, Collections.unmodifiableMap(checked));
    }

    private static void check(InputDescription input, String v) {
        if (input.isComplex()) {
            return;
        }
        String id = input.identifier();
        switch (input.dataType()) {
            case "double", "integer" -> {
                double d;
                try {
                    d = input.dataType().equals("integer") ? Long.parseLong(v) : Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(id, "input '" + id + "': '" + v + "' is not "
                            + (input.dataType().equals("integer") ? "an integer" : "a number"));
                }
                if (input.range() != null && !input.range().contains(d)) {
                    throw new InvalidInputException(id, "input '" + id + "': " + v + " is outside the allowed range "
                            + input.range());
                }
            }
            case InputDescription.BOUNDING_BOX -> BoundingBox.parse(id, v);
            case "boolean" -> {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    throw new InvalidInputException(id, "input '" + id + "': '" + v + "' is not true or false");
                }
            }
            default -> {
                if (!input.allowedValues().isEmpty() && !input.allowedValues().contains(v)) {
                    throw new InvalidInputException(id, "input '" + id + "': '" + v + "' is not one of "
                            + input.allowedValues());
                }
            }
        }
    }

    public ProcessDescription description() {
        return description;
    }

    /** The given values by input identifier, after checking (defaults not filled in): what a worker is sent. */
    public Map<String, List<String>> given() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /**
     * The given values, or the default as a one-element list (unless another input of its group was given), or
     * empty.
     */
    public List<String> strings(String id) {
        List<String> v = values.get(id);
        if (v != null) {
            return v;
        }
        if (description.group(id).map(g -> g.members().stream().anyMatch(values::containsKey)).orElse(false)) {
            return List.of();
        }
        String def = describe(id).defaultValue();
        return def == null ? List.of() : List.of(def);
    }

    public Optional<String> string(String id) {
        List<String> v = strings(id);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** A value that is required or has a default. */
    public String require(String id) {
        return string(id).orElseThrow(() -> new InvalidInputException(id, "input '" + id + "' is required"));
    }

    public OptionalDouble number(String id) {
        Optional<String> v = string(id);
        return v.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(v.get()));
    }

    public int integer(String id) {
        return Integer.parseInt(require(id));
    }

    public boolean bool(String id) {
        return string(id).map(Boolean::parseBoolean).orElse(false);
    }

    public Path path(String id) {
        return Path.of(require(id));
    }

    /** Whether the caller gave this input (defaults do not count). */
    public boolean given(String id) {
        return values.containsKey(id);
    }

    private InputDescription describe(String id) {
        return description.input(id).orElseThrow(() ->
                new IllegalArgumentException(description.identifier() + " has no input " + id));
    }
}
