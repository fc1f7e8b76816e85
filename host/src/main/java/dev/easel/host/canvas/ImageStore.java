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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Images inside the document file, so a document is self-contained: each stored once in the {@code asset}
 * table under the SHA-256 of its bytes, however often it is placed. Image nodes refer to it by that hash.
 * Only real PNG, JPEG, GIF and WebP data up to {@link #MAX_BYTES} is taken.
 */
public final class ImageStore {
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    public static final String PUT_REDUCER = "put_asset";
    public static final String PART_REDUCER = "put_asset_part";
    /** The most parts one image may be sent in. */
    static final int MAX_PARTS = 1024;
    /** What the parts of images still being sent may hold in memory at once, everyone's together. */
    static final long MAX_STAGED_BYTES = 4L * MAX_BYTES;
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

    private static final TableSchema PARTS = CanvasSchema.SCHEMA.require(CanvasSchema.UPLOAD_PART);
    private static final int PART_OWNER = PARTS.columnIndex("owner");
    private static final int PART_HASH = PARTS.columnIndex("hash");
    private static final int PART_BYTES = PARTS.columnIndex("bytes");

    static void register(CanvasReducers.Registrar r) {
        r.add(PUT_REDUCER, ImageStore::put);
        r.add(PART_REDUCER, ImageStore::putPart);
    }

    /**
     * put_asset(bytes), or put_asset(hash, parts) for an image sent before in that many parts: stores an image
     * unless the document has it already. Returns {hash, mime, width, height, size, stored (false if it was
     * there)}; place it with create_node(kind "image", asset hash).
     */
    static Object put(ReducerContext ctx, Args a) {
        byte[] data = a.has("parts") ? assemble(ctx, a) : a.bytes("bytes");
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

    /**
     * put_asset_part(hash, part, bytes): one piece of an image too large for one message (a joiner's messages
     * are limited to 1 MiB). Parts wait in memory, under the sender's identity, until put_asset(hash, parts)
     * puts them together, or the sender leaves. Sending a part again replaces it.
     */
    static Object putPart(ReducerContext ctx, Args a) {
        String hash = wellFormedHash(a.string("hash"));
        long part = a.i64("part");
        if (part < 0 || part >= MAX_PARTS) {
            throw ReducerException.badArgument("part must be from 0 to " + (MAX_PARTS - 1) + ", not " + part);
        }
        byte[] data = a.bytes("bytes");
        if (data.length == 0) {
            throw ReducerException.badArgument("a part holds at least one byte");
        }
        String owner = ctx.caller().id();
        String id = partId(owner, hash, part);
        TableHandle parts = ctx.table(PARTS.id());
        long mine = 0;
        long everyone = 0;
        for (Row r : parts.scan()) {
            if (!id.equals(r.get(PARTS.primaryKey()))) {
                long size = ((byte[]) r.get(PART_BYTES)).length;
                everyone += size;
                mine += owner.equals(r.get(PART_OWNER)) ? size : 0;
            }
        }
        if (mine + data.length > MAX_BYTES) {
            throw ReducerException.badArgument("an image can be at most " + MAX_BYTES + " bytes (50 MB)");
        }
        if (everyone + data.length > MAX_STAGED_BYTES) {
            throw ReducerException.badArgument("the host is receiving too many images at once; try again shortly");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("owner", owner);
        row.put("hash", hash);
        row.put("part", part);
        row.put("bytes", data);
        parts.delete(id);
        parts.insert(row);
        return null;
    }

    /** The image the caller sent in {@code parts} pieces, checked against its hash; the pieces are dropped. */
    private static byte[] assemble(ReducerContext ctx, Args a) {
        String hash = wellFormedHash(a.string("hash"));
        long count = a.i64("parts");
        if (count < 1 || count > MAX_PARTS) {
            throw ReducerException.badArgument("parts must be from 1 to " + MAX_PARTS + ", not " + count);
        }
        String owner = ctx.caller().id();
        TableHandle parts = ctx.table(PARTS.id());
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        for (long i = 0; i < count; i++) {
            Row r = parts.find(partId(owner, hash, i));
            if (r == null) {
                throw ReducerException.badArgument("part " + i + " of " + count + " of image " + hash
                        + " has not arrived; send it with " + PART_REDUCER);
            }
            whole.writeBytes((byte[]) r.get(PART_BYTES));
        }
        byte[] data = whole.toByteArray();
        if (!hash(data).equals(hash)) {
            throw ReducerException.badArgument("the parts sent do not add up to image " + hash);
        }
        for (Row r : parts.findBy(CanvasSchema.UPLOAD_PART_BY_OWNER, owner)) {
            if (hash.equals(r.get(PART_HASH))) {
                parts.delete(r.get(PARTS.primaryKey()));
            }
        }
        return data;
    }

    /** Drops the parts of images someone was still sending (they left). */
    static void dropParts(ReducerContext ctx, String owner) {
        TableHandle parts = ctx.table(PARTS.id());
        for (Row r : parts.findBy(CanvasSchema.UPLOAD_PART_BY_OWNER, owner)) {
            parts.delete(r.get(PARTS.primaryKey()));
        }
    }

    /**
     * Drops the images nothing refers to any more: no node shows them and no step of anyone's undo history
     * could bring such a node back. Deleted pictures would otherwise weigh on the document for ever, since
     * history keeps only its newest steps ({@link History#LIMIT} each). Run when a document opens (the first
     * member arrives), when nobody can be between storing an image and placing it. Returns how many it dropped.
     */
    static int dropUnused(ReducerContext ctx) {
        Set<String> used = new HashSet<>();
        for (Row n : Nodes.table(ctx).scan()) {
            addHash(used, n.get(Nodes.ASSET));
        }
        for (Row op : History.table(ctx).scan()) {
            for (ChangeSet.RowEdit e : History.changes(op).edits()) {
                addHash(used, e.before.get(Nodes.ASSET_FIELD));
                addHash(used, e.after.get(Nodes.ASSET_FIELD));
            }
        }
        TableHandle assets = ctx.table(TABLE.id());
        List<Object> unused = new ArrayList<>();
        for (Row a : assets.scan()) {
            if (!used.contains(a.get(TABLE.primaryKey()))) {
                unused.add(a.get(TABLE.primaryKey()));
            }
        }
        unused.forEach(assets::delete);
        return unused.size();
    }

    private static void addHash(Set<String> hashes, Object value) {
        if (value instanceof String hash) {
            hashes.add(hash);
        }
    }

    /** A part's key: its sender's identity first, so no one else's call can name it. */
    private static String partId(String owner, String hash, long part) {
        return owner + "/" + hash + "/" + part;
    }

    private static boolean isHash(String hash) {
        return hash != null && HASH.matcher(hash).matches();
    }

    private static String wellFormedHash(String hash) {
        if (!isHash(hash)) {
            throw ReducerException.badArgument("hash must be the image's SHA-256 in lower-case hex");
        }
        return hash;
    }

    /** The image with that hash, for serving it; empty if the document has none (or the hash is malformed). */
    public static Optional<Asset> find(Engine engine, String hash) {
        if (!isHash(hash)) {
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
