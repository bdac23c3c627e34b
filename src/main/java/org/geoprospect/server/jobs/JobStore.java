package org.geoprospect.server.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jobs in an embedded SQLite database, so that their status and results survive a restart. One connection,
 * used under this object's lock: jobs change a few times a second at most. Write-ahead logging keeps a crash from
 * corrupting the file. Thread-safe.
 */
public final class JobStore implements AutoCloseable {
    private static final String COLUMNS = "id, process, status, progress, message, created, started, finished, "
            + "inputs, outputs, error, owner";
    /** Who owns the jobs of a store from before owners were recorded: the admin alone lists them. */
    private static final String FORMER_OWNER = "anonymous";

    private final Connection connection;

    /** Opens (creating if needed) the database file. */
    public JobStore(Path file) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, process TEXT NOT NULL, "
                    + "status TEXT NOT NULL, progress INTEGER NOT NULL, message TEXT, created TEXT NOT NULL, "
                    + "started TEXT, finished TEXT, inputs TEXT, outputs TEXT, error TEXT)");
            s.execute("CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created)");
            if (!hasOwnerColumn(s)) {
                s.execute("ALTER TABLE jobs ADD COLUMN owner TEXT NOT NULL DEFAULT '" + FORMER_OWNER + "'");
            }
            s.execute("CREATE INDEX IF NOT EXISTS jobs_owner ON jobs (owner, created)");
        }
    }

    private static boolean hasOwnerColumn(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA table_info(jobs)")) {
            while (r.next()) {
                if (r.getString("name").equals("owner")) {
                    return true;
                }
            }
            return false;
        }
    }

    public synchronized void insert(Job job) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO jobs (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(p, job, 1);
            p.executeUpdate();
        }
    }

    public synchronized void update(Job job) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE jobs SET id = ?, process = ?, status = ?, "
                + "progress = ?, message = ?, created = ?, started = ?, finished = ?, inputs = ?, outputs = ?, "
                + "error = ?, owner = ? WHERE id = ?")) {
            bind(p, job, 1);
            p.setString(13, job.id());
            p.executeUpdate();
        }
    }

    public synchronized Optional<Job> get(String id) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(job(r)) : Optional.empty();
            }
        }
    }

    /**
     * @param owner whose jobs, or null for everyone's
     * @return jobs, newest first
     */
    public synchronized List<Job> list(String owner, int limit, int offset) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE "
                + "(? IS NULL OR owner = ?) ORDER BY created DESC, id LIMIT ? OFFSET ?")) {
            p.setString(1, owner);
            p.setString(2, owner);
            p.setInt(3, limit);
            p.setInt(4, offset);
            List<Job> jobs = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    jobs.add(job(r));
                }
            }
            return jobs;
        }
    }

    /**
     * Marks every job that was running as failed: called at start-up, when no job of this store can still be
     * running, so that a crash never leaves a job "running" for ever. Jobs that were waiting are left to
     * {@link #waiting()}.
     *
     * @return how many jobs were marked
     */
    public synchronized int failRunning(Instant at, String message, String errorJson) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE jobs SET status = ?, message = ?, "
                + "finished = ?, error = ? WHERE status = ?")) {
            p.setString(1, JobStatus.FAILED.code());
            p.setString(2, message);
            p.setString(3, at.toString());
            p.setString(4, errorJson);
            p.setString(5, JobStatus.RUNNING.code());
            return p.executeUpdate();
        }
    }

    /** @return the jobs accepted but not yet started, oldest first */
    public synchronized List<Job> waiting() throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM jobs WHERE status = ? ORDER BY created, id")) {
            p.setString(1, JobStatus.ACCEPTED.code());
            List<Job> jobs = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    jobs.add(job(r));
                }
            }
            return jobs;
        }
    }

    /** @return the identifiers of jobs that finished before {@code before} */
    public synchronized List<String> finishedBefore(Instant before) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT id FROM jobs WHERE finished IS NOT NULL "
                + "AND finished < ?")) {
            p.setString(1, before.toString());
            List<String> ids = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }

    public synchronized void delete(String id) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM jobs WHERE id = ?")) {
            p.setString(1, id);
            p.executeUpdate();
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    private static void bind(PreparedStatement p, Job job, int from) throws SQLException {
        p.setString(from, job.id());
        p.setString(from + 1, job.processId());
        p.setString(from + 2, job.status().code());
        p.setInt(from + 3, job.progress());
        p.setString(from + 4, job.message());
        p.setString(from + 5, job.created().toString());
        setInstant(p, from + 6, job.started());
        setInstant(p, from + 7, job.finished());
        p.setString(from + 8, job.inputs());
        p.setString(from + 9, job.outputs() == null ? null : job.outputs().toJson());
        p.setString(from + 10, job.error());
        p.setString(from + 11, job.owner());
    }

    private static void setInstant(PreparedStatement p, int index, Instant at) throws SQLException {
        if (at == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, at.toString());
        }
    }

    private static Job job(ResultSet r) throws SQLException {
        return new Job(r.getString(1), r.getString(12), r.getString(2), JobStatus.fromCode(r.getString(3)), r.getInt(4),
                r.getString(5), Instant.parse(r.getString(6)), instant(r.getString(7)), instant(r.getString(8)),
                r.getString(9), JobOutputs.fromJson(r.getString(10)), r.getString(11));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
