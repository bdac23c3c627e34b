package org.geoprospect.learn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import org.geoprospect.core.Folders;
import org.geoprospect.core.InvalidInputException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of trained models, one folder per model: {@code DIR/<id>/} holds the weights of each fold's member
 * ({@code model-0000.params} for fold 1, {@code fold2-0000.params}, … in DJL's format; a baseline's
 * {@code model.baseline}, {@code fold2.baseline}, … by {@link WindowClassifiers}) and {@code manifest.json}
 * ({@link ModelManifest}, listing the members and their calibrations); the caller may add
 * training curves ({@link #curvesFile}). Identifiers are {@code <name>-v<N>}, N counting up per name.
 * <p>
 * A model is published atomically: written into a hidden temporary folder in {@code DIR}, then renamed into place,
 * so another process listing or loading never sees half a model, and a failed save leaves nothing behind. Safe for
 * concurrent use by threads and processes: two saves of the same name get different versions (a rename onto an
 * existing folder fails, and the save takes the next version). Loaded models sit on DJL's default device (the GPU
 * when there is one, else the CPU).
 *
 * @throws InvalidInputException (from each method) for unsafe names and unknown identifiers, input {@code model}
 */
public final class ModelStore {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String MANIFEST = "manifest.json";
    private static final String WEIGHTS = "model";

    private final Path dir;

    /** @param dir the store's directory; created on the first save */
    public ModelStore(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /**
     * Saves a model under the next version of the manifest's name.
     *
     * @param model    the trained members (not closed here)
     * @param manifest its description; its {@code id} and {@code members} are set here
     * @return the new identifier, {@code <name>-v<N>}, also written into the stored manifest
     * @throws InvalidInputException if the name is not a safe file name (letters, digits, {@code . _ -})
     * @throws IOException           if the folder cannot be written; nothing is left behind
     */
    public synchronized String save(Ensemble model, ModelManifest manifest) throws IOException {
        String name = checkName(manifest.name());
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectory(temp);
            List<ModelManifest.Member> members = new ArrayList<>();
            for (int i = 0; i < model.members().size(); i++) {
                Ensemble.Member member = model.members().get(i);
                String file = i == 0 ? WEIGHTS : "fold" + (i + 1); // fold 1 where models before ensembles kept it
                member.save(temp, file);
                members.add(new ModelManifest.Member(i + 1, file, member.calibration().slope(),
                        member.calibration().intercept()));
            }
            ModelManifest described = manifest.withMembers(members);
            for (int version = nextVersion(name); ; version++) {
                String id = name + "-v" + version;
                Files.writeString(temp.resolve(MANIFEST), described.withId(id).toJson());
                if (publish(temp, dir.resolve(id))) {
                    return id;
                }
            }
        } finally {
            Folders.deleteRecursively(temp);
        }
    }

    /** @return the stored models' manifests, ordered by identifier; temporary folders are not listed */
    public List<ModelManifest> list() throws IOException {
        List<ModelManifest> manifests = new ArrayList<>();
        for (String id : ids()) {
            manifests.add(manifest(id));
        }
        return manifests;
    }

    /** @return the manifest of a stored model */
    public ModelManifest manifest(String id) throws IOException {
        Path file = folder(id).resolve(MANIFEST);
        try {
            return ModelManifest.fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new IOException("cannot read the model manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the stored model: each member, the manifest's network with its saved weights, on DJL's default
     * device, or its baseline; close it
     * @throws IOException if the weights cannot be read or do not fit the manifest's network
     */
    public Ensemble load(String id) throws IOException {
        Path folder = folder(id);
        ModelManifest manifest = manifest(id);
        List<ModelManifest.Member> stored = manifest.members() != null ? manifest.members()
                : List.of(new ModelManifest.Member(1, WEIGHTS, Double.NaN, Double.NaN));
        List<Ensemble.Member> members = new ArrayList<>();
        try {
            for (ModelManifest.Member m : stored) {
                Calibration calibration = manifest.members() != null ? Calibration.of(m.slope(), m.intercept())
                        : Calibration.stored(manifest.validation());
                String file = checkName(m.file());
                if (manifest.network().architecture().isBaseline()) {
                    members.add(new Ensemble.BaselineMember(
                            WindowClassifiers.read(folder.resolve(file + Ensemble.BASELINE_FILE)), calibration));
                } else {
                    Model model = Networks.newModel(manifest.network());
                    members.add(new Ensemble.NetworkMember(model, calibration));
                    model.load(folder, file);
                }
            }
            return new Ensemble(members);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            members.forEach(Ensemble.Member::close);
            throw new IOException("cannot load the weights of model '" + id + "' in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param id        a stored model
     * @param extension {@code png} for the chart or {@code csv} for the values
     * @return where the model's training curves go, {@code DIR/<id>/curves.<extension>}; written by the caller
     */
    public Path curvesFile(String id, String extension) throws IOException {
        if (!extension.equals("png") && !extension.equals("csv")) {
            throw new IllegalArgumentException("curves are png or csv, not " + extension);
        }
        return folder(id).resolve("curves." + extension);
    }

    /**
     * @return where the model's reliability diagram goes, {@code DIR/<id>/reliability.png}; written by the caller
     */
    public Path reliabilityFile(String id) throws IOException {
        return folder(id).resolve("reliability.png");
    }

    /**
     * @return where the model's table of baselines per fold goes, {@code DIR/<id>/baselines.csv}; written by the
     * caller
     */
    public Path baselinesFile(String id) throws IOException {
        return folder(id).resolve("baselines.csv");
    }

    /** @return the store's directory */
    public Path directory() {
        return dir;
    }

    private Path folder(String id) throws IOException {
        Path folder = dir.resolve(checkName(id));
        if (!Files.isRegularFile(folder.resolve(MANIFEST))) {
            List<String> ids = ids();
            throw new InvalidInputException("model", "no model '" + id + "' in " + dir + "; models are "
                    + (ids.isEmpty() ? "none yet" : String.join(", ", ids)));
        }
        return folder;
    }

    private List<String> ids() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(dir)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve(MANIFEST)))
                    .map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    private int nextVersion(String name) throws IOException {
        Pattern versioned = Pattern.compile(Pattern.quote(name) + "-v(\\d{1,9})");
        int last = 0;
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path f : (Iterable<Path>) folders::iterator) {
                Matcher m = versioned.matcher(f.getFileName().toString());
                if (m.matches()) {
                    last = Math.max(last, Integer.parseInt(m.group(1)));
                }
            }
        }
        return last + 1;
    }

    /** @return false when another save took the target first */
    private static boolean publish(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish a model in " + target.getParent()
                    + ": the file system does not rename folders atomically", e);
        } catch (FileSystemException e) {
            if (Files.exists(target)) {
                return false; // rename(2) reports a non-empty target as ENOTEMPTY, which Java does not translate
            }
            throw e;
        }
    }

    private static String checkName(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new InvalidInputException("model", "model name '" + name + "' is not allowed: use 1 to 100 "
                    + "letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

}
