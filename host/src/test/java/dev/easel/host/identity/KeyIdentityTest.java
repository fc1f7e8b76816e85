package dev.easel.host.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An installation's key pair is made once, kept in its data folder, and is the same every time it is loaded. */
class KeyIdentityTest {
    @TempDir
    Path dir;

    @Test
    void theKeyIsCreatedInTheDataFolderAndLoadedAgainAsTheSameIdentity() throws Exception {
        Path file = dir.resolve("data/identity.key");
        KeyIdentity created = KeyIdentity.loadOrCreate(file);
        assertTrue(Files.isRegularFile(file));
        assertArrayEquals(created.publicKey(), Files.readAllBytes(dir.resolve("data/identity.key.pub")));

        KeyIdentity loaded = KeyIdentity.loadOrCreate(file);
        assertEquals(created.identity(), loaded.identity());
        byte[] data = "easel".getBytes(StandardCharsets.UTF_8);
        assertTrue(KeyIdentity.verify(created.publicKey(), data, loaded.sign(data)), "the private key was kept too");

        assertNotEquals(created.identity(), KeyIdentity.loadOrCreate(dir.resolve("other/identity.key")).identity());
    }

    @Test
    void onlyTheOwnerMayReadThePrivateKey() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("identity.key");
        KeyIdentity.loadOrCreate(file);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    }
}
