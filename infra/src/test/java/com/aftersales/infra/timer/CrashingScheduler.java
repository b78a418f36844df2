package com.aftersales.infra.timer;

import com.aftersales.infra.mongo.EmbeddedMongo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Child process of {@link TimerKillNineTest}: schedules timers until killed, printing each one the
 * store acknowledged; every tenth is moved once (the move is acknowledged with it).
 */
public final class CrashingScheduler {

    static final Instant T0 = Instant.parse("2025-03-11T01:30:00Z");

    private CrashingScheduler() {
    }

    public static void main(String[] args) {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        EmbeddedMongo server = EmbeddedMongo.onFile(Path.of(args[0]), 16, 0);
        try (Node node = new Node(server, "doomed", clock)) {
            for (int i = 0; ; i++) {
                Instant due = T0.plusSeconds(60 + i % 600);
                node.timers.schedule("acme", "t" + i, due, Map.of("n", Integer.toString(i)));
                if (i % 10 == 0) {
                    node.timers.schedule("acme", "t" + i, due.plusSeconds(30), Map.of("n", Integer.toString(i), "moved", "yes"));
                }
                System.out.println("acked " + i);
                System.out.flush();
            }
        }
    }
}
