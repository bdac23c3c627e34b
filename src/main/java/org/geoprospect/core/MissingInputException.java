package org.geoprospect.core;

/** A required input was not given (protocols with a code of their own for it, such as WPS, report it apart). */
public class MissingInputException extends InvalidInputException {
    public MissingInputException(String input, String message) {
        super(input, message);
    }
}
