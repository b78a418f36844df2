package com.aftersales.infra.privacy;

import com.aftersales.infra.mongo.MongoStorageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's master key: generated once and kept next to the embedded data (the
 * memory backend keeps nothing, so neither does its key). Anyone who can read the data directory
 * can read the key: development only, said loudly at every start.
 */
final class DevelopmentMasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentMasterKey.class);
    static final String FILE_NAME = "privacy-master-key.b64";

    private DevelopmentMasterKey() {
    }

    static byte[] load(PrivacyProperties properties, MongoStorageProperties storage) {
        if (storage.getEmbedded().getBackend() == MongoStorageProperties.Backend.MEMORY) {
            LOG.warn("!!! Personal data is encrypted with a throw-away development master key (embedded in-memory "
                    + "MongoDB). Set aftersales.privacy.master-key for any real data. !!!");
            return Aead.newKey().getEncoded();
        }
        Path file = properties.getDevelopmentKeyFile() != null ? properties.getDevelopmentKeyFile()
                : storage.getEmbedded().getDataDir().resolve(FILE_NAME);
        LOG.warn("!!! Personal data is encrypted with a DEVELOPMENT master key stored in {} next to the data: "
                + "whoever reads the data directory can read the data. Set aftersales.privacy.master-key for any "
                + "real data (docs/privacy.md). !!!", file.toAbsolutePath());
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return MasterKeys.decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development master key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String key = Base64.getEncoder().encodeToString(Aead.newKey().getEncoded());
        try {
            Files.writeString(file, key, StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE_NEW);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (FileAlreadyExistsException raced) {
            // another start created it first: use that one
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the file keeps its default permissions
        }
    }
}
