package dev.easel.app.export;

import dev.easel.app.document.DocumentModel;
import dev.easel.app.document.NodeView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Writes nodes as an SVG document: rectangles and frames as {@code <rect>} (frames clip their content),
 * ellipses, lines, text (one {@code <tspan>} per line), groups as {@code <g>}, images as embedded pictures
 * (placeholders when their bytes are not at hand); with
 * fills, strokes, corner radius, opacity and rotation. The drawing is cropped to the exported nodes' box.
 */
public final class SvgExport {
    /** What the export needs of a document: nodes' children and positions on the page. */
    public interface Tree {
        List<NodeView> children(String id);

        double worldX(NodeView n);

        double worldY(NodeView n);

        /** An image's bytes by content hash, or null when they are not at hand (a placeholder is written). */
        default byte[] imageBytes(String hash) {
            return null;
        }
    }

    private SvgExport() {
    }

    /**
     * The SVG of the selected nodes (or, with none, of every node on the page), or null when there is nothing
     * to export. Call on the JavaFX thread.
     */
    public static String render(DocumentModel model, Collection<String> selected) {
        return render(model, selected, hash -> null);
    }

    /**
     * As {@link #render(DocumentModel, Collection)}, embedding each image whose bytes {@code imageBytes} has
     * (by content hash; null when not at hand).
     */
    public static String render(DocumentModel model, Collection<String> selected,
            java.util.function.Function<String, byte[]> imageBytes) {
        List<NodeView> roots = new ArrayList<>();
        if (selected == null || selected.isEmpty()) {
            roots.addAll(model.children(null));
        } else {
            for (NodeView n : model.drawOrder()) {
                if (selected.contains(n.id()) && !model.hasAncestorIn(n, selected)) {
                    roots.add(n);
                }
            }
        }
        if (roots.isEmpty()) {
            return null;
        }
        return svg(roots, new Tree() {
            @Override
            public List<NodeView> children(String id) {
                return model.children(id);
            }

            @Override
            public double worldX(NodeView n) {
                return model.worldX(n);
            }

            @Override
            public double worldY(NodeView n) {
                return model.worldY(n);
            }

            @Override
            public byte[] imageBytes(String hash) {
                return imageBytes.apply(hash);
            }
        });
    }

