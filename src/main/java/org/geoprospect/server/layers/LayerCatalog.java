package org.geoprospect.server.layers;

import org.geoprospect.core.Folders;
import org.geoprospect.core.InvalidInputException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The published layers: each a folder {@code DIR/<name>/} holding the layer's one file, and a row in the catalog
 * database with its kind, CRS, extent and provenance. Publishing is atomic: the file is checked
 * ({@link LayerInspector}), copied into a hidden folder, and the folder renamed into place before the row is
 * written, so a reader never finds a half-written layer, and a failed publication leaves nothing (one cut short by
 * a crash leaves a hidden folder, deleted when the catalog next opens). Thread-safe.
 */
public final class LayerCatalog implements AutoCloseable {
    /** Layer names: letters, digits, '-', '_' and '.', starting with a letter or digit — safe in URLs and paths. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** A publication refused because the name is taken: the requester's conflict, not a bad file. */
    public static final class NameTakenException extends InvalidInputException {
        NameTakenException(String name) {
            super("layer", "a layer named '" + name + "' exists; choose another name or delete it first");
        }
    }

    private final Path dir;
    private final Connection connection;
    private final Clock clock;

    public LayerCatalog(Path dir, Path database, Clock clock) throws IOException, SQLException {
        this.dir = dir;
        this.clock = clock;
        Files.createDirectories(dir);
        deleteUnfinishedPublications();
        connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE IF NOT EXISTS layers (name TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT, "
                    + "file TEXT NOT NULL, crs TEXT, minx REAL, miny REAL, maxx REAL, maxy REAL, count INTEGER, "
                    + "source TEXT, created TEXT NOT NULL)");
        }
    }

    /**
     * Publishes a copy of a file as a new layer.
     *
     * @param file   the layer's file; its name (extension included) is kept
     * @param name   the layer's name
     * @param crs    the CRS of a point layer whose file does not declare one (a CSV of x/y), or null
     * @param unique when true, a taken name gets the first free suffix {@code -2}, {@code -3} …; when false a taken
     *               name is refused
     * @return the published layer
     * @throws NameTakenException   when the name is taken and {@code unique} is false
     * @throws InvalidInputException (input {@code layer}) for an unsafe name or a file that is no layer
     */
    public Layer publish(Path file, String name, String title, String source, String crs, boolean unique)
            throws IOException {
        checkName(name);
        LayerInspector.Facts facts = LayerInspector.inspect(file, crs);
        Path temp = dir.resolve("." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(temp);
            Files.copy(file, temp.resolve(file.getFileName().toString()));
            synchronized (this) {
                String chosen = name;
                for (int n = 2; get(chosen).isPresent() || Files.exists(dir.resolve(chosen)); n++) {
                    if (!unique) {
                        throw new NameTakenException(name);
                    }
                    chosen = name + "-" + n;
                }
                Files.move(temp, dir.resolve(chosen), StandardCopyOption.ATOMIC_MOVE);
                Layer layer = new Layer(chosen, facts.kind(), title, file.getFileName().toString(), facts.crs(),
                        facts.bbox(), facts.count(), source, clock.instant());
                insert(layer);
                return layer;
            }
        } catch (SQLException e) {
            throw new IOException("cannot write the layer catalog: " + e.getMessage(), e);
        } finally {
            Folders.deleteRecursively(temp);
        }
    }

    public synchronized Optional<Layer> get(String name) throws SQLException {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try (PreparedStatement p = connection.prepareStatement("SELECT * FROM layers WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(layer(r)) : Optional.empty();
            }
        }
    }

    /** @return every layer, by name */
    public synchronized List<Layer> list() throws SQLException {
        List<Layer> layers = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                "SELECT * FROM layers ORDER BY name")) {
            while (r.next()) {
                layers.add(layer(r));
            }
        }
        return layers;
    }

    /** @return the layer's file */
    public Path file(Layer layer) {
        return dir.resolve(layer.name()).resolve(layer.file());
    }

    /** Removes a layer and its file. @return whether there was one */
    public synchronized boolean delete(String name) throws SQLException, IOException {
        if (get(name).isEmpty()) {
            return false;
        }
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM layers WHERE name = ?")) {
            p.setString(1, name);
            p.executeUpdate();
        }
        Folders.deleteRecursively(dir.resolve(name));
        return true;
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    /**
     * Deletes the hidden folders of publications cut short (the process killed while copying): a layer's name never
     * starts with '.', and no publication runs while the catalog opens.
     */
    private void deleteUnfinishedPublications() throws IOException {
        try (DirectoryStream<Path> hidden = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path temp : hidden) {
                Folders.deleteRecursively(temp);
            }
        }
    }

    /** @throws InvalidInputException (input {@code layer}) naming the rule when the name breaks it */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("layer", "layer name '" + name + "' is not allowed: use 1 to 100 "
                    + "letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    private void insert(Layer l) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO layers (name, kind, title, file, crs, "
                + "minx, miny, maxx, maxy, count, source, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, l.name());
            p.setString(2, l.kind().code());
            p.setString(3, l.title());
            p.setString(4, l.file());
            p.setString(5, l.crs());
            for (int i = 0; i < 4; i++) {
                p.setDouble(6 + i, l.bbox()[i]);
            }
            p.setInt(10, l.count());
            p.setString(11, l.source());
            p.setString(12, l.created().toString());
            p.executeUpdate();
        }
    }

    private static Layer layer(ResultSet r) throws SQLException {
        return new Layer(r.getString("name"), LayerKind.fromCode(r.getString("kind")), r.getString("title"),
                r.getString("file"), r.getString("crs"), new double[] {r.getDouble("minx"), r.getDouble("miny"),
                r.getDouble("maxx"), r.getDouble("maxy")}, r.getInt("count"), r.getString("source"),
                java.time.Instant.parse(r.getString("created")));
    }
}
