package org.geoprospect.process;

import java.util.List;

/**
 * Inputs that exclude each other, as {@code wps-processes.xml} declares them on a process: with {@code required},
 * exactly one must be given ({@code cellSize} or {@code size}); without, at most one, and a member's default applies
 * only when no member is given ({@code tiles} 12x12 unless a {@code stride} is given).
 *
 * @param members the inputs' identifiers
 */
public record InputGroup(List<String> members, boolean required) {
    public InputGroup {
        members = List.copyOf(members);
    }
}
