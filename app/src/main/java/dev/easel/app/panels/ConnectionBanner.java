package dev.easel.app.panels;

import dev.easel.app.collab.LinkStatus;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A strip across the top of the canvas while the link to the host is down: what happened, and that the view
 * and the work go on. It never takes the mouse or the focus; it goes away when the link is back.
 */
public final class ConnectionBanner extends VBox {
    private final Label headline = new Label();
    private final Label detail = new Label();

    public ConnectionBanner() {
        getStyleClass().add("connection-banner");
        setId("connection-banner");
        headline.getStyleClass().add("banner-headline");
        detail.getStyleClass().add("banner-detail");
        detail.setWrapText(true);
        getChildren().addAll(headline, detail);
        setAlignment(Pos.CENTER_LEFT);
        setMouseTransparent(true);
        setMaxSize(560, USE_PREF_SIZE);
        showLink(new LinkStatus(LinkStatus.Phase.LOCAL, "", null, null));
    }

    /** Shows itself while reconnecting, and hides otherwise. */
    public void showLink(LinkStatus s) {
        boolean down = s.phase() == LinkStatus.Phase.RECONNECTING;
        setVisible(down);
        headline.setText(down ? s.headline() : "");
        detail.setText(down ? s.detail() : "");
    }

    /** The headline shown ("" when hidden). */
    public String headline() {
        return headline.getText();
    }
}
