package org.geoprospect.server.jobs;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobManagerTest {
    private static final JobOutputs NOTHING = new JobOutputs(Map.of(), List.of());

    @TempDir
    Path dir;

    private static final JobLimits LIMITS = new JobLimits(1, 1, 1, Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofDays(1));

    private JobManager manager(JobStore store, JobLimits limits) throws Exception {
        return new JobManager(store, dir.resolve("jobs"), limits, Clock.systemUTC());
    }

    @Test
    void aSynchronousJobRecordsItsOutputsAndProgressInTheStore() throws Exception {
        try (JobStore store = new JobStore(dir.resolve("jobs.db")); JobManager jobs = manager(store, LIMITS)) {
            Job job = jobs.run("ann", "p", "{}", (folder, progress, cancel) -> {
                Files.writeString(folder.resolve("out.txt"), "x");
                progress.progress(0.5, "half way");
                Thread.sleep(200);
                return new JobOutputs(Map.of("a", JobOutputs.Output.literal("1")), List.of("one value guessed"));
            });
            assertEquals(JobStatus.SUCCESSFUL, job.status());
            assertEquals(100, job.progress());
            JobOutputs stored = store.get(job.id()).orElseThrow().outputs();
            assertEquals("1", stored.outputs().get("a").value(), "the outputs survive the store");
            assertEquals(List.of("one value guessed"), stored.warnings());
            assertEquals("{\"a\":{\"value\":\"1\"},\"_warnings\":[\"one value guessed\"]}", stored.toJson());
            assertTrue(Files.exists(jobs.folder(job.id()).resolve("out.txt")));
            assertTrue(Duration.between(job.started(), job.finished()).toMillis() >= 200,
                    "finished when the work ended: " + job);
        }
    }

    @Test
    void badInputFailsTheJobWithTheOgcCodeAndTheInputAsLocator() throws Exception {
        try (JobStore store = new JobStore(dir.resolve("jobs.db")); JobManager jobs = manager(store, LIMITS)) {
            Job job = jobs.run("ann", "p", "{}", (folder, progress, cancel) -> {
                throw new InvalidInputException("cellSize", "cell size 0 is not positive");
            });
            assertEquals(JobStatus.FAILED, job.status());
            JobError error = JobError.fromJson(job.error());
            assertEquals(new JobError("InvalidParameterValue", "cellSize", "cell size 0 is not positive"), error);
        }
    }

    @Test
    void asynchronousJobsQueueWithinTheLimitsAndDismissCancelsARunningOne() throws Exception {
        try (JobStore store = new JobStore(dir.resolve("jobs.db")); JobManager jobs = manager(store, LIMITS)) {
            CountDownLatch started = new CountDownLatch(1);
            Job first = jobs.submit("ann", "p", "{}", (folder, progress, cancel) -> {
                started.countDown();
                while (true) {
                    cancel.check();
                    Thread.sleep(5);
                }
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertEquals(JobStatus.RUNNING, jobs.get(first.id()).orElseThrow().status());
            Job second = jobs.submit("ann", "p", "{}", (folder, progress, cancel) -> NOTHING); // waits in the queue of 1
            assertEquals(JobStatus.ACCEPTED, jobs.get(second.id()).orElseThrow().status());
            assertThrows(ServerBusyException.class, () -> jobs.submit("ann", "p", "{}", (f, p, c) -> NOTHING));

            jobs.dismiss(first.id());
            awaitFinished(jobs, second.id());
            assertEquals(JobStatus.SUCCESSFUL, jobs.get(second.id()).orElseThrow().status());
            assertTrue(jobs.get(first.id()).isEmpty(), "a dismissed job is deleted with its files");
            assertFalse(Files.exists(jobs.folder(first.id())));
        }
    }

    @Test
    void anExecutionOverItsTimeLimitIsStoppedAndFails() throws Exception {
        JobLimits tight = new JobLimits(1, 1, 1, Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofDays(1));
        try (JobStore store = new JobStore(dir.resolve("jobs.db")); JobManager jobs = manager(store, tight)) {
            Job job = jobs.run("ann", "p", "{}", (folder, progress, cancel) -> {
                while (true) {
                    cancel.check();
                    Thread.sleep(5);
                }
            });
            assertEquals(JobStatus.FAILED, job.status());
            assertTrue(job.message().contains("longer than the server's limit"), job.message());
        }
    }

    /** Work that notices neither its cancellation nor an interrupt, until the test lets it go. */
    private static JobManager.Work hung(CountDownLatch release) {
        return (folder, progress, cancel) -> {
            while (true) {
                try {
                    if (release.await(10, TimeUnit.MILLISECONDS)) {
                        progress.progress(0.5, "still here");
                        return NOTHING;
                    }
                } catch (InterruptedException ignored) {
                    // deaf to it
                }
            }
        };
    }

    @Test
    void hungSynchronousExecutionsFailAtTheirLimitAndFreeTheirSlots() throws Exception {
        JobLimits tight = new JobLimits(2, 1, 1, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofDays(1));
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (JobStore store = new JobStore(dir.resolve("jobs.db")); JobManager jobs = manager(store, tight)) {
            List<Future<Job>> hung = List.of(clients.submit(() -> jobs.run("ann", "p", "{}", hung(release))),
                    clients.submit(() -> jobs.run("ann", "p", "{}", hung(release))));
            for (Future<Job> f : hung) {
                Job job = f.get(10, TimeUnit.SECONDS);
                assertEquals(JobStatus.FAILED, job.status());
                assertTrue(job.message().contains("did not stop when cancelled"), job.message());
            }
            assertEquals(JobStatus.SUCCESSFUL, jobs.run("ann", "p", "{}", (f, p, c) -> NOTHING).status());

            release.countDown();
            Thread.sleep(100);
            Job first = jobs.get(hung.get(0).get().id()).orElseThrow();
            assertEquals(JobStatus.FAILED, first.status(), "a late end changes nothing");
            assertTrue(first.message().contains("abandoned"), first.message());
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
    }

    @Test
    void aHungAsynchronousJobFailsAtItsLimitAndTheNextOneRuns() throws Exception {
        JobLimits tight = new JobLimits(1, 1, 1, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofDays(1));
        CountDownLatch release = new CountDownLatch(1);
        try (JobStore store = new JobStore(dir.resolve("jobs.db")); JobManager jobs = manager(store, tight)) {
            Job hung = jobs.submit("ann", "p", "{}", hung(release));
            awaitFinished(jobs, hung.id());
            Job failed = jobs.get(hung.id()).orElseThrow();
            assertEquals(JobStatus.FAILED, failed.status());
            assertTrue(failed.message().contains("longer than the server's limit"), failed.message());
            Job next = jobs.submit("ann", "p", "{}", (f, p, c) -> NOTHING);
            awaitFinished(jobs, next.id());
            assertEquals(JobStatus.SUCCESSFUL, jobs.get(next.id()).orElseThrow().status());
        } finally {
            release.countDown();
        }
    }

    @Test
    void jobsLeftRunningByACrashAreMarkedFailedAtStartAndFinishedOnesExpire() throws Exception {
        Path db = dir.resolve("jobs.db");
        try (JobStore store = new JobStore(db)) {
            store.insert(new Job("00000000-0000-0000-0000-000000000001", "ann", "p", JobStatus.RUNNING, 40, "busy",
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z"), null, "{}", null,
                    null));
        }
        Clock later = Clock.fixed(Instant.parse("2026-01-03T00:00:00Z"), ZoneOffset.UTC);
        try (JobStore store = new JobStore(db);
             JobManager jobs = new JobManager(store, dir.resolve("jobs"), LIMITS, later)) {
            Job crashed = jobs.get("00000000-0000-0000-0000-000000000001").orElseThrow();
            assertEquals(JobStatus.FAILED, crashed.status());
            assertTrue(crashed.message().contains("server stopped"), crashed.message());
            assertEquals(later.instant(), crashed.finished());
            assertEquals(0, jobs.expire(), "finished now, kept for a day");
        }
        Clock twoDaysOn = Clock.fixed(Instant.parse("2026-01-05T00:00:00Z"), ZoneOffset.UTC);
        try (JobStore store = new JobStore(db);
             JobManager jobs = new JobManager(store, dir.resolve("jobs"), LIMITS, twoDaysOn)) {
            assertEquals(1, jobs.expire(), "finished 2 days ago, kept for 1");
            assertTrue(jobs.get("00000000-0000-0000-0000-000000000001").isEmpty());
        }
    }

    @Test
    void aJobKeepsItsOwnerAndJobsFromBeforeOwnersAreAnonymous() throws Exception {
        Path db = dir.resolve("jobs.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = old.createStatement()) {
            s.execute("CREATE TABLE jobs (id TEXT PRIMARY KEY, process TEXT NOT NULL, status TEXT NOT NULL, "
                    + "progress INTEGER NOT NULL, message TEXT, created TEXT NOT NULL, started TEXT, finished TEXT, "
                    + "inputs TEXT, outputs TEXT, error TEXT)");
            s.execute("INSERT INTO jobs VALUES ('00000000-0000-0000-0000-000000000002', 'p', 'successful', 100, "
                    + "'done', '2026-01-01T00:00:00Z', NULL, '2026-01-01T00:00:01Z', '{}', NULL, NULL)");
        }
        String ann;
        try (JobStore store = new JobStore(db); JobManager jobs = manager(store, LIMITS)) {
            ann = jobs.run("ann", "p", "{}", (f, p, c) -> NOTHING).id();
            jobs.run("bob", "p", "{}", (f, p, c) -> NOTHING);
        }
        try (JobStore store = new JobStore(db); JobManager jobs = manager(store, LIMITS)) {
            assertEquals("ann", jobs.get(ann).orElseThrow().owner(), "across a restart");
            assertEquals(List.of(ann), jobs.list("ann", 10, 0).stream().map(Job::id).toList());
            assertEquals(List.of("00000000-0000-0000-0000-000000000002"), jobs.list("anonymous", 10, 0).stream()
                    .map(Job::id).toList());
            assertEquals(3, jobs.list(null, 10, 0).size());
        }
    }

    /** Work that runs until it is cancelled, telling when it has started. */
    private static JobManager.Work untilCancelled(CountDownLatch started) {
        return (folder, progress, cancel) -> {
            started.countDown();
            while (true) {
                cancel.check();
                Thread.sleep(5);
            }
        };
    }

    /** Work that keeps a word in its folder and, rebuilt from it, returns the word. */
    private static JobManager.Work keeping(String word) {
        return new JobManager.Work() {
            @Override
            public JobOutputs run(Path folder, ProgressListener progress, Cancellation cancellation) {
                return new JobOutputs(Map.of("word", JobOutputs.Output.literal(word)), List.of());
            }

            @Override
            public void keep(Path folder) throws IOException {
                Files.writeString(folder.resolve("kept.txt"), word);
            }
        };
    }

    @Test
    void jobsWaitingAtAStopAreQueuedAgainAtTheNextStartAndRunningOnesFail() throws Exception {
        Path db = dir.resolve("jobs.db");
        JobLimits two = new JobLimits(1, 1, 2, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofDays(1));
        Job running;
        Job kept;
        Job notKept;
        try (JobStore store = new JobStore(db); JobManager jobs = manager(store, two)) {
            CountDownLatch started = new CountDownLatch(1);
            running = jobs.submit("ann", "p", "{}", untilCancelled(started));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            kept = jobs.submit("ann", "p", "{}", keeping("again"));
            notKept = jobs.submit("ann", "p", "{}", (f, p, c) -> NOTHING);
        }
        try (JobStore store = new JobStore(db); JobManager jobs = manager(store, two)) {
            assertEquals(JobStatus.ACCEPTED, jobs.get(kept.id()).orElseThrow().status(), "still waiting");
            jobs.requeue((job, folder) -> keeping(Files.readString(folder.resolve("kept.txt"))));
            awaitFinished(jobs, kept.id());
            Job done = jobs.get(kept.id()).orElseThrow();
            assertEquals(JobStatus.SUCCESSFUL, done.status(), done.message());
            assertEquals("again", done.outputs().outputs().get("word").value());
            Job stopped = jobs.get(running.id()).orElseThrow();
            assertEquals(JobStatus.FAILED, stopped.status());
            assertTrue(stopped.message().contains("the server stopped while the job ran"), stopped.message());
            Job lost = jobs.get(notKept.id()).orElseThrow();
            assertEquals(JobStatus.FAILED, lost.status(), "work that keeps nothing cannot run again");
            assertTrue(lost.message().contains("stopped before the job started"), lost.message());
        }
    }

    @Test
    void aJobRefusedAsTheQueueIsFullLeavesNothingAndADismissedWaitingJobFreesItsPlace() throws Exception {
        try (JobStore store = new JobStore(dir.resolve("jobs.db")); JobManager jobs = manager(store, LIMITS)) {
            CountDownLatch started = new CountDownLatch(1);
            Job first = jobs.submit("ann", "p", "{}", untilCancelled(started));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            Job waiting = jobs.submit("ann", "p", "{}", (f, p, c) -> NOTHING);
            assertThrows(ServerBusyException.class, () -> jobs.submit("ann", "p", "{}", (f, p, c) -> NOTHING));
            assertEquals(Set.of(waiting.id(), first.id()), jobs.list(null, 10, 0).stream().map(Job::id)
                    .collect(Collectors.toSet()), "no record of the refused job");
            try (Stream<Path> folders = Files.list(dir.resolve("jobs"))) {
                assertEquals(2, folders.count(), "no folder of the refused job");
            }

            jobs.dismiss(waiting.id());
            assertTrue(jobs.get(waiting.id()).isEmpty(), "gone at once, not when a slot frees");
            assertFalse(Files.exists(jobs.folder(waiting.id())));
            Job next = jobs.submit("ann", "p", "{}", (f, p, c) -> NOTHING); // its place in the queue
            assertEquals(JobStatus.ACCEPTED, jobs.get(next.id()).orElseThrow().status());
            jobs.dismiss(first.id());
            awaitFinished(jobs, next.id());
            assertEquals(JobStatus.SUCCESSFUL, jobs.get(next.id()).orElseThrow().status());
        }
    }

    @Test
    void foldersOfNoJobAreDeletedAtStart() throws Exception {
        Path db = dir.resolve("jobs.db");
        Job job;
        try (JobStore store = new JobStore(db); JobManager jobs = manager(store, LIMITS)) {
            job = jobs.run("ann", "p", "{}", (folder, progress, cancel) -> {
                Files.writeString(folder.resolve("out.txt"), "x");
                return NOTHING;
            });
        }
        Path orphan = Files.createDirectories(dir.resolve("jobs").resolve(UUID.randomUUID().toString()));
        Files.writeString(orphan.resolve("inputs.csv"), "made before a crash could record its job");
        try (JobStore store = new JobStore(db); JobManager jobs = manager(store, LIMITS)) {
            assertFalse(Files.exists(orphan));
            assertTrue(Files.exists(jobs.folder(job.id()).resolve("out.txt")), "a job's own folder stays");
        }
    }

    private static void awaitFinished(JobManager jobs, String id) throws InterruptedException {
        for (int i = 0; i < 1000 && !jobs.get(id).orElseThrow().status().finished(); i++) {
            Thread.sleep(10);
        }
    }
}
