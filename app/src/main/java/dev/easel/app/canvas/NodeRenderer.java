package dev.easel.app.canvas;

import dev.easel.app.document.NodeView;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws one node, in page coordinates, onto a graphics context already set up with the viewport's transform:
 * fill, stroke, corner radius, opacity and rotation (about the node's centre) for every kind. Images are
 * drawn as placeholders until assets reach the app.
 */
public final class NodeRenderer {
    private NodeRenderer() {
    }

    /** {@code x}, {@code y}: the node's position on the page (its own plus its ancestors'). */
    public static void draw(GraphicsContext g, NodeView n, double x, double y) {
        if (!n.visible() || n.opacity() <= 0) {
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
                if (fill != null) {
                    g.setFill(fill);
                    if (r > 0) {
                        g.fillRoundRect(x, y, n.w(), n.h(), r, r);
                    } else {
                        g.fillRect(x, y, n.w(), n.h());
                    }
                }
                if (stroke != null && sw > 0) {
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
                if (fill != null) {
                    g.setFill(fill);
                    g.fillOval(x, y, n.w(), n.h());
                }
                if (stroke != null && sw > 0) {
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
            case "text" -> drawText(g, n, x, y, fill);
            case "image" -> {
                g.setFill(Color.rgb(200, 200, 200, 0.6));
                g.fillRect(x, y, n.w(), n.h());
                g.setStroke(Color.GRAY);
                g.setLineWidth(1);
                g.strokeLine(x, y, x + n.w(), y + n.h());
                g.strokeLine(x + n.w(), y, x, y + n.h());
            }
            default -> {
                // groups draw nothing of their own
            }
        }
        if (!plain) {
            g.restore();
        }
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
        g.clip();
        double lineHeight = n.fontSize() * 1.25;
        String[] lines = n.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], tx, y + i * lineHeight);
        }
        g.restore();
    }
}
