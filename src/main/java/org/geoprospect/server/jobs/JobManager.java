package org.geoprospect.server.jobs;

import org.geoprospect.core.Folders;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs process executions as jobs within the {@link JobLimits}: synchronous ones in the caller's thread,
 * asynchronous ones in a bounded pool with a bounded queue. Every job is in the {@link JobStore} from the moment
 * it is accepted, with its progress, and has a folder for its files; a job refused (the queue full) leaves
 * neither. A job still running when the server last stopped is marked failed at start-up; one still waiting keeps
 * its request in its folder ({@link Work#keep}) and is queued again ({@link #requeue}); folders of no job are
 * deleted. Dismissing a waiting job takes it out of the queue, dismissing a running one cancels it; an execution
 * over its time limit is cancelled and fails. The work runs in a thread of its own, so that one that ignores its
 * cancellation is abandoned after a grace period: its job fails and its slot is freed all the same. Finished jobs
 * are deleted, files and all, after the result lifetime. Thread-safe.
 */
public final class JobManager implements AutoCloseable {
    /** Percent steps below this are not written to the store, to spare it a write per batch. */
    private static final int PROGRESS_STEP = 1;
    /** How long at most a cancelled execution has to stop before it is abandoned (less for shorter limits). */
    private static final Duration MAX_GRACE = Duration.ofSeconds(10);

    /** What a job does: runs a process and returns its outputs. */
    @FunctionalInterface
    public interface Work {
        /**
         * @param folder the job's own folder, for input and output files
         * @return the outputs
         */
        JobOutputs run(Path folder, ProgressListener progress, Cancellation cancellation) throws Exception;

        /**
         * Writes into the job's folder what a {@link Resumption} needs to rebuild this work, so that a job still
         * waiting when the server stops is queued again at the next start. Nothing by default: such a job fails
         * at that start instead.
         */
        default void keep(Path folder) throws IOException {
        }
    }

    /** Rebuilds the work of a job that was waiting when the server stopped, from what {@link Work#keep} wrote. */
    @FunctionalInterface
    public interface Resumption {
        Work work(Job job, Path folder) throws Exception;
    }

    private final JobStore store;
    private final Path jobsDir;
    private final JobLimits limits;
    private final Clock clock;
    private final ThreadPoolExecutor async;
    private final Semaphore sync;
    private final ScheduledExecutorService timers;
    private final ExecutorService works;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /**
     * @param jobsDir the folder that holds one folder per job
     */
    public JobManager(JobStore store, Path jobsDir, JobLimits limits, Clock clock) throws IOException, SQLException {
        this.store = store;
        this.jobsDir = jobsDir;
        this.limits = limits;
        this.clock = clock;
        Files.createDirectories(jobsDir);
        store.failRunning(clock.instant(), "interrupted: the server stopped while the job ran; run it again",
                new JobError("NoApplicableCode", null, "the server stopped while the job ran").toJson());
        deleteFoldersOfNoJob();
        this.async = new ThreadPoolExecutor(limits.maxAsync(), limits.maxAsync(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.queueLength())), r -> {
                    Thread t = new Thread(r, "geoprospect-job");
                    t.setDaemon(true);
                    return t;
                });
        this.sync = new Semaphore(limits.maxSync());
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "geoprospect-job-timer");
            t.setDaemon(true);
            return t;
        });
        timers.scheduleWithFixedDelay(this::expireQuietly, 1, 60, TimeUnit.MINUTES);
        // unbounded: the slots bound the executions that count, and abandoned ones must not block new ones
        this.works = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "geoprospect-work");
            t.setDaemon(true);
            return t;
        });
    }

    public JobLimits limits() {
        return limits;
    }

    /**
     * Accepts a job to run in the background.
     *
     * @param owner who submits it ({@link Job#owner()})
     * @return the accepted job
     * @throws ServerBusyException when every slot and the queue are taken; no job is left
     */
    public Job submit(String owner, String processId, String inputsJson, Work work) {
        if (limits.queueLength() == 0 && async.getActiveCount() >= limits.maxAsync()) {
            throw busy("asynchronous executions", limits.maxAsync());
        }
        Job job = accept(owner, processId, inputsJson);
        try {
            work.keep(folder(job.id()));
            enqueue(job, work);
        } catch (RejectedExecutionException e) {
            delete(job.id()); // a refusal leaves neither a record nor a folder
            throw busy("queued asynchronous executions", limits.queueLength());
        } catch (IOException e) {
            delete(job.id());
            throw new UncheckedIOException("cannot keep the job's request: " + e.getMessage(), e);
        }
        return job;
    }

    /**
     * Queues again, oldest first, the jobs that were waiting when the server last stopped, their work rebuilt from
     * their folders. One whose work cannot be rebuilt, or that finds the queue full, fails with a message saying
     * so. Called once, when the host is ready to run jobs.
     */
    public void requeue(Resumption resumption) {
        List<Job> waiting;
        try {
            waiting = store.waiting();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job store: " + e.getMessage(), e);
        }
        for (Job job : waiting) {
            try {
                enqueue(job, resumption.work(job, folder(job.id())));
            } catch (RejectedExecutionException e) {
                fail(new Running(job), new JobError("NoApplicableCode", null, "the server stopped before the job "
                        + "started, and its queue was full when it started again; run it again"));
            } catch (Exception e) {
                fail(new Running(job), new JobError("NoApplicableCode", null, "the server stopped before the job "
                        + "started, and it could not be queued again (" + e.getMessage() + "); run it again"));
            }
        }
    }

    /** @throws RejectedExecutionException when the queue is full */
    private void enqueue(Job job, Work work) {
        Running r = new Running(job);
        r.waiting = () -> {
            if (stopping) {
                running.remove(job.id()); // never started: it stays accepted, to be queued again at the next start
            } else {
                execute(r, work, limits.maxAsyncTime());
            }
        };
        running.put(job.id(), r);
        try {
            async.execute(r.waiting);
        } catch (RejectedExecutionException e) {
            running.remove(job.id());
            throw e;
        }
    }

    /**
     * Runs a job in the caller's thread and returns it finished.
     *
     * @param owner who runs it ({@link Job#owner()})
     * @throws ServerBusyException when {@link JobLimits#maxSync()} executions already run
     */
    public Job run(String owner, String processId, String inputsJson, Work work) {
        if (!sync.tryAcquire()) {
            throw busy("synchronous executions", limits.maxSync());
        }
        try {
            Job job = accept(owner, processId, inputsJson);
            Running r = new Running(job);
            running.put(job.id(), r);
            execute(r, work, limits.maxSyncTime());
            return get(job.id()).orElseThrow();
        } finally {
            sync.release();
        }
    }

    /** @return the job, live while it runs */
    public Optional<Job> get(String id) {
        Running r = running.get(id);
        if (r != null) {
            return Optional.of(r.job);
        }
        try {
            return store.get(id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job store: " + e.getMessage(), e);
        }
    }

    /**
     * @param owner whose jobs, or null for everyone's
     * @return jobs, newest first
     */
    public List<Job> list(String owner, int limit, int offset) {
        try {
            return store.list(owner, limit, offset).stream().map(j -> running.containsKey(j.id())
                    ? running.get(j.id()).job : j).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job store: " + e.getMessage(), e);
        }
    }

    /**
     * Dismisses a job: a waiting one leaves the queue and is deleted with its files, a running one is cancelled (it
     * ends as dismissed as soon as the process notices), a finished one is deleted with its files.
     *
     * @return the job as dismissed, or empty when there is no such job
     */
    public Optional<Job> dismiss(String id) {
        Running r = running.get(id);
        if (r != null) {
            r.dismissed = true;
            if (r.waiting != null && async.remove(r.waiting)) {
                finish(r, r.job.dismissed(clock.instant())); // now, not at a stop that would leave it to requeue
            } else {
                r.cancellation.cancel();
            }
            return Optional.of(r.job.dismissed(clock.instant()));
        }
        Optional<Job> job = get(id);
        job.ifPresent(j -> delete(j.id()));
        return job.map(j -> j.dismissed(clock.instant()));
    }

    /** @return the job's folder (it exists from acceptance until the job is deleted) */
    public Path folder(String jobId) {
        return jobsDir.resolve(UUID.fromString(jobId).toString()); // parsing refuses anything but a UUID
    }

    /** Deletes the jobs that finished longer ago than the result lifetime. @return how many */
    public int expire() throws SQLException {
        List<String> old = store.finishedBefore(clock.instant().minus(limits.resultTtl()));
        old.forEach(this::delete);
        return old.size();
    }

    /**
     * Cancels running jobs (they end failed, as the server stops) and stops the threads; waiting jobs stay accepted,
     * for {@link #requeue} at the next start.
     */
    @Override
    public void close() {
        stopping = true;
        running.values().forEach(r -> r.cancellation.cancel());
        async.shutdown();
        timers.shutdownNow();
        try {
            async.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        works.shutdownNow();
    }

    private Job accept(String owner, String processId, String inputsJson) {
        Job job = new Job(UUID.randomUUID().toString(), owner, processId, JobStatus.ACCEPTED, 0, "accepted",
                clock.instant(), null, null, inputsJson, null, null);
        try {
            Files.createDirectories(folder(job.id()));
            store.insert(job);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the job folder: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the job store: " + e.getMessage(), e);
        }
        return job;
    }

    private void execute(Running r, Work work, Duration limit) {
        if (r.dismissed) {
            finish(r, r.job.dismissed(clock.instant()));
            return;
        }
        r.job = r.job.running(clock.instant());
        save(r.job);
        Future<JobOutputs> outcome = works.submit(() -> work.run(folder(r.job.id()),
                (fraction, message) -> progress(r, fraction, message), r.cancellation));
        try {
            JobOutputs outputs = awaitWithin(outcome, r, limit); // before the clock is read: it is the end time
            finish(r, r.job.succeeded(clock.instant(), outputs));
        } catch (Abandoned e) {
            fail(r, new JobError("NoApplicableCode", null, "the execution ran longer than the server's limit of "
                    + limit + " and did not stop when cancelled; it was abandoned"));
        } catch (CancelledException e) {
            if (r.dismissed) {
                finish(r, r.job.dismissed(clock.instant()));
            } else if (stopping) {
                fail(r, new JobError("NoApplicableCode", null, "the server stopped while the job ran; run it "
                        + "again"));
            } else if (r.overTime) {
                fail(r, new JobError("NoApplicableCode", null, "the execution ran longer than the server's limit "
                        + "of " + limit + " and was stopped"));
            } else {
                fail(r, JobError.of(e));
            }
        } catch (Exception | Error e) {
            fail(r, JobError.of(e));
        }
    }

    /**
     * The work's outputs, or its exception rethrown. At the limit the work is cancelled and given a grace period
     * (as long as the limit, at most {@link #MAX_GRACE}) to stop, then interrupted and abandoned.
     *
     * @throws Abandoned when it did not stop within the grace period
     */
    private JobOutputs awaitWithin(Future<JobOutputs> outcome, Running r, Duration limit) throws Exception {
        try {
            return unwrap(outcome, limit);
        } catch (TimeoutException e) {
            r.overTime = true;
            r.cancellation.cancel();
        }
        try {
            return unwrap(outcome, limit.compareTo(MAX_GRACE) < 0 ? limit : MAX_GRACE);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            throw new Abandoned();
        }
    }

    private static JobOutputs unwrap(Future<JobOutputs> outcome, Duration wait) throws Exception {
        try {
            return outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    /** An execution that did not stop when cancelled and was left to end on its own. */
    private static final class Abandoned extends Exception {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private void progress(Running r, double fraction, String message) {
        int percent = (int) Math.max(0, Math.min(99, Math.floor(100 * fraction)));
        Job before = r.job;
        if (before.status().finished()) {
            return; // an abandoned execution still reporting
        }
        r.job = before.withProgress(percent, message);
        if (percent >= before.progress() + PROGRESS_STEP) {
            save(r.job);
        }
    }

    private void fail(Running r, JobError error) {
        finish(r, r.job.failed(clock.instant(), error.message(), error.toJson()));
    }

    private void finish(Running r, Job finished) {
        r.job = finished;
        save(finished);
        running.remove(finished.id());
        if (finished.status() == JobStatus.DISMISSED) {
            delete(finished.id());
        }
    }

    private void save(Job job) {
        try {
            store.update(job);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the job store: " + e.getMessage(), e);
        }
    }

    private void delete(String id) {
        try {
            // files first: a job that can no longer be found has no files left
            Folders.deleteRecursively(folder(id));
            store.delete(id);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot delete job " + id + ": " + e.getMessage(), e);
        }
    }

    /** Deletes what jobsDir holds for no job: a job's folder made just before a crash could record the job. */
    private void deleteFoldersOfNoJob() throws IOException, SQLException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(jobsDir)) {
            for (Path folder : folders) {
                if (store.get(folder.getFileName().toString()).isEmpty()) {
                    Folders.deleteRecursively(folder);
                }
            }
        }
    }

    private void expireQuietly() {
        try {
            expire();
        } catch (SQLException | RuntimeException e) {
            // the next round tries again; a failed clean-up loses nothing
        }
    }

    private static ServerBusyException busy(String what, int limit) {
        return new ServerBusyException("the server is busy: its limit of " + limit + " " + what
                + " is reached; try again later");
    }


    /** A job between acceptance and its end: its live state, its cancellation flag, its task while it waits. */
    private static final class Running {
        final Cancellation cancellation = new Cancellation();
        volatile Job job;
        /** The queued task of an asynchronous job, or null for a synchronous one. */
        volatile Runnable waiting;
        volatile boolean dismissed;
        volatile boolean overTime;

        Running(Job job) {
            this.job = job;
        }
    }
}
