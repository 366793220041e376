package io.objectledger.bench.measure;

import io.objectledger.bench.generate.LoadMix;
import io.objectledger.bench.generate.NotificationStream;
import io.objectledger.bench.generate.RgwJson;
import io.objectledger.events.command.ObjectCommand;
import io.objectledger.events.json.CommandCodec;
import io.objectledger.events.rgw.RgwCommandMapper;
import io.objectledger.events.rgw.RgwNotificationParser;
import io.objectledger.events.rgw.RgwRecord;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;

/**
 * A fixed piece of the ledger's own work, timed on one thread before the stack starts, so that
 * runs on different machines can be set side by side (machines differ severalfold, and the raw
 * Kafka reference moves too much from run to run to tell): the CPU time to parse
 * generated RGW notifications, map them to commands (SHA-256 ids included) and encode and decode
 * each command, as ingest and lifecycle do. The same notifications every time; the best of a few
 * rounds, since the first compiles. Run in the harness's JVM, C1 only like the services.
 */
public final class MachineReference {

    private static final Instant RECEIVED_AT = Instant.parse("2026-11-27T00:00:00Z");
    private static final long SEED = 20261127L;

    /** {@code cpuMillis}: the best round's thread CPU time; {@code commands}: how many each round made. */
    public record Result(int notifications, int rounds, double cpuMillis, int commands) {

        @Override
        public String toString() {
            return String.format("%.0f ms of CPU for %,d notifications (best of %d rounds; lower is faster)",
                    cpuMillis, notifications, rounds);
        }
    }

    private MachineReference() {
    }

    public static Result measure(int notifications, int rounds) {
        NotificationStream stream = NotificationStream.generate(
                new LoadMix(notifications, Math.max(1, notifications / 5), 0.10, 0.10, SEED, "reference/", RECEIVED_AT));
        List<byte[]> bodies = RgwJson.bodies(stream.deliveries());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        int commands = 0;
        for (int round = 0; round < rounds; round++) {
            long before = threads.getCurrentThreadCpuTime();
            commands = parseMapAndEncode(bodies);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - before);
        }
        return new Result(notifications, rounds, best / 1e6, commands);
    }

    /** Answers how many commands went through; a command that does not survive its encoding fails. */
    private static int parseMapAndEncode(List<byte[]> bodies) {
        RgwNotificationParser parser = new RgwNotificationParser();
        RgwCommandMapper mapper = new RgwCommandMapper();
        CommandCodec codec = new CommandCodec();
        int commands = 0;
        for (byte[] body : bodies) {
            for (RgwRecord record : parser.parse(body)) {
                ObjectCommand command = mapper.toCommand(record, RECEIVED_AT).orElseThrow(
                        () -> new IllegalStateException("no command for " + record.eventName()));
                if (!codec.decode(codec.encode(command)).equals(command)) {
                    throw new IllegalStateException("a command changed in its encoding: " + command);
                }
                commands++;
            }
        }
        return commands;
    }
}
