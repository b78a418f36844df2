package com.aftersales.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Production runs on a MongoDB replica set, development and tests on mongo-java-server: the code
 * may use only what both do (../shared/EMBEDDED-MONGO.md). This scans every module's main code
 * for the features the embedded server lacks or gets wrong.
 */
class MongoPortabilityTest {

    private static final Map<String, String> UNPORTABLE = Map.of(
            "startSession", "sessions and transactions do not exist on the embedded server",
            "withTransaction", "sessions and transactions do not exist on the embedded server",
            ".watch(", "change streams need the embedded server's oplog, which is off",
            "Filters.text(", "$text search does not exist on the embedded server",
            "\"$text\"", "$text search does not exist on the embedded server",
            "Collation", "collation is silently ignored on the embedded server",
            "ReturnDocument.AFTER", "findOneAndUpdate returning AFTER is not atomic on the embedded server",
            "expireAfter", "TTL indexes never expire documents on the embedded server",
            "$dateTrunc", "missing on the embedded server",
            "$setWindowFields", "missing on the embedded server");

    @Test
    void main_code_uses_only_what_mongodb_and_the_embedded_server_both_support() throws IOException {
        Path root = Path.of("..").toRealPath();
        List<String> violations = new ArrayList<>();
        for (String module : List.of("infra", "command-side", "query-side", "gateway")) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (Files.isDirectory(sources)) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(file -> file.toString().endsWith(".java"))
                            .forEach(file -> check(root.relativize(file), read(file), violations));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static void check(Path file, String source, List<String> violations) {
        UNPORTABLE.forEach((feature, why) -> {
            boolean notMongo = MONGO_ONLY_NAMES.contains(feature) && !usesMongo(source);
            if (source.contains(feature) && !notMongo) {
                violations.add(file + " uses " + feature + ": " + why);
            }
        });
    }

    /**
     * Names that mean the unportable feature only in code using MongoDB: {@code expireAfter} is also
     * in-memory cache expiry (Caffeine), {@code watch(} also waiting for a view's notice.
     */
    private static final java.util.Set<String> MONGO_ONLY_NAMES = java.util.Set.of("expireAfter", ".watch(");

    private static boolean usesMongo(String source) {
        return source.contains("import com.mongodb") || source.contains("import org.bson")
                || source.contains("import org.springframework.data.mongodb");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
