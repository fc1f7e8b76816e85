package dev.easel.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @Test
    void noArgumentsOrADocumentOpensTheApp(@TempDir Path dir) throws Exception {
        assertTrue(Launcher.opensApp(new String[0]));
        assertTrue(Launcher.opensApp(new String[] {"new-design.easel"}));
        Path existing = Files.writeString(dir.resolve("notes.bin"), "x");
        assertTrue(Launcher.opensApp(new String[] {existing.toString()}));
    }

    @Test
    void subcommandsGoToTheCommandLine(@TempDir Path dir) {
        assertFalse(Launcher.opensApp(new String[] {"host"}));
        assertFalse(Launcher.opensApp(new String[] {"--help"}));
        assertFalse(Launcher.opensApp(new String[] {"bench", "engine"}));
        // A folder named like a subcommand is not a document.
        assertFalse(Launcher.opensApp(new String[] {dir.toString()}));
    }
}
