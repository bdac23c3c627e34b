package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;

import java.util.Locale;
import java.util.Objects;
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
 * <p>A class rather than a record only so that the missing tokens that are numbers are parsed once, not for every
 * cell (a word token failed {@code Double.parseDouble} with an exception per cell: most of the time of reading a
 * 7,200-sample survey). Equality, hash code and text are a record's. Immutable and thread-safe.
 */
public final class ValuePolicy {
    public static final ValuePolicy DEFAULT = new ValuePolicy(Set.of("NA", "N/A", "NaN", "null", "-9999"), 0.5, true);

    private final Set<String> missingTokens;
    private final double belowDetectionFactor;
    private final boolean negativeIsBelowDetection;
    /** The values of the missing tokens that are numbers ({@code -9999}), compared by value. */
    private final double[] missingNumbers;

    /**
     * @param missingTokens            case-insensitive texts meaning "not analysed" (numbers compare by value)
     * @param belowDetectionFactor     multiplier of the detection limit, or NaN for "treat as missing"
     * @param negativeIsBelowDetection whether a negative number means "below its absolute value"
     */
    public ValuePolicy(Set<String> missingTokens, double belowDetectionFactor, boolean negativeIsBelowDetection) {
        this.missingTokens = missingTokens.stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.belowDetectionFactor = belowDetectionFactor;
        this.negativeIsBelowDetection = negativeIsBelowDetection;
        this.missingNumbers = this.missingTokens.stream().map(ValuePolicy::number).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
    }

    /** The missing tokens, stripped and in lower case. */
    public Set<String> missingTokens() {
        return missingTokens;
    }

    public double belowDetectionFactor() {
        return belowDetectionFactor;
    }

    public boolean negativeIsBelowDetection() {
        return negativeIsBelowDetection;
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
        for (double n : missingNumbers) {
            if (n == v) {
                return true;
            }
        }
        return false;
    }

    /** A token's value when it is a number, else null (a word token). */
    private static Double number(String token) {
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValuePolicy p && missingTokens.equals(p.missingTokens)
                && Double.compare(belowDetectionFactor, p.belowDetectionFactor) == 0
                && negativeIsBelowDetection == p.negativeIsBelowDetection;
    }

    @Override
    public int hashCode() {
        return Objects.hash(missingTokens, belowDetectionFactor, negativeIsBelowDetection);
    }

    @Override
    public String toString() {
        return "ValuePolicy[missingTokens=" + missingTokens + ", belowDetectionFactor=" + belowDetectionFactor
                + ", negativeIsBelowDetection=" + negativeIsBelowDetection + "]";
    }
}
