package com.aftersales.gateway.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;

/**
 * The service's streaming event processors (ticket-views, ticket-timeline, ticket-search once it
 * exists…): stopped while the harness seeds, then started and timed until each reaches the head
 * of the event stream, read from {@link StreamingEventProcessor#processingStatus()}.
 */
final class Processors {

    private final EventProcessingConfiguration processing;

    Processors(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    Map<String, StreamingEventProcessor> streaming() {
        Map<String, StreamingEventProcessor> found = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                found.put(name, streaming);
            }
        });
        return found;
    }

    /** Name and kind of each streaming processor. */
    List<String> describe() {
        List<String> described = new ArrayList<>();
        streaming().forEach((name, processor) -> described.add(name + " (" + processor.getClass().getSimpleName() + ")"));
        return described;
    }

    /** The names of processors that are not streaming ones (their catch-up is not measured). */
    List<String> others() {
        List<String> names = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor)) {
                names.add(name + " (" + processor.getClass().getSimpleName() + ")");
            }
        });
        return names;
    }

    /** The lowest position over the processor's segments, or -1 before any event; empty when it holds none. */
    static OptionalLong position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new IllegalStateException("processor " + processor.getName() + " failed", segment.getError());
            }
            lowest = Math.min(lowest, segment.getCurrentPosition().orElse(-1));
        }
        return OptionalLong.of(lowest);
    }

    /** Waits until every streaming processor has reached {@code head}; returns their positions. */
    Map<String, Long> awaitHead(long head, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> positions = new TreeMap<>();
        for (var entry : streaming().entrySet()) {
            OptionalLong position;
            while ((position = position(entry.getValue())).isEmpty() || position.getAsLong() < head) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(entry.getKey() + " did not reach " + head + " in " + timeout);
                }
                Thread.sleep(20);
            }
            positions.put(entry.getKey(), position.getAsLong());
        }
        return positions;
    }

    /** Stops every streaming processor and waits until none holds a segment or a thread. */
    void stopAll() throws InterruptedException {
        streaming().values().forEach(StreamingEventProcessor::shutDown);
        for (StreamingEventProcessor processor : streaming().values()) {
            while (!processor.processingStatus().isEmpty() || processor.isRunning()
                    || processor instanceof TrackingEventProcessor tracking && tracking.activeProcessorThreads() > 0) {
                Thread.sleep(20);
            }
        }
    }

    /** How long one processor took from its start to the head. */
    record CatchUp(String processor, long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    /**
     * Starts every stopped streaming processor and times each until it reaches {@code head};
     * {@code from} holds where each stood when it was stopped.
     */
    List<CatchUp> startAndTime(long head, Map<String, Long> from, Duration timeout) throws InterruptedException {
        Map<String, StreamingEventProcessor> processors = streaming();
        long start = System.nanoTime();
        processors.values().forEach(StreamingEventProcessor::start);
        Map<String, CatchUp> done = new TreeMap<>();
        boolean reported = false;
        while (done.size() < processors.size()) {
            long now = System.nanoTime();
            if (!reported && now - start > Duration.ofSeconds(60).toNanos()) {
                reported = true;
                processors.forEach((name, processor) -> System.out.printf("  %s after 60 s: running %s, status %s%s%n",
                        name, processor.isRunning(), processor.processingStatus(),
                        processor instanceof TrackingEventProcessor tracking
                                ? ", threads active " + tracking.activeProcessorThreads()
                                + " available " + tracking.availableProcessorThreads() : ""));
            }
            if (now - start > timeout.toNanos()) {
                throw new IllegalStateException("processors did not reach the head " + head + " in " + timeout
                        + "; done: " + done.keySet());
            }
            for (var entry : processors.entrySet()) {
                if (done.containsKey(entry.getKey())) {
                    continue;
                }
                OptionalLong position = position(entry.getValue());
                if (position.isPresent() && position.getAsLong() >= head) {
                    long events = head - from.getOrDefault(entry.getKey(), -1L);
                    done.put(entry.getKey(), new CatchUp(entry.getKey(), events, (now - start) / 1e9));
                }
            }
            Thread.sleep(20);
        }
        return new ArrayList<>(done.values());
    }
}
