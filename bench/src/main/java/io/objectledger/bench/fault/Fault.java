package io.objectledger.bench.fault;

import io.objectledger.stack.LocalStack;

import java.util.concurrent.TimeUnit;

/** One process of the stack (a service, the broker, PostgreSQL) killed with SIGKILL and started again. */
record Fault(String target) {

    static final String BROKER = "kafka";
    static final String DATABASE = "postgres";

    /** Kills and restarts; answers the seconds until the process was ready again. */
    double inject(LocalStack stack) throws Exception {
        long start = System.nanoTime();
        if (target.equals(BROKER)) {
            ProcessHandle broker = ProcessHandle.of(stack.kafkaPid()).orElseThrow();
            broker.destroyForcibly();
            broker.onExit().get(30, TimeUnit.SECONDS);
            // The launcher's handle is dead already; stopping it only clears it for the restart.
            stack.stopKafka();
            stack.startKafka();
        } else if (target.equals(DATABASE)) {
            PostgresCrash.crashAndRestart();
            stack.awaitAllReady();
        } else {
            stack.restart(target, true);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
