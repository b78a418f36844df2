package com.aftersales.ticket.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.util.FileSystemUtils;

/**
 * Where the search indexes live: one Lucene directory per tenant (so nothing can cross tenants
 * and a tenant's index can be dropped whole) plus one for the stream position. The storage owns
 * the directories and closes them.
 */
abstract class SearchIndexStorage implements Closeable {

    private final Map<String, Directory> open = new HashMap<>();

    synchronized Directory directory(String name) {
        return open.computeIfAbsent(name, this::create);
    }

    /** Deletes every index, for a rebuild from the start of the stream. */
    synchronized void wipe() {
        closeAll();
        deleteAll();
    }

    /** Describes the storage for logs. */
    abstract String describe();

    abstract Directory create(String name);

    abstract void deleteAll();

    @Override
    public synchronized void close() {
        closeAll();
    }

    private void closeAll() {
        for (Directory directory : open.values()) {
            try {
                directory.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        open.clear();
    }

    /** On local disk: kept across restarts. */
    static SearchIndexStorage files(Path root) {
        return new SearchIndexStorage() {
            @Override
            String describe() {
                return root.toAbsolutePath().toString();
            }

            @Override
            Directory create(String name) {
                try {
                    return FSDirectory.open(Files.createDirectories(root.resolve(name)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            void deleteAll() {
                try {
                    FileSystemUtils.deleteRecursively(root);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** In memory: rebuilt from the event store at every start. */
    static SearchIndexStorage memory() {
        return new SearchIndexStorage() {
            @Override
            String describe() {
                return "memory";
            }

            @Override
            Directory create(String name) {
                return new ByteBuffersDirectory();
            }

            @Override
            void deleteAll() {
                // closing dropped the contents
            }
        };
    }
}
