package dev.easel.app.canvas;

import dev.easel.app.document.NodeView;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws one node, in page coordinates, onto a graphics context already set up with the viewport's transform:
 * fill, stroke, corner radius, opacity and rotation (about the node's centre) for every kind. Images show
 * their picture scaled into the node's box (clipped to its rounded corners), or a placeholder while the
 * picture is not at hand ({@link ImageSource}). With thousands of nodes on screen the cost per node
 * matters: opaque boxes with an outline are filled rather than stroked, and nodes under a pixel are dabs.
 */
public final class NodeRenderer {
    private NodeRenderer() {
    }

    /** {@code x}, {@code y}: the node's position on the page (its own plus its ancestors'). */
    public static void draw(GraphicsContext g, NodeView n, double x, double y) {
        draw(g, n, x, y, 0);
    }

    /**
     * As {@link #draw(GraphicsContext, NodeView, double, double)}, knowing that one page unit covers
     * {@code scale} device pixels (0 when unknown): a node smaller than a pixel is then drawn as the dab of
     * colour it would leave, and text too small to read is left out.
     */
    public static void draw(GraphicsContext g, NodeView n, double x, double y, double scale) {
        draw(g, n, x, y, scale, ImageSource.NONE);
    }

    /** As {@link #draw(GraphicsContext, NodeView, double, double, double)}, with image nodes' pictures. */
    public static void draw(GraphicsContext g, NodeView n, double x, double y, double scale, ImageSource images) {
        if (!n.visible() || n.opacity() <= 0) {
            return;
        }
        if (scale > 0 && Math.abs(n.w()) * scale < 1 && Math.abs(n.h()) * scale < 1 && !"group".equals(n.kind())) {
            drawSpeck(g, n, x, y, scale);
            return;
        }
        // Plain nodes (opaque, unrotated, not text) skip save/restore: with thousands of nodes it adds up.
        boolean plain = n.opacity() >= 1 && n.rotation() == 0 && !"text".equals(n.kind()) && !"line".equals(n.kind());
        if (!plain) {
            g.save();
            g.setGlobalAlpha(g.getGlobalAlpha() * Math.max(0, Math.min(1, n.opacity())));
        }
        if (n.rotation() != 0) {
            double cx = x + n.w() / 2;
            double cy = y + n.h() / 2;
            g.translate(cx, cy);
            g.rotate(n.rotation());
            g.translate(-cx, -cy);
        }
        Color fill = Paints.color(n.fill());
        Color stroke = Paints.color(n.stroke());
        double sw = n.strokeWidth();
        switch (n.kind()) {
            case "rect", "frame" -> {
                double r = Math.min(n.cornerRadius(), Math.min(n.w(), n.h()) / 2) * 2;
                if (plain && r <= 0 && bandable(fill, stroke, sw)) {
                    fillBanded(g, fill, stroke, sw, x, y, n.w(), n.h());
                } else if (fill != null) {
                    g.setFill(fill);
                    if (r > 0) {
                        g.fillRoundRect(x, y, n.w(), n.h(), r, r);
                    } else {
                        g.fillRect(x, y, n.w(), n.h());
                    }
                }
                if (stroke != null && sw > 0 && !(plain && r <= 0 && bandable(fill, stroke, sw))) {
                    g.setStroke(stroke);
                    g.setLineWidth(sw);
                    if (r > 0) {
                        g.strokeRoundRect(x, y, n.w(), n.h(), r, r);
                    } else {
                        g.strokeRect(x, y, n.w(), n.h());
                    }
                }
            }
            case "ellipse" -> {
                // A thin outline under an opaque fill: two fills cost less than stroking the curve, and at up to
                // two device pixels wide the ring's outer edge is an ellipse to within a tenth of a pixel.
                boolean thinRing = plain && scale > 0 && sw * scale <= 2 && bandable(fill, stroke, sw);
                if (thinRing) {
                    g.setFill(stroke);
                    g.fillOval(x - sw / 2, y - sw / 2, n.w() + sw, n.h() + sw);
                    if (n.w() > sw && n.h() > sw) {
                        g.setFill(fill);
                        g.fillOval(x + sw / 2, y + sw / 2, n.w() - sw, n.h() - sw);
                    }
                } else if (fill != null) {
                    g.setFill(fill);
                    g.fillOval(x, y, n.w(), n.h());
                }
                if (stroke != null && sw > 0 && !thinRing) {
                    g.setStroke(stroke);
                    g.setLineWidth(sw);
                    g.strokeOval(x, y, n.w(), n.h());
                }
            }
            case "line" -> {
                g.setStroke(stroke != null ? stroke : Color.BLACK);
                g.setLineWidth(Math.max(sw, 1));
                g.setLineCap(StrokeLineCap.ROUND);
                g.strokeLine(x, y, x + n.w(), y + n.h());
            }
            case "text" -> {
                if (scale <= 0 || n.fontSize() * scale >= 1) {
                    drawText(g, n, x, y, fill);
                }
            }
            case "image" -> {
                Image picture = n.asset() == null ? null : images.image(n.asset());
                if (picture != null) {
                    drawPicture(g, picture, n, x, y);
                } else {
                    drawPlaceholder(g, n, x, y);
                }
            }
            default -> {
                // groups draw nothing of their own
            }
        }
        if (!plain) {
            g.restore();
        }
    }

    /** The picture stretched over the node's box, clipped to its rounded corners when it has them. */
    private static void drawPicture(GraphicsContext g, Image picture, NodeView n, double x, double y) {
        double x0 = Math.min(x, x + n.w());
        double y0 = Math.min(y, y + n.h());
        double w = Math.abs(n.w());
        double h = Math.abs(n.h());
        double r = Math.min(n.cornerRadius(), Math.min(w, h) / 2);
        if (r <= 0) {
            g.drawImage(picture, x0, y0, w, h);
            return;
        }
        g.save();
        g.beginPath();
        g.moveTo(x0 + r, y0);
        g.arcTo(x0 + w, y0, x0 + w, y0 + h, r);
        g.arcTo(x0 + w, y0 + h, x0, y0 + h, r);
        g.arcTo(x0, y0 + h, x0, y0, r);
        g.arcTo(x0, y0, x0 + w, y0, r);
        g.closePath();
        clip(g);
        g.drawImage(picture, x0, y0, w, h);
        g.restore();
    }

    /** A grey box with a cross: an image whose picture is not at hand (yet). */
    private static void drawPlaceholder(GraphicsContext g, NodeView n, double x, double y) {
        g.setFill(Color.rgb(200, 200, 200, 0.6));
        g.fillRect(x, y, n.w(), n.h());
        g.setStroke(Color.GRAY);
        g.setLineWidth(1);
        g.strokeLine(x, y, x + n.w(), y + n.h());
        g.strokeLine(x + n.w(), y, x, y + n.h());
    }

    /** Whether an outline over a fill can be drawn as two filled boxes: both opaque, the outline present. */
    private static boolean bandable(Color fill, Color stroke, double sw) {
        return fill != null && stroke != null && sw > 0 && fill.isOpaque() && stroke.isOpaque();
    }

    /**
     * An opaque fill with an opaque outline centred on its edge, as the outline's outer box in the stroke colour
     * and the inner box in the fill colour: the same pixels as fill-then-stroke, but boxes are filled directly
     * where a stroke goes through the general shape rasterizer.
     */
    private static void fillBanded(GraphicsContext g, Color fill, Color stroke, double sw, double x, double y,
            double w, double h) {
        double x0 = Math.min(x, x + w);
        double y0 = Math.min(y, y + h);
        double aw = Math.abs(w);
        double ah = Math.abs(h);
        g.setFill(stroke);
        g.fillRect(x0 - sw / 2, y0 - sw / 2, aw + sw, ah + sw);
        if (aw > sw && ah > sw) {
            g.setFill(fill);
            g.fillRect(x0 + sw / 2, y0 + sw / 2, aw - sw, ah - sw);
        }
    }

    /**
     * A node under a pixel in both directions: its box filled with the colour that dominates it (the outline's
     * when that is at least half as thick as the node, else the fill's), which leaves about the same tint on
     * that pixel as the whole shape would at a fraction of the cost.
     */
    private static void drawSpeck(GraphicsContext g, NodeView n, double x, double y, double scale) {
        if ("text".equals(n.kind())) {
            return;
        }
        Color fill = Paints.color(n.fill());
        Color stroke = Paints.color(n.stroke());
        double sw = n.strokeWidth();
        boolean outlineWins = stroke != null && sw > 0 && (fill == null || sw * 2 >= Math.min(Math.abs(n.w()), Math.abs(n.h())));
        Color c = "line".equals(n.kind()) ? (stroke != null ? stroke : Color.BLACK) : outlineWins ? stroke : fill;
        if (c == null) {
            return;
        }
        double pad = outlineWins || "line".equals(n.kind()) ? Math.max(sw, 0) / 2 : 0;
        double alpha = Math.max(0, Math.min(1, n.opacity()));
        double saved = g.getGlobalAlpha();
        if (alpha < 1) {
            g.setGlobalAlpha(saved * alpha);
        }
        g.setFill(c);
        g.fillRect(Math.min(x, x + n.w()) - pad, Math.min(y, y + n.h()) - pad, Math.abs(n.w()) + 2 * pad,
                Math.abs(n.h()) + 2 * pad);
        if (alpha < 1) {
            g.setGlobalAlpha(saved);
        }
    }

    /**
     * Clips to the current path. A clip JavaFX draws as a mask (rotated, or with curves) takes the opacity of
     * the last shape filled before it, even when that was another node's, restored since: a rotated text right
     * after a half-transparent node came out half-transparent too (seen with the software pipeline). A
     * transparent one-pixel fill at full opacity first, which changes no pixel, sets the mask right.
     */
    private static void clip(GraphicsContext g) {
        Paint fill = g.getFill();
        double alpha = g.getGlobalAlpha();
        g.setFill(Color.TRANSPARENT);
        g.setGlobalAlpha(1);
        g.fillRect(0, 0, 1, 1);
        g.setGlobalAlpha(alpha);
        g.setFill(fill);
        g.clip();
    }

    private static void drawText(GraphicsContext g, NodeView n, double x, double y, Color fill) {
        g.setFill(fill != null ? fill : Color.BLACK);
        FontWeight weight = FontWeight.findByWeight((int) Math.max(100, Math.min(900, n.fontWeight())));
        g.setFont(Font.font(n.fontFamily(), weight, n.fontSize()));
        g.setTextBaseline(VPos.TOP);
        TextAlignment align = switch (n.align()) {
            case "center" -> TextAlignment.CENTER;
            case "right" -> TextAlignment.RIGHT;
            default -> TextAlignment.LEFT;
        };
        g.setTextAlign(align);
        double tx = switch (align) {
            case CENTER -> x + n.w() / 2;
            case RIGHT -> x + n.w();
            default -> x;
        };
        g.save();
        g.beginPath();
        g.rect(x, y, Math.max(n.w(), 1), Math.max(n.h(), n.fontSize() * 1.3));
        clip(g);
        double lineHeight = n.fontSize() * 1.25;
        String[] lines = n.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], tx, y + i * lineHeight);
        }
        g.restore();
    }
}
