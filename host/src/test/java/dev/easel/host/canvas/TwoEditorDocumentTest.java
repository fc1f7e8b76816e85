package dev.easel.host.canvas;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that each start with a fresh document file in a temporary folder, Alice and Bob in it as editors. */
abstract class TwoEditorDocumentTest {
    @TempDir
    Path dir;
    CanvasFixture doc;

    @BeforeEach
    void open() {
        doc = CanvasFixture.withTwoEditors(dir);
    }

    @AfterEach
    void close() {
        doc.close();
    }
}
