package dev.easel.app.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The ids of the selected nodes, in the order they were selected. Used on the JavaFX thread only. */
public final class Selection {
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();
    private final List<Runnable> listeners = new ArrayList<>();

    public Set<String> ids() {
        return java.util.Collections.unmodifiableSet(ids);
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** The only selected id, or null when none or several are selected. */
    public String single() {
        return ids.size() == 1 ? ids.iterator().next() : null;
    }

    public void set(Collection<String> newIds) {
        if (ids.size() == newIds.size() && ids.containsAll(newIds)) {
            return;
        }
        ids.clear();
        ids.addAll(newIds);
        fire();
    }

    public void toggle(String id) {
        if (!ids.remove(id)) {
            ids.add(id);
        }
        fire();
    }

    public void clear() {
        set(List.of());
    }

    /** Drops ids that no longer exist. */
    public void retainAll(Collection<String> existing) {
        if (ids.retainAll(existing)) {
            fire();
        }
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    private void fire() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }
}
