package dev.easel.app.theme;

import java.net.URL;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/** The light and dark stylesheets from {@code ui-resources}, and the canvas colour that goes with each. */
public enum Themes {
    LIGHT("/dev/easel/ui/light.css", Color.web("#f5f5f5")),
    DARK("/dev/easel/ui/dark.css", Color.web("#1e1e1e"));

    private final String resource;
    private final Color canvas;

    Themes(String resource, Color canvas) {
        this.resource = resource;
        this.canvas = canvas;
    }

    public Color canvasBackground() {
        return canvas;
    }

    public String stylesheet() {
        URL url = Themes.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + resource + " (ui-resources not on the classpath)");
        }
        return url.toExternalForm();
    }

    /** Replaces whichever theme the scene had with this one. */
    public void applyTo(Scene scene) {
        for (Themes t : values()) {
            URL url = Themes.class.getResource(t.resource);
            if (url != null) {
                scene.getStylesheets().remove(url.toExternalForm());
            }
        }
        scene.getStylesheets().add(stylesheet());
    }
}
