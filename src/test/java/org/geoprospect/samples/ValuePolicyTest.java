package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuePolicyTest {
    private static final ValuePolicy POLICY = ValuePolicy.DEFAULT;

    private static ValuePolicy withFactor(String belowDetection) {
        return new ValuePolicy(ValuePolicy.DEFAULT.missingTokens(), ValuePolicy.parseBelowDetection(belowDetection),
                true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "NA", "na", "N/A", "NaN", "null", "-9999", "-9999.0"})
    void missingIsNaNNeverZero(String text) {
        ValuePolicy.Parsed p = POLICY.parse(text, null);
        assertEquals(ValuePolicy.Kind.MISSING, p.kind());
        assertTrue(Double.isNaN(p.value()));
    }

    /** The numeric tokens are parsed once when the policy is made; they must still compare by value. */
    @Test
    void userTokensCompareNumbersByValueAndWordsIgnoringCase() {
        ValuePolicy policy = new ValuePolicy(Set.of(" BDL ", "1e3", "-9999", "is.na"), 0.5, true);
        for (String missing : new String[] {"bdl", "Bdl", "1000", "1000.0", "1e3", "-9999", "-9999.00", "IS.NA"}) {
            assertEquals(ValuePolicy.Kind.MISSING, policy.parse(missing, null).kind(), missing);
        }
        assertEquals(new ValuePolicy.Parsed(999, ValuePolicy.Kind.VALUE), policy.parse("999", null));
        assertEquals(ValuePolicy.Kind.NOT_A_NUMBER, policy.parse("bdl2", null).kind());
        // a flagged value is below detection even when its number is a missing token
        assertEquals(new ValuePolicy.Parsed(500, ValuePolicy.Kind.BELOW_DETECTION), policy.parse("1000", "<"));
    }

    @Test
    void policiesAreEqualByValue() {
        ValuePolicy a = new ValuePolicy(Set.of("NA", "-9999"), Double.NaN, true);
        ValuePolicy b = new ValuePolicy(Set.of(" na", "-9999"), Double.NaN, true);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(Set.of("na", "-9999"), b.missingTokens());
        assertNotEquals(a, new ValuePolicy(Set.of("NA", "-9999"), 0.5, true));
        assertNotEquals(a, new ValuePolicy(Set.of("NA", "-9999"), Double.NaN, false));
        assertNotEquals(a, new ValuePolicy(Set.of("NA"), Double.NaN, true));
    }

    @Test
    void lessThanIsHalfTheLimitByDefault() {
        assertEquals(new ValuePolicy.Parsed(0.25, ValuePolicy.Kind.BELOW_DETECTION), POLICY.parse("<0.5", null));
    }

    @Test
    void negativeMeansBelowItsAbsoluteValue() {
        assertEquals(new ValuePolicy.Parsed(0.25, ValuePolicy.Kind.BELOW_DETECTION), POLICY.parse("-0.5", null));
    }

    @Test
    void limitAndMissingPolicies() {
        assertEquals(0.5, withFactor("limit").parse("< 0.5", null).value());
        assertTrue(Double.isNaN(withFactor("missing").parse("<0.5", null).value()));
        assertEquals(0.1, withFactor("0.2").parse("<0.5", null).value(), 1e-15);
    }

    @Test
    void belowALimitOfZeroHasNoValueToSubstitute() {
        // Kolari's Zr: "0.0" with a '<' flag; half of 0 would be a fake zero (and no log10)
        for (String[] cell : new String[][] {{"0.0", "<"}, {"<0", null}}) {
            ValuePolicy.Parsed p = POLICY.parse(cell[0], cell[1]);
            assertEquals(ValuePolicy.Kind.BELOW_UNKNOWN_LIMIT, p.kind());
            assertTrue(Double.isNaN(p.value()));
        }
        assertEquals(new ValuePolicy.Parsed(0, ValuePolicy.Kind.VALUE), POLICY.parse("0", null));
    }

    @Test
    void flagColumnLessThanAppliesBelowDetection() {
        assertEquals(new ValuePolicy.Parsed(83, ValuePolicy.Kind.BELOW_DETECTION), POLICY.parse("166", "<"));
        assertEquals(new ValuePolicy.Parsed(166, ValuePolicy.Kind.VALUE), POLICY.parse("166", "!"));
    }

    @Test
    void aboveTheUpperLimitIsTheLimitAndWordsAreNotNumbers() {
        assertEquals(new ValuePolicy.Parsed(100000, ValuePolicy.Kind.VALUE), POLICY.parse(">100000", null));
        assertEquals(ValuePolicy.Kind.NOT_A_NUMBER, POLICY.parse("abc", null).kind());
    }

    @Test
    void unknownBelowDetectionPolicyIsAnError() {
        assertThrows(InvalidInputException.class, () -> ValuePolicy.parseBelowDetection("quarter"));
        assertThrows(InvalidInputException.class, () -> ValuePolicy.parseBelowDetection("2"));
    }
}
