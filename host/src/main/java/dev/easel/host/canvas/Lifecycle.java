package dev.easel.host.canvas;

import dev.easel.engine.schema.TableSchema;
import dev.easel.engine.table.Row;
import dev.easel.engine.tx.Args;
import dev.easel.engine.tx.ReducerContext;
import dev.easel.engine.tx.TableHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What happens when a member arrives and leaves. Arriving ({@code name}, {@code role} editor|viewer): their
 * {@code member} row (a colour from the {@link Palette}, kept across visits) and an active {@code presence}
 * row; the first to arrive clears locks and open gestures a stopped host left behind, and drops images nothing
 * refers to any more; an empty document
 * gets its first page. Leaving: presence
 * and cursor go, their locks are released and their open gesture closed.
 */
final class Lifecycle {
    static final String EDITOR = "editor";
    static final String VIEWER = "viewer";
    static final String FIRST_PAGE_ID = "page-1";
    private static final int MAX_DISPLAY_NAME = 100;

    private static final TableSchema MEMBER = CanvasSchema.SCHEMA.require(CanvasSchema.MEMBER);
    private static final int MEMBER_COLOR = MEMBER.columnIndex("color");
    private static final int MEMBER_ROLE = MEMBER.columnIndex("role");

    private Lifecycle() {
    }

    static Object connect(ReducerContext ctx, Args a) {
        String who = ctx.caller().id();
        String name = a.has("name") ? Validation.text(a, "name", MAX_DISPLAY_NAME) : "Guest";
        String role = a.has("role") ? Validation.oneOf(a, "role", Set.of(EDITOR, VIEWER)) : EDITOR;
        TableHandle members = ctx.table(MEMBER.id());
        Row member = members.find(who);
        String color = member != null ? (String) member.get(MEMBER_COLOR)
                : Palette.leastUsed(members.scan(), MEMBER_COLOR);
        if (member == null) {
            members.insert(Map.of("identity", who, "name", name, "color", color, "role", role));
        } else {
            members.update(who, Map.of("name", name, "role", role));
        }
        if (Presence.table(ctx).size() == 0) {
            // The first to arrive: nobody is present, so locks and gestures still marked are left over from a
            // host that stopped without seeing its members leave.
            Locks.releaseAll(ctx);
            History.closeAll(ctx);
            ImageStore.dropUnused(ctx);
        }
        Map<String, Object> presence = new HashMap<>();
        presence.put("identity", who);
        presence.put("name", name);
        presence.put("color", color);
        presence.put("status", Presence.ACTIVE);
        presence.put("last_active", ctx.timestampMicros());
        Presence.table(ctx).delete(who);
        Presence.table(ctx).insert(presence);
        History.end(ctx, who);
        TableHandle pages = Pages.table(ctx);
        if (pages.size() == 0) {
            pages.insert(Map.of("id", FIRST_PAGE_ID, "name", "Page 1", "z", FractionalIndex.between(null, null)));
        }
        return Map.of("color", color);
    }

    static Object disconnect(ReducerContext ctx, Args a) {
        String who = ctx.caller().id();
        Presence.table(ctx).delete(who);
        ctx.table(CanvasSchema.CURSOR).delete(who);
        Locks.releaseAll(ctx, who);
        History.end(ctx, who);
        ImageStore.dropParts(ctx, who);
        return null;
    }

    /** Whether the member may edit: editors may, viewers not; a caller who never connected acts as editor. */
    static boolean mayEdit(ReducerContext ctx) {
        Row member = ctx.table(MEMBER.id()).find(ctx.caller().id());
        return member == null || !VIEWER.equals(member.get(MEMBER_ROLE));
    }
}
