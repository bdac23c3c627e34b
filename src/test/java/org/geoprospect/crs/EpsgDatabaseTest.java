package org.geoprospect.crs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One code is found by searching the text; that must give what parsing every entry gives. */
class EpsgDatabaseTest {

    @Test
    void findingOneCodeGivesWhatParsingAllGives() {
        Map<Integer, EpsgDatabase.Entry> all = EpsgDatabase.entries();
        assertTrue(all.size() > 5000, all.size() + " entries");
        List<EpsgDatabase.Entry> entries = List.copyOf(all.values());
        for (int i = 0; i < entries.size(); i += 5) { // all of them take seconds: each is a search of the text
            assertEquals(Optional.of(entries.get(i)), EpsgDatabase.entry(entries.get(i).code()));
        }
        EpsgDatabase.Entry last = entries.get(entries.size() - 1);
        assertEquals(Optional.of(last), EpsgDatabase.entry(last.code()));
        assertEquals(new EpsgDatabase.Entry(32650, "WGS 84 / UTM zone 50N",
                "+proj=utm +zone=50 +datum=WGS84 +units=m +no_defs"), EpsgDatabase.entry(32650).orElseThrow());
        for (int unknown : new int[] {0, 3, 32, 326500, 999999}) { // 3 and 32 begin many codes
            assertTrue(!all.containsKey(unknown) && EpsgDatabase.entry(unknown).isEmpty(), "EPSG:" + unknown);
        }
    }

    @Test
    void namesAndLineBreaksAtTheEdgesOfTheFile() {
        String text = """
                <1> +proj=longlat +ellps=GRS80 +no_defs  <>
                # two
                <2> +proj=utm +zone=2 +ellps=GRS80 +units=m +no_defs  <>
                <3> +proj=utm +zone=3 +ellps=GRS80 +units=m +no_defs  <>
                # a comment replaced by the name below
                #  four\s
                
                <4> +proj=utm +zone=4 +ellps=GRS80 +units=m +no_defs  <>""";
        for (String t : new String[] {text, text.replace("\n", "\r\n"), "\n" + text + "\n"}) {
            Map<Integer, EpsgDatabase.Entry> all = EpsgDatabase.parse(t);
            assertEquals("EPSG:1", all.get(1).name());
            assertEquals("two", all.get(2).name());
            assertEquals("EPSG:3", all.get(3).name(), "the name above belongs to the entry before");
            assertEquals("four", all.get(4).name());
            assertEquals("+proj=utm +zone=4 +ellps=GRS80 +units=m +no_defs", all.get(4).proj4());
            for (EpsgDatabase.Entry e : all.values()) {
                assertEquals(Optional.of(e), EpsgDatabase.find(t, e.code()));
            }
            assertEquals(Optional.empty(), EpsgDatabase.find(t, 5));
        }
    }
}
