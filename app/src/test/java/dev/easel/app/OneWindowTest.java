package dev.easel.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The base of tests with one main window ({@link AppFixture}): each test class hands TestFX's stage to
 * {@link #open} from its own {@code @Start} method (TestFX looks for that method in the test class only), and
 * the window closes after each test. {@link TwoWindowTest} does the same for a hosting and a joining window.
 */
@ExtendWith(ApplicationExtension.class)
abstract class OneWindowTest {
    AppFixture app;

    void open(Stage stage) {
        app = new AppFixture(stage);
    }

    @AfterEach
    void closeWindow() {
        app.close();
    }
}
