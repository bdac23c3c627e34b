package org.geoprospect.learn;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeMemoryTest {
    @Test
    void glibcTakesTheSettingsOnceAndGivesMemoryBack() {
        assumeTrue(Files.exists(Path.of("/lib/x86_64-linux-gnu/libc.so.6"))
                        || Files.exists(Path.of("/lib/aarch64-linux-gnu/libc.so.6")),
                "not a Debian-style glibc system: the defaults stay, which is all the class promises there");
        assumeTrue(!"off".equals(System.getProperty("geoprospect.mallocTuning")), "tuning switched off");
        assertTrue(NativeMemory.keepForReuse(), "mallopt took the trim and mmap thresholds");
        assertEquals(NativeMemory.keepForReuse(), NativeMemory.keepForReuse(), "later calls only answer");
        NativeMemory.release(); // malloc_trim: harmless at any time
    }
}
