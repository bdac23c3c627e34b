package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How element values are read from text.
 * <ul>
 *   <li><b>Missing</b> (not analysed): an empty cell or one of {@link #missingTokens()} (default {@code NA},
 *   {@code N/A}, {@code NaN}, {@code null}, {@code -9999}) — it becomes {@code NaN}, never zero.</li>
 *   <li><b>Below detection</b>: {@code <0.5}, a negative number {@code -0.5} (the common convention for "below
 *   0.5") or a value whose laboratory flag column says {@code <}: the detection limit L is replaced by
 *   {@code belowDetectionFactor × L} (default 0.5, "half the detection limit"); a factor of {@code NaN} makes
 *   such values missing. A limit of 0 ({@code <0}) gives no value to substitute: such a value is missing.</li>
 *   <li>{@code >100000} (above the upper limit) is read as the limit.</li>
 * </ul>
 *
 * @param missingTokens        case-insensitive texts meaning "not analysed" (numbers compare by value)
 * @param belowDetectionFactor multiplier of the detection limit, or NaN for "treat as missing"
 * @param negativeIsBelowDetection whether a negative number means "below its absolute value"
 */
public record ValuePolicy(Set<String> missingTokens, double belowDetectionFactor, boolean negativeIsBelowDetection) {
    public static final ValuePolicy DEFAULT = new ValuePolicy(Set.of("NA", "N/A", "NaN", "null", "-9999"), 0.5, true);

    public ValuePolicy {
        missingTokens = missingTokens.stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Parses a below-detection policy as users write it: {@code half}, {@code limit}, {@code missing}, or a factor.
     */
    public static double parseBelowDetection(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "half":
                return 0.5;
            case "limit":
                return 1.0;
            case "missing":
                return Double.NaN;
            default:
                try {
                    double f = Double.parseDouble(text);
                    if (f >= 0 && f <= 1) {
                        return f;
                    }
                } catch (NumberFormatException ignored) {
                    // falls through to the message below
                }
                throw new InvalidInputException("belowDetection", "below-detection policy '" + text
                        + "' is not half, limit, missing or a factor between 0 and 1");
        }
    }

    /** What a text value is. */
    public enum Kind { VALUE, MISSING, BELOW_DETECTION, BELOW_UNKNOWN_LIMIT, NOT_A_NUMBER }

    /** A parsed value and what it was. */
    public record Parsed(double value, Kind kind) {
    }

    /**
     * @param text the cell
     * @param flag the laboratory flag beside it ({@code <}, {@code !}) or null
     */
    public Parsed parse(String text, String flag) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || missingTokens.contains(t.toLowerCase(Locale.ROOT))) {
            return new Parsed(Double.NaN, Kind.MISSING);
        }
        boolean below = flag != null && flag.strip().startsWith("<");
        if (t.startsWith("<")) {
            below = true;
            t = t.substring(1).strip();
        } else if (t.startsWith(">")) {
            t = t.substring(1).strip();
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return new Parsed(Double.NaN, Kind.NOT_A_NUMBER);
        }
        if (!below && isMissingNumber(v)) {
            return new Parsed(Double.NaN, Kind.MISSING);
        }
        if (v < 0 && negativeIsBelowDetection) {
            below = true;
            v = -v;
        }
        if (below && v == 0) {
            // "<0": the laboratory gave no limit (Kolari's Zr), so there is no value to substitute
            return new Parsed(Double.NaN, Kind.BELOW_UNKNOWN_LIMIT);
        }
        return below ? new Parsed(belowDetectionFactor * v, Kind.BELOW_DETECTION) : new Parsed(v, Kind.VALUE);
    }

    private boolean isMissingNumber(double v) {
        for (String token : missingTokens) {
            try {
                if (Double.parseDouble(token) == v) {
                    return true;
                }
            } catch (NumberFormatException ignored) {
                // a word token, compared as text above
            }
        }
        return false;
    }
}
