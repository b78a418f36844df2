package com.aftersales.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GlobalIndexAllocatorTest extends InMemoryMongoTest {

    @Test
    void eight_concurrent_allocators_never_get_the_same_index() throws Exception {
        var database = mongo.freshDatabase();
        int threads = 8;
        int perThread = 200;
        Set<Long> allocated = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            GlobalIndexAllocator allocator = new GlobalIndexAllocator(database.getCollection("counters"));
            done.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    long first = allocator.allocate(2);
                    assertThat(allocated.add(first)).as("index %d handed out twice", first).isTrue();
                    assertThat(allocated.add(first + 1)).as("index %d handed out twice", first + 1).isTrue();
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        assertThat(allocated).hasSize(threads * perThread * 2);
        assertThat(allocated.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(threads * perThread * 2 - 1);
        assertThat(new GlobalIndexAllocator(database.getCollection("counters")).highestAllocated())
                .isEqualTo(threads * perThread * 2 - 1);
    }
}
