package dev.easel.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The base of tests with a hosting window and a joining one ({@link HostAndJoiner}): each test class hands
 * TestFX's stage to {@link #open} from its own {@code @Start} method (TestFX looks for that method in the test
 * class only), and both windows close after each test.
 */
@ExtendWith(ApplicationExtension.class)
abstract class TwoWindowTest {
    AppFixture host;
    HostAndJoiner pair;

    void open(Stage stage) {
        host = new AppFixture(stage);
        pair = new HostAndJoiner(host);
    }

    @AfterEach
    void closeBothWindows() {
        pair.close();
    }
}
