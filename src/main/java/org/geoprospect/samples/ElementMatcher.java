package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Matches what a user asks for ({@code Cu}, or an exact column name such as {@code Cu_ppm_511}) to a column.
 * A symbol matches the columns whose first word is that symbol ({@code Cu}, {@code Cu_ppm}, {@code Cu_ppm_511P},
 * {@code Cu (ppm)}), never a laboratory flag column ({@code Cu_511P_T}, {@code Cu_flag}) and never an oxide
 * ({@code Fe} does not match {@code Fe2O3}). The unit is the first word of the name that is a unit.
 */
public final class ElementMatcher {
    private static final Pattern WORDS = Pattern.compile("[_\\s()\\[\\]]+");
    private static final Pattern FLAG = Pattern.compile("(?i).*_(t|flag|qual|qualifier|remark|rmk)$");
    private static final Set<String> UNITS = Set.of("ppm", "ppb", "ppt", "pct", "percent", "%", "wt%", "g/t",
            "mg/kg", "ug/kg", "µg/kg", "wt");

    private ElementMatcher() {
    }

    /** A matched column: its index in the table and the unit its name gives. */
    public record Match(int column, String unit) {
    }

    /**
     * @throws InvalidInputException when nothing matches (listing the columns that look like elements) or when
     *                               several columns match equally (listing them)
     */
    public static Match match(String requested, List<String> columns, String source) {
        int exact = columns.indexOf(requested);
        if (exact >= 0) {
            return new Match(exact, unitOf(columns.get(exact)));
        }
        List<Integer> candidates = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            if (!isFlag(name) && firstWord(name).equalsIgnoreCase(requested)) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            throw new InvalidInputException("elements", source + ": no column for element '" + requested
                    + "'; element columns are " + elementLike(columns));
        }
        if (candidates.size() > 1) {
            // "cu" beside "Cu" and "Cu_ppm": the bare symbol is what the user typed (exact case was taken above)
            for (int c : candidates) {
                if (columns.get(c).equalsIgnoreCase(requested)) {
                    return new Match(c, unitOf(columns.get(c)));
                }
            }
            List<String> names = candidates.stream().map(columns::get).toList();
            throw new InvalidInputException("elements", source + ": element '" + requested
                    + "' matches several columns " + names + "; name the one you want exactly");
        }
        int c = candidates.get(0);
        return new Match(c, unitOf(columns.get(c)));
    }

    /**
     * The laboratory flag column beside an element column ({@code Cu_511P_T} for {@code Cu_ppm_511}), or -1.
     * Only one flag column per element is recognised; with several, none is used.
     */
    public static int flagColumn(String elementColumn, List<String> columns) {
        String symbol = firstWord(elementColumn);
        int found = -1;
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            if (isFlag(name) && firstWord(name).equalsIgnoreCase(symbol)) {
                if (found >= 0) {
                    return -1;
                }
                found = c;
            }
        }
        return found;
    }

    static boolean isFlag(String name) {
        return FLAG.matcher(name).matches();
    }

    static String firstWord(String name) {
        String[] words = WORDS.split(name.strip());
        return words.length == 0 ? "" : words[0];
    }

    static String unitOf(String name) {
        String[] words = WORDS.split(name.strip());
        for (int i = 1; i < words.length; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            if (UNITS.contains(w)) {
                return w;
            }
        }
        return "";
    }

    private static List<String> elementLike(List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (!isFlag(c) && firstWord(c).matches("[A-Z][a-z]?")) {
                out.add(c);
            }
        }
        return out.isEmpty() ? columns : out;
    }
}
