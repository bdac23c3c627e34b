package org.geoprospect.core;

/**
 * The caller's input is wrong: a file that cannot be read as promised, an unknown CRS or element, a value out of range.
 * The message names the problem and, where there is one, the file, line and column; {@link #input()} names the
 * process input it concerns (e.g. {@code samples}, {@code cellSize}) when known, so hosts can point at it.
 */
public class InvalidInputException extends GeoprospectException {
    private final String input;

    public InvalidInputException(String message) {
        this(null, message, null);
    }

    public InvalidInputException(String input, String message) {
        this(input, message, null);
    }

    public InvalidInputException(String input, String message, Throwable cause) {
        super(message, cause);
        this.input = input;
    }

    /** The process input this error is about, or {@code null}. */
    public String input() {
        return input;
    }
}
