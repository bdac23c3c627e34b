package org.geoprospect.server;

/**
 * One value of a process input as a request carries it, before it becomes what the process reads: a literal, data
 * sent inline, or a reference — to a published layer ({@code layer:NAME} or this server's
 * {@code /collections/NAME} URL) or to a URL elsewhere.
 */
public sealed interface InputValue {
    /** @param value the text, e.g. {@code 100} or {@code Au,Ag} */
    record Literal(String value) implements InputValue {
    }

    /**
     * @param data     the content (decoded, if it came base64-encoded)
     * @param mimeType its declared media type, or null
     */
    record Inline(byte[] data, String mimeType) implements InputValue {
    }

    /**
     * @param href     {@code layer:NAME}, or an http(s) URL
     * @param mimeType its declared media type, or null
     */
    record Reference(String href, String mimeType) implements InputValue {
    }
}
