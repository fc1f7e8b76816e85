package dev.easel.app.files;

import dev.easel.host.identity.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents opened or saved most recently, newest first, at most {@link #MAX}: one absolute path a line in
 * a small text file of the user's data folder, replaced atomically on every change so a crash never leaves half
 * a list. Everything here touches the disk: call it off the JavaFX thread. Thread-safe.
 */
public final class RecentFiles {
    public static final int MAX = 10;
    static final String FILE_NAME = "recent-files.txt";

    /** One remembered document, and whether its file was there when the list was last read. */
    public record Entry(Path file, boolean exists) {
    }

    private final Path store;
    private List<Path> files;

    /** The list kept in {@code folder} (created when first written). */
    public RecentFiles(Path folder) {
        this.store = folder.resolve(FILE_NAME);
    }

    /** The list in this user's data folder ({@code $EASEL_HOME} when set). */
    public static RecentFiles inDataFolder() {
        return new RecentFiles(DataFolder.get());
    }

    /** The remembered documents, newest first, each checked for existence now. */
    public synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Path p : files()) {
            out.add(new Entry(p, Files.isRegularFile(p)));
        }
        return out;
    }

    /** Puts {@code file} first (moving it up if it was listed already) and writes the list. */
    public synchronized List<Entry> add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files());
        next.remove(p);
        next.add(0, p);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        write(next);
        return entries();
    }

    /** Forgets one document (it could not be opened). */
    public synchronized List<Entry> remove(Path file) {
        List<Path> next = new ArrayList<>(files());
        if (next.remove(file.toAbsolutePath().normalize())) {
            write(next);
        }
        return entries();
    }

    /** Forgets every document. */
    public synchronized List<Entry> clear() {
        write(List.of());
        return entries();
    }

    private List<Path> files() {
        if (files == null) {
            files = read();
        }
        return files;
    }

    /** The stored list; a missing or unreadable file is an empty list (it is only a convenience). */
    private List<Path> read() {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                Path p = parse(line.strip());
                if (p != null && !out.contains(p) && out.size() < MAX) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    private static Path parse(String line) {
        if (line.isEmpty()) {
            return null;
        }
        try {
            Path p = Path.of(line);
            return p.isAbsolute() ? p.normalize() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Writes a temporary file beside the list, then moves it over the list in one step. */
    private void write(List<Path> next) {
        StringBuilder text = new StringBuilder();
        for (Path p : next) {
            text.append(p).append('\n');
        }
        try {
            Files.createDirectories(store.getParent());
            Path tmp = Files.createTempFile(store.getParent(), FILE_NAME, ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the recent files list " + store, e);
        }
        files = List.copyOf(next);
    }
}
