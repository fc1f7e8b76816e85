package dev.easel.app.images;

import dev.easel.app.canvas.ImageSource;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Decoded pictures by content hash. Asking for one not at hand starts loading it off the JavaFX thread
 * (fetching its bytes with an {@link AssetLoader} and decoding them) and answers null meanwhile; when it
 * arrives the listener hears its hash on the JavaFX thread. Holds at most {@code maxPixels} decoded pixels,
 * dropping the least recently drawn first; a picture that cannot be had is remembered as such and not asked
 * for again, so a missing image is not fetched in a loop. Used on the JavaFX thread only.
 */
public final class ImageCache implements ImageSource {
    /** About 128 MB of decoded pixels. */
    public static final long DEFAULT_MAX_PIXELS = 32L * 1024 * 1024;

    private record Entry(Image image, byte[] bytes, long pixels) {
    }

    private final AssetLoader loader;
    private final Executor background;
    private final Executor fxThread;
    private final long maxPixels;
    /** Access order: the first entry is the least recently used. */
    private final LinkedHashMap<String, Entry> loaded = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<String> loading = new HashSet<>();
    private final Map<String, String> failed = new HashMap<>();
    /** Who waits for a picture being loaded (see {@link #ready}): run once it arrives or fails. */
    private final Map<String, List<Runnable>> waiters = new HashMap<>();
    private long pixels;
    private boolean closed;
    private Consumer<String> onLoaded = hash -> { };

    public ImageCache(AssetLoader loader, Executor background, Executor fxThread, long maxPixels) {
        this.loader = loader;
        this.background = background;
        this.fxThread = fxThread;
        this.maxPixels = maxPixels;
    }

    /** Hears the hash of each picture that arrives, on the JavaFX thread. */
    public void setOnLoaded(Consumer<String> listener) {
        onLoaded = listener;
    }

    @Override
    public Image image(String hash) {
        Entry e = loaded.get(hash);
        if (e != null) {
            return e.image();
        }
        if (!closed && !failed.containsKey(hash) && loading.add(hash)) {
            CompletableFuture.supplyAsync(() -> decode(hash), background)
                    .whenComplete((entry, error) -> fxThread.execute(() -> arrived(hash, entry, error)));
        }
        return null;
    }

    /**
     * Completes once every picture named is at hand or known to be missing, loading those not yet asked for:
     * an export draws the pictures themselves, not the placeholders a canvas shows while they load. Completes
     * on the JavaFX thread (at once when nothing is missing) with how many could not be had.
     */
    public CompletableFuture<Integer> ready(Collection<String> hashes) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Set<String> waitingFor = new HashSet<>();
        for (String hash : hashes) {
            if (!loaded.containsKey(hash) && !failed.containsKey(hash) && !closed) {
                waitingFor.add(hash);
            }
        }
        Runnable settle = () -> {
            int missing = 0;
            for (String hash : new HashSet<>(hashes)) {
                missing += loaded.containsKey(hash) ? 0 : 1;
            }
            done.complete(missing);
        };
        if (waitingFor.isEmpty()) {
            settle.run();
            return done;
        }
        int[] left = {waitingFor.size()};
        for (String hash : waitingFor) {
            waiters.computeIfAbsent(hash, h -> new ArrayList<>()).add(() -> {
                if (--left[0] == 0) {
                    settle.run();
                }
            });
            image(hash);
        }
        return done;
    }

    /** The bytes of a picture at hand (what SVG export embeds), or null. */
    public byte[] bytes(String hash) {
        Entry e = loaded.get(hash);
        return e == null ? null : e.bytes();
    }

    /** Why a picture could not be had, or null when it did not fail. */
    public String failure(String hash) {
        return failed.get(hash);
    }

    /** Decoded pixels held now. */
    public long pixels() {
        return pixels;
    }

    /** Drops every picture; loads still running are ignored when they end. */
    public void close() {
        closed = true;
        loaded.clear();
        pixels = 0;
    }

    private Entry decode(String hash) {
        byte[] bytes;
        try {
            bytes = loader.load(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
        Image image = new Image(new ByteArrayInputStream(bytes));
        if (image.isError() || image.getWidth() <= 0 || image.getHeight() <= 0) {
            throw new IllegalStateException("the picture could not be decoded");
        }
        return new Entry(image, bytes, (long) image.getWidth() * (long) image.getHeight());
    }

    private void arrived(String hash, Entry entry, Throwable error) {
        loading.remove(hash);
        if (!closed) {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                failed.put(hash, String.valueOf(cause.getMessage()));
            } else {
                loaded.put(hash, entry);
                pixels += entry.pixels();
                evict(hash);
                onLoaded.accept(hash);
            }
        }
        List<Runnable> waiting = waiters.remove(hash);
        if (waiting != null) {
            waiting.forEach(Runnable::run);
        }
    }

    /** Drops the least recently used pictures until the budget holds, keeping the one just loaded. */
    private void evict(String keep) {
        var it = loaded.entrySet().iterator();
        while (pixels > maxPixels && it.hasNext()) {
            Map.Entry<String, Entry> eldest = it.next();
            if (!eldest.getKey().equals(keep)) {
                pixels -= eldest.getValue().pixels();
                it.remove();
            }
        }
    }
}
