package dev.easel.host.identity;

import dev.easel.engine.tx.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * This installation's Ed25519 key pair (JDK crypto). The identity others see is the fingerprint of the
 * public key, so nobody without the private key can act as this installation.
 */
public final class KeyIdentity {
    private static final String ALGORITHM = "Ed25519";
    /** Hex characters of SHA-256 kept in a fingerprint: 128 bits. */
    private static final int FINGERPRINT_HEX = 32;

    private final KeyPair keys;
    private final Identity identity;

    private KeyIdentity(KeyPair keys) {
        this.keys = keys;
        this.identity = new Identity(fingerprint(keys.getPublic().getEncoded()));
    }

    public static KeyIdentity generate() {
        try {
            return new KeyIdentity(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519 support", e);
        }
    }

    /** Loads the key pair kept in {@code file}, creating it (readable by the owner only) on first use. */
    public static KeyIdentity loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] pkcs8 = Files.readAllBytes(file);
            try {
                KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
                PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                byte[] pub = Files.readAllBytes(publicFile(file));
                PublicKey pk = kf.generatePublic(new X509EncodedKeySpec(pub));
                return new KeyIdentity(new KeyPair(pk, priv));
            } catch (GeneralSecurityException | IOException e) {
                throw new IOException("the identity key in " + file + " is damaged: " + e.getMessage(), e);
            }
        }
        KeyIdentity fresh = generate();
        Files.createDirectories(file.toAbsolutePath().getParent());
        writePrivately(file, fresh.keys.getPrivate().getEncoded());
        Files.write(publicFile(file), fresh.publicKey());
        return fresh;
    }

    private static Path publicFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".pub");
    }

    private static void writePrivately(Path file, byte[] data) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            // Owner-only from its creation: written first and restricted after, the key was readable by anyone
            // meanwhile (and for good, if the app stopped in between).
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user profile folder is private already.
        }
        Files.write(tmp, data);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Identity identity() {
        return identity;
    }

    /** The public key, X.509 encoded, as sent in {@code hello}. */
    public byte[] publicKey() {
        return keys.getPublic().getEncoded();
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(keys.getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if {@code signature} is {@code publicKey}'s signature of {@code data}; false for anything malformed. */
    public static boolean verify(byte[] publicKey, byte[] data, byte[] signature) {
        try {
            PublicKey pk = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(publicKey));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(pk);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String fingerprint(byte[] publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
