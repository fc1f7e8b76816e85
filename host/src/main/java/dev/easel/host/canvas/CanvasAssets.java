package dev.easel.host.canvas;

import dev.easel.engine.Engine;
import dev.easel.host.server.AssetSource;

/** Serves a canvas document's images to its session: the asset table, looked up by content hash. */
public final class CanvasAssets {
    private CanvasAssets() {
    }

    public static AssetSource of(Engine engine) {
        return hash -> ImageStore.find(engine, hash).map(a -> new AssetSource.Asset(a.mime(), a.bytes()));
    }
}
