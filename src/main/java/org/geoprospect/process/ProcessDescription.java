package org.geoprospect.process;

import java.util.List;
import java.util.Optional;

/**
 * A process as {@code wps-processes.xml} describes it: identifier, title, abstract, inputs and outputs.
 *
 * @param cliOut what a command line's out option names
 * @param groups inputs that exclude each other
 */
public record ProcessDescription(String identifier, String title, String abstractText, String version,
                                 CliOut cliOut, List<InputDescription> inputs,
                                 List<OutputDescription> outputs, List<InputGroup> groups) {
    /** What a command line's out option names: the first output's file, a folder for all outputs, or nothing. */
    public enum CliOut { FILE, DIRECTORY, NONE }

    public ProcessDescription {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        groups = List.copyOf(groups);
    }

    public Optional<InputDescription> input(String identifier) {
        return inputs.stream().filter(i -> i.identifier().equals(identifier)).findFirst();
    }

    /** @return the group an input belongs to, if any */
    public Optional<InputGroup> group(String input) {
        return groups.stream().filter(g -> g.members().contains(input)).findFirst();
    }

    public Optional<OutputDescription> output(String identifier) {
        return outputs.stream().filter(o -> o.identifier().equals(identifier)).findFirst();
    }
}
