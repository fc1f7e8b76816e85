package dev.easel.host.canvas;

import dev.easel.engine.Engine;
import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.ReducerException;
import dev.easel.engine.tx.TableHandle;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Images inside the document file, so a document is self-contained: each stored once in the {@code asset}
 * table under the SHA-256 of its bytes, however often it is placed. Image nodes refer to it by that hash.
 * Only real PNG, JPEG, GIF and WebP data up to {@link #MAX_BYTES} is taken.
 */
public final class ImageStore {
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    public static final String PUT_REDUCER = "put_asset";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private static final TableSchema TABLE = CanvasSchema.SCHEMA.require(CanvasSchema.ASSET);
    private static final int MIME = TABLE.columnIndex("mime");
    private static final int WIDTH = TABLE.columnIndex("width");
    private static final int HEIGHT = TABLE.columnIndex("height");
    private static final int SIZE = TABLE.columnIndex("size");
    private static final int OWNER = TABLE.columnIndex("owner");
    private static final int CREATED = TABLE.columnIndex("created");
    private static final int BYTES = TABLE.columnIndex("bytes");

    private ImageStore() {
    }

    static void register(CanvasReducers.Registrar r) {
        r.add(PUT_REDUCER, ImageStore::put);
    }

    /**
     * put_asset(bytes): stores an image unless the document has it already. Returns {hash, mime, width,
     * height, size, stored (false if it was there)}; place it with create_node(kind "image", asset hash).
     */
    static Object put(ReducerContext ctx, Args a) {
        byte[] data = a.bytes("bytes");
        if (data.length > MAX_BYTES) {
            throw ReducerException.badArgument("the image is " + data.length + " bytes; the limit is " + MAX_BYTES
                    + " (50 MB)");
        }
        ImageSniffer.Info info;
        try {
            info = ImageSniffer.sniff(data);
        } catch (IllegalArgumentException e) {
            throw ReducerException.badArgument(e.getMessage());
        }
        String hash = hash(data);
        TableHandle assets = ctx.table(TABLE.id());
        boolean fresh = assets.find(hash) == null;
        if (fresh) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("hash", hash);
            row.put("bytes", data);
            row.put("mime", info.mime());
            row.put("width", (long) info.width());
            row.put("height", (long) info.height());
            row.put("size", (long) data.length);
            row.put("owner", ctx.caller().id());
            row.put("created", ctx.timestampMicros());
            assets.insert(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hash", hash);
        out.put("mime", info.mime());
        out.put("width", (long) info.width());
        out.put("height", (long) info.height());
        out.put("size", (long) data.length);
        out.put("stored", fresh);
        return out;
    }

    /** The image with that hash, for serving it; empty if the document has none (or the hash is malformed). */
    public static Optional<Asset> find(Engine engine, String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            return Optional.empty();
        }
        Row r = engine.find(CanvasSchema.ASSET, hash);
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(new Asset(hash, (String) r.get(MIME), ((Long) r.get(WIDTH)).intValue(),
                ((Long) r.get(HEIGHT)).intValue(), (Long) r.get(SIZE), (String) r.get(OWNER), (Long) r.get(CREATED),
                (byte[]) r.get(BYTES)));
    }

    /** The content hash images are stored under: SHA-256, lower-case hex. */
    public static String hash(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** A hash that names an image this document holds, or {@code not_found}. */
    static String requireHash(ReducerContext ctx, String hash) {
        if (ctx.table(TABLE.id()).find(hash) == null) {
            throw ReducerException.notFound("the document holds no image with hash '" + hash
                    + "'; store it with " + PUT_REDUCER + " first");
        }
        return hash;
    }
}
