package dev.easel.app.collab;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * View > Follow: everyone else in the document (the one followed ticked), each as their chosen name marked
 * unverified and the start of their ID, which tells apart two who chose the same name; and Stop Following.
 * Built afresh each time it opens, from who is present then.
 */
public final class FollowMenu extends Menu {
    private final FollowMode follow;

    public FollowMenu(FollowMode follow) {
        super("Follow");
        setId("menu-follow");
        this.follow = follow;
        setOnShowing(e -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getItems().clear();
        Collaborators c = follow.collaborators();
        Collaborators.Peer followed = follow.followed();
        if (c != null) {
            for (Collaborators.Peer p : c.others()) {
                CheckMenuItem item = new CheckMenuItem(p.listLabel());
                item.setMnemonicParsing(false);
                boolean following = followed != null && followed.identity().equals(p.identity());
                item.setSelected(following);
                item.setOnAction(e -> {
                    if (following) {
                        follow.stop();
                    } else {
                        follow.follow(p);
                    }
                });
                getItems().add(item);
            }
        }
        if (getItems().isEmpty()) {
            MenuItem nobody = new MenuItem("Nobody Else Is Here");
            nobody.setDisable(true);
            getItems().add(nobody);
        }
        MenuItem stop = new MenuItem("Stop Following (Esc)");
        stop.setId("menu-stop-following");
        stop.setDisable(followed == null);
        stop.setOnAction(e -> follow.stop());
        getItems().addAll(new SeparatorMenuItem(), stop);
    }
}
