package dev.easel.host.session;

import java.util.Locale;
import java.util.Set;

/** What a participant may do. The host decides it from the invite secret alone. */
public enum Role {
    EDITOR,
    VIEWER;

    /** The only reducers a viewer may call: being present and pointing, never editing. */
    private static final Set<String> VIEWER_REDUCERS = Set.of("set_cursor", "set_selection", "set_view");

    public boolean mayCall(String reducer) {
        return this == EDITOR || VIEWER_REDUCERS.contains(reducer);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
