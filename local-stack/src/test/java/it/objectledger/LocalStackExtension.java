package it.objectledger;

import io.objectledger.stack.LocalStack;
import io.objectledger.stack.StackSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole stack (real Kafka, the database, the four Liberty servers) once for all
 * integration test classes, and stops it when the test run ends.
 */
public class LocalStackExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("stack", key -> new RunningStack(), RunningStack.class);
    }

    private static volatile LocalStack running;

    static StackSettings settings() {
        return StackSettings.fromSystemProperties();
    }

    /** The running stack, for tests that stop or restart parts of it. */
    static LocalStack stack() {
        return running;
    }

    private static final class RunningStack implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        private final LocalStack stack;

        RunningStack() {
            try {
                stack = LocalStack.start(StackSettings.fromSystemProperties());
                running = stack;
            } catch (Exception e) {
                throw new IllegalStateException("The local stack did not start: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
