package org.geoprospect.learn;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trainings sharing a JVM (two jobs in one worker) both train: DJL's one gradient collector is taken in turns. */
class GradientTurnTest {
    @Test
    void concurrentTrainingsInOneJvmBothLearn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<TrainingStepCheck.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> TrainingStepCheck.run(NetworkArchitecture.SMALL, 3, 16, 4, 20)));
            }
            for (Future<TrainingStepCheck.Result> run : runs) {
                TrainingStepCheck.Result r = run.get(); // without turns: "A PtGradientCollector is already collecting"
                assertEquals(20, r.losses().size());
                assertTrue(r.learns(), r.losses().toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