    /** The SVG of these nodes (bottom to top) and everything inside them, cropped to their box. */
    public static String svg(List<NodeView> roots, Tree tree) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (NodeView n : roots) {
            double x = tree.worldX(n);
            double y = tree.worldY(n);
            double pad = "line".equals(n.kind()) ? Math.max(n.strokeWidth(), 1) / 2 : 0;
            minX = Math.min(minX, Math.min(x, x + n.w()) - pad);
            minY = Math.min(minY, Math.min(y, y + n.h()) - pad);
            maxX = Math.max(maxX, Math.max(x, x + n.w()) + pad);
            maxY = Math.max(maxY, Math.max(y, y + n.h()) + pad);
        }
        double w = Math.max(1, maxX - minX);
        double h = Math.max(1, maxY - minY);
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(w)).append("\" height=\"")
                .append(num(h)).append("\" viewBox=\"").append(num(minX)).append(' ').append(num(minY)).append(' ')
                .append(num(w)).append(' ').append(num(h)).append("\">\n");
        int[] clips = {0};
        for (NodeView n : roots) {
            node(out, n, tree, "  ", clips, 0);
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static void node(StringBuilder out, NodeView n, Tree tree, String indent, int[] clips, int depth) {
        if (!n.visible() || depth > 64) {
            return;
        }
        double x = tree.worldX(n);
        double y = tree.worldY(n);
        StringBuilder common = new StringBuilder();
        if (n.opacity() < 1) {
            common.append(" opacity=\"").append(num(Math.max(0, n.opacity()))).append('"');
        }
        if (n.rotation() != 0) {
            common.append(" transform=\"rotate(").append(num(n.rotation())).append(' ').append(num(x + n.w() / 2))
                    .append(' ').append(num(y + n.h() / 2)).append(")\"");
        }
        String id = " id=\"" + esc(n.id()) + "\"";
        switch (n.kind()) {
            case "rect" -> out.append(indent).append("<rect").append(id).append(box(x, y, n)).append(radius(n))
                    .append(paint(n)).append(common).append("/>\n");
            case "ellipse" -> out.append(indent).append("<ellipse").append(id)
                    .append(" cx=\"").append(num(x + n.w() / 2)).append("\" cy=\"").append(num(y + n.h() / 2))
                    .append("\" rx=\"").append(num(Math.abs(n.w()) / 2)).append("\" ry=\"")
                    .append(num(Math.abs(n.h()) / 2)).append('"').append(paint(n)).append(common).append("/>\n");
            case "line" -> out.append(indent).append("<line").append(id)
                    .append(" x1=\"").append(num(x)).append("\" y1=\"").append(num(y))
                    .append("\" x2=\"").append(num(x + n.w())).append("\" y2=\"").append(num(y + n.h())).append('"')
                    .append(color("stroke", n.stroke() == null || "none".equals(n.stroke()) ? "#000000" : n.stroke()))
                    .append(" stroke-width=\"").append(num(Math.max(n.strokeWidth(), 1)))
                    .append("\" stroke-linecap=\"round\"").append(common).append("/>\n");
            case "text" -> text(out, n, x, y, id, common, indent);
            case "image" -> image(out, n, tree, x, y, id, common, indent, clips);
            case "frame" -> {
                String clip = "clip" + clips[0]++;
                out.append(indent).append("<g").append(id).append(common).append(">\n");
                out.append(indent).append("  <clipPath id=\"").append(clip).append("\"><rect").append(box(x, y, n))
                        .append(radius(n)).append("/></clipPath>\n");
                out.append(indent).append("  <rect").append(box(x, y, n)).append(radius(n)).append(paint(n))
                        .append("/>\n");
                out.append(indent).append("  <g clip-path=\"url(#").append(clip).append(")\">\n");
                for (NodeView c : tree.children(n.id())) {
                    node(out, c, tree, indent + "    ", clips, depth + 1);
                }
                out.append(indent).append("  </g>\n");
                out.append(indent).append("</g>\n");
            }
            default -> {
                out.append(indent).append("<g").append(id).append(common).append(">\n");
                for (NodeView c : tree.children(n.id())) {
                    node(out, c, tree, indent + "  ", clips, depth + 1);
                }
                out.append(indent).append("</g>\n");
            }
        }
    }

    /**
     * An image as an {@code <image>} holding its picture as a data: URI, or a grey box without its bytes. A
     * picture in a box with rounded corners is clipped to them, as the canvas draws it.
     */
    private static void image(StringBuilder out, NodeView n, Tree tree, double x, double y, String id,
            CharSequence common, String indent, int[] clips) {
        byte[] data = n.asset() == null ? null : tree.imageBytes(n.asset());
        String mime = mimeOf(data);
        String radius = radius(n);
        if (mime == null) {
            out.append(indent).append("<rect").append(id).append(box(x, y, n)).append(radius)
                    .append(" fill=\"#c8c8c8\" fill-opacity=\"0.6\"").append(common).append("/>\n");
            return;
        }
        String clipPath = "";
        if (!radius.isEmpty()) {
            String clip = "clip" + clips[0]++;
            out.append(indent).append("<clipPath id=\"").append(clip).append("\"><rect").append(box(x, y, n))
                    .append(radius).append("/></clipPath>\n");
            clipPath = " clip-path=\"url(#" + clip + ")\"";
        }
        out.append(indent).append("<image").append(id).append(box(x, y, n)).append(clipPath)
                .append(" preserveAspectRatio=\"none\" href=\"data:").append(mime).append(";base64,")
                .append(java.util.Base64.getEncoder().encodeToString(data)).append('"').append(common).append("/>\n");
    }

    /** The type of image data, or null when it is none we recognise. */
    private static String mimeOf(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return dev.easel.host.canvas.ImageSniffer.sniff(data).mime();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void text(StringBuilder out, NodeView n, double x, double y, String id, CharSequence common,
            String indent) {
        String anchor = switch (n.align() == null ? "left" : n.align()) {
            case "center" -> "middle";
            case "right" -> "end";
            default -> "start";
        };
        double tx = switch (anchor) {
            case "middle" -> x + n.w() / 2;
            case "end" -> x + n.w();
            default -> x;
        };
        out.append(indent).append("<text").append(id).append(" x=\"").append(num(tx)).append("\" y=\"")
                .append(num(y)).append("\" font-family=\"").append(esc(n.fontFamily() == null ? "sans-serif" : n.fontFamily()))
                .append("\" font-size=\"").append(num(n.fontSize())).append("\" font-weight=\"").append(n.fontWeight())
                .append("\" text-anchor=\"").append(anchor).append("\" dominant-baseline=\"text-before-edge\"")
                .append(color("fill", n.fill() == null || "none".equals(n.fill()) ? "#000000" : n.fill()))
                .append(common).append(">");
        String[] lines = (n.text() == null ? "" : n.text()).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append("<tspan x=\"").append(num(tx)).append("\" y=\"").append(num(y + i * n.fontSize() * 1.25))
                    .append("\">").append(esc(lines[i])).append("</tspan>");
        }
        out.append("</text>\n");
    }

    private static String box(double x, double y, NodeView n) {
        return " x=\"" + num(Math.min(x, x + n.w())) + "\" y=\"" + num(Math.min(y, y + n.h())) + "\" width=\""
                + num(Math.abs(n.w())) + "\" height=\"" + num(Math.abs(n.h())) + "\"";
    }

    private static String radius(NodeView n) {
        double r = Math.min(n.cornerRadius(), Math.min(Math.abs(n.w()), Math.abs(n.h())) / 2);
        return r > 0 ? " rx=\"" + num(r) + "\"" : "";
    }

    private static String paint(NodeView n) {
        String fill = n.fill() == null ? "none" : n.fill();
        StringBuilder s = new StringBuilder(color("fill", fill));
        if (n.stroke() != null && !"none".equals(n.stroke()) && n.strokeWidth() > 0) {
            s.append(color("stroke", n.stroke())).append(" stroke-width=\"").append(num(n.strokeWidth())).append('"');
        }
        return s.toString();
    }

    /** A colour attribute from a document colour: #rrggbbaa becomes #rrggbb plus an opacity attribute. */
    private static String color(String attr, String c) {
        if (c == null || "none".equals(c) || c.isEmpty()) {
            return " " + attr + "=\"none\"";
        }
        if (c.startsWith("#") && c.length() == 9) {
            double a = Integer.parseInt(c.substring(7, 9), 16) / 255.0;
            return " " + attr + "=\"" + esc(c.substring(0, 7)) + "\" " + attr + "-opacity=\"" + num(a) + "\"";
        }
        return " " + attr + "=\"" + esc(c) + "\"";
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** Writes the SVG text to a file, creating its folder. Blocking: call it off the JavaFX thread. */
    public static void write(String svg, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, svg, StandardCharsets.UTF_8);
    }
}
