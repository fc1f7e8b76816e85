package dev.easel.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.Test;

class ImagePlacementTest {
    private static final Bounds VIEW = new BoundingBox(0, 0, 1000, 800);

    @Test
    void oneImageAtItsNaturalSizeCentredOnThePoint() {
        Bounds b = ImagePlacement.row(List.of(new double[] {300, 200}), 500, 400, VIEW).get(0);
        assertEquals(new BoundingBox(350, 300, 300, 200), b);
    }

    @Test
    void aLargeImageShrinksToFitTheViewKeepingItsShape() {
        Bounds b = ImagePlacement.row(List.of(new double[] {4000, 1000}), 500, 400, VIEW).get(0);
        assertEquals(900, b.getWidth(), 0.001);
        assertEquals(225, b.getHeight(), 0.001);
        assertEquals(500, b.getCenterX(), 0.01);
    }

    @Test
    void severalSideBySideWithAGapTheRowCentred() {
        List<Bounds> row = ImagePlacement.row(List.of(new double[] {200, 100}, new double[] {100, 100}), 0, 0, VIEW);
        assertEquals(new BoundingBox(-160, -50, 200, 100), row.get(0));
        assertEquals(new BoundingBox(60, -50, 100, 100), row.get(1));
    }

    @Test
    void aRowWiderThanTheViewShrinksAsAWhole() {
        List<double[]> sizes = List.of(new double[] {800, 400}, new double[] {800, 400});
        List<Bounds> row = ImagePlacement.row(sizes, 500, 400, VIEW);
        double left = row.get(0).getMinX();
        double right = row.get(1).getMaxX();
        assertEquals(900, right - left, 0.02);
        assertEquals(row.get(0).getWidth(), row.get(1).getWidth(), 0.001);
        assertEquals(2.0, row.get(0).getWidth() / row.get(0).getHeight(), 0.001);
    }
}
