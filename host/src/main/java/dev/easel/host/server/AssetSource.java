package dev.easel.host.server;

import java.util.Optional;

/** Where the session's HTTP endpoint finds image bytes by content hash (the document's asset table). */
@FunctionalInterface
public interface AssetSource {
    record Asset(String mimeType, byte[] bytes) {
    }

    Optional<Asset> find(String hash);

    AssetSource NONE = hash -> Optional.empty();
}
