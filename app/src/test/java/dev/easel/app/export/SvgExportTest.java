package dev.easel.app.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.easel.app.document.NodeView;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class SvgExportTest {
    private static NodeView node(String id, String parent, String kind, double x, double y, double w, double h,
            String fill, String stroke, double rotation) {
        return new NodeView(id, "p", parent, kind, kind, x, y, w, h, rotation, "a", fill, stroke, 2, 4, 1,
                "text".equals(kind) ? "Hi <there>" : null, "Inter", 16, 400, "left", true, false, null, null, null);
    }

    /** A page of top-level nodes only, with pictures from {@code images}. */
    private static SvgExport.Tree topLevelOnly(java.util.function.Function<String, byte[]> images) {
        return new SvgExport.Tree() {
            @Override
            public List<NodeView> children(String id) {
                return List.of();
            }

            @Override
            public double worldX(NodeView n) {
                return n.x();
            }

            @Override
            public double worldY(NodeView n) {
                return n.y();
            }

            @Override
            public byte[] imageBytes(String hash) {
                return images.apply(hash);
            }
        };
    }

    @Test
    void rectAndEllipseInAFrame() throws Exception {
        NodeView frame = node("f", null, "frame", 10, 20, 300, 200, "#ffffff", null, 0);
        NodeView rect = node("r", "f", "rect", 5, 6, 100, 50, "#0d99ff", "#000000", 0);
        NodeView ellipse = node("e", "f", "ellipse", 120, 30, 80, 40, "#ff000080", null, 45);
        Map<String, List<NodeView>> children = Map.of("f", List.of(rect, ellipse));
        Map<String, NodeView> byId = Map.of("f", frame, "r", rect, "e", ellipse);
        String svg = SvgExport.svg(List.of(frame), new SvgExport.Tree() {
            @Override
            public List<NodeView> children(String id) {
                return children.getOrDefault(id, List.of());
            }

            @Override
            public double worldX(NodeView n) {
                return n.x() + (n.parent() == null ? 0 : worldX(byId.get(n.parent())));
            }

            @Override
            public double worldY(NodeView n) {
                return n.y() + (n.parent() == null ? 0 : worldY(byId.get(n.parent())));
            }
        });
        assertTrue(svg.contains("viewBox=\"10 20 300 200\""), svg);
        assertTrue(svg.contains("<rect id=\"r\" x=\"15\" y=\"26\" width=\"100\" height=\"50\" rx=\"4\" fill=\"#0d99ff\""
                + " stroke=\"#000000\" stroke-width=\"2\"/>"), svg);
        assertTrue(svg.contains("<ellipse id=\"e\" cx=\"170\" cy=\"70\" rx=\"40\" ry=\"20\" fill=\"#ff0000\""
                + " fill-opacity=\"0.502\" transform=\"rotate(45 170 70)\"/>"), svg);
        assertTrue(svg.contains("clip-path=\"url(#clip0)\""), svg);
        // Well-formed XML.
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** A picture in a box with rounded corners is clipped to them in the SVG, as the canvas draws it. */
    @Test
    void picturesAreClippedToRoundedCorners() throws Exception {
        java.awt.image.BufferedImage pixels = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(pixels, "png", png);
        NodeView square = new NodeView("s", "p", null, "image", "image", 100, 20, 80, 60, 0, "b", null, null, 0, 0, 1,
                null, "Inter", 16, 400, "left", true, false, null, "h", null);
        NodeView rounded = new NodeView("i", "p", null, "image", "image", 10, 20, 80, 60, 0, "a", null, null, 0, 4, 1,
                null, "Inter", 16, 400, "left", true, false, null, "h", null);
        String svg = SvgExport.svg(List.of(rounded, square), topLevelOnly(hash -> png.toByteArray()));
        assertTrue(svg.contains("<clipPath id=\"clip0\"><rect x=\"10\" y=\"20\" width=\"80\" height=\"60\" rx=\"4\"/>"
                + "</clipPath>"), svg);
        assertTrue(svg.contains("<image id=\"i\" x=\"10\" y=\"20\" width=\"80\" height=\"60\" clip-path=\"url(#clip0)\""),
                svg);
        assertTrue(svg.contains("<image id=\"s\" x=\"100\" y=\"20\" width=\"80\" height=\"60\" preserveAspectRatio"),
                "square corners need no clip: " + svg);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void textIsEscaped() throws Exception {
        NodeView text = node("t", null, "text", 0, 0, 100, 20, "#111111", null, 0);
        String svg = SvgExport.svg(List.of(text), topLevelOnly(hash -> null));
        assertTrue(svg.contains("Hi &lt;there&gt;"), svg);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }
}
