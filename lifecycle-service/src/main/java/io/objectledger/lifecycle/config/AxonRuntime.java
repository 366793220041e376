package io.objectledger.lifecycle.config;

import io.objectledger.events.command.ObjectCommand;
import io.objectledger.lifecycle.command.ObjectCommandTargetResolver;
import io.objectledger.lifecycle.command.ObjectLifecycle;
import io.objectledger.lifecycle.eventstore.FirstSightStorageEngine;
import io.objectledger.lifecycle.eventstore.JdbcTransactionManager;
import io.objectledger.lifecycle.eventstore.StoredEventSource;
import io.objectledger.lifecycle.messaging.LifecycleEventPublisher;
import io.objectledger.support.db.SchemaMigration;
import io.objectledger.support.kafka.KafkaRecordSender;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.logging.Logger;

/**
 * Builds, starts and stops Axon, once per application, and hands out its gateways. The database
 * schema is migrated first; events and tokens are serialised with the contract's Jackson mapper.
 */
@ApplicationScoped
public class AxonRuntime {

    private static final Logger LOG = Logger.getLogger(AxonRuntime.class.getName());
    private static final int COMMANDS_PER_UNIT_OF_WORK = 100;

    @Resource(lookup = "jdbc/ledger")
    DataSource dataSource;

    @Inject
    KafkaRecordSender sender;

    @Inject
    @ConfigProperty(name = "ledger.topic.lifecycle-events")
    String lifecycleEventsTopic;

    @Inject
    @ConfigProperty(name = "ledger.lifecycle.snapshot-every")
    int snapshotEvery;

    @Inject
    @ConfigProperty(name = "ledger.lifecycle.cached-aggregates")
    int cachedAggregates;

    @Inject
    @ConfigProperty(name = "ledger.instance")
    String instance;

    /** Events the publisher reads per query and sends to Kafka before it awaits them and saves its token. */
    @Inject
    @ConfigProperty(name = "ledger.lifecycle.publish-batch", defaultValue = "500")
    int publishBatch;

    /** How long the publisher, at the end of the store, waits for a commit signal before it queries again. */
    @Inject
    @ConfigProperty(name = "ledger.lifecycle.publish-fetch-delay-ms", defaultValue = "50")
    long publishFetchDelayMs;

    private Configuration axon;
    private JdbcTransactionManager transactions;
    private AggregateCache aggregates;
    private FirstSightStorageEngine storage;
    private StoredEventSource publisherSource;

    void startWithApplication(@Observes Startup startup) {
        LOG.fine(() -> "Axon started with the application, processors: " + axon.eventProcessingConfiguration()
                .eventProcessors().keySet());
    }

    @PostConstruct
    void start() {
        SchemaMigration.migrate(dataSource, AxonRuntime.class);
        transactions = new JdbcTransactionManager(dataSource);
        aggregates = new AggregateCache(cachedAggregates);
        Serializer serializer = Serializers.events();
        LifecycleEventPublisher publisher = new LifecycleEventPublisher(sender, lifecycleEventsTopic, serializer);
        storage = new FirstSightStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(Serializers.snapshots())
                // The publisher reads the store in queries of this many events (Axon's default: 100).
                .batchSize(publishBatch)
                .build(), transactions);

        // Not the event store's shared cache: see StoredEventSource. Woken by every command
        // batch's commit, and otherwise fetching often (Axon's default: every second).
        publisherSource = new StoredEventSource(storage, publishFetchDelayMs);

        DbSchedulerDeadlineManagerSupplier deadlineManager = new DbSchedulerDeadlineManagerSupplier();
        Scheduler scheduler = Scheduler.create(dataSource, DbSchedulerDeadlineManager.binaryTask(deadlineManager))
                .threads(2)
                .pollingInterval(Duration.ofSeconds(1))
                .build();

        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(config -> serializer)
                .configureEventSerializer(config -> serializer)
                .configureMessageSerializer(config -> serializer)
                .configureTransactionManager(config -> transactions)
                // No correlation metadata (Axon's default: the id of the command that caused an
                // event): our commands' ids are random and in-process, the change id in every
                // event is what links it to its notification, and the publisher would read the
                // metadata back for every event it publishes.
                .configureCorrelationDataProviders(config -> List.of())
                .registerComponent(DeadlineManager.class, config -> {
                    DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                            .scheduler(scheduler)
                            .scopeAwareProvider(new ConfigurationScopeAwareProvider(config))
                            .serializer(serializer)
                            .transactionManager(transactions)
                            .build();
                    deadlineManager.set(manager);
                    return manager;
                })
                .configureEventStore(config -> EmbeddedEventStore.builder()
                        .storageEngine(storage)
                        .messageMonitor(config.messageMonitor(EmbeddedEventStore.class, "eventStore"))
                        .spanFactory(config.getComponent(EventBusSpanFactory.class))
                        .build())
                // A long-lived object is loaded from its latest snapshot (or the cache), not its whole history.
                .configureAggregate(AggregateConfigurer.defaultConfiguration(ObjectLifecycle.class)
                        .configureCommandTargetResolver(config -> new ObjectCommandTargetResolver())
                        .configureSnapshotTrigger(config ->
                                new EventCountSnapshotTriggerDefinition(config.snapshotter(), snapshotEvery))
                        .configureCache(config -> aggregates.axon()))
                .eventProcessing(processing -> processing
                        // Batches of events are sent to Kafka together and awaited once (see the publisher).
                        .registerTrackingEventProcessor(LifecycleEventPublisher.PROCESSING_GROUP,
                                config -> publisherSource,
                                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andBatchSize(publishBatch))
                        .registerEventHandler(config -> publisher)
                        .registerListenerInvocationErrorHandler(LifecycleEventPublisher.PROCESSING_GROUP,
                                config -> PropagatingErrorHandler.instance())
                        .registerTokenStore(config -> TokenStores.claimingAs(instance, transactions, serializer)))
                .buildConfiguration();
        // Created before start, so the scheduler runs, and fires deadlines that fell due while down, at once.
        axon.deadlineManager();
        axon.start();
        LOG.info("Axon started: ObjectLifecycle aggregates on the JDBC event store, publishing to topic "
                + lifecycleEventsTopic);
    }

    @PreDestroy
    void stop() {
        axon.shutdown();
        aggregates.close();
    }

    @Produces
    @ApplicationScoped
    CommandGateway commandGateway() {
        return axon.commandGateway();
    }

    /**
     * Sends {@code commands} in one database transaction: one commit for a whole batch. They are
     * sent in units of work of {@value #COMMANDS_PER_UNIT_OF_WORK}, in which the commands' own
     * units of work nest, so their events are appended to the store in one JDBC batch per unit.
     * (Larger units cost more than they save: loading an aggregate that is not cached scans the
     * events the unit has staged so far.) On failure nothing of it is stored, and the aggregate
     * cache, which may hold the rolled-back changes, is emptied. Answers each command's result.
     * The objects not in the cache are looked up in one query first: those without a history are
     * created without reading the store.
     */
    public List<Object> sendInOneTransaction(List<ObjectCommand> commands) {
        Transaction transaction = transactions.startTransaction();
        try {
            storage.lookUp(commands.stream().map(command -> command.object().aggregateId())
                    .filter(id -> !aggregates.axon().containsKey(id))
                    .collect(Collectors.toSet()));
            CommandGateway gateway = axon.commandGateway();
            List<Object> results = new ArrayList<>(commands.size());
            for (int from = 0; from < commands.size(); from += COMMANDS_PER_UNIT_OF_WORK) {
                List<?> unit = commands.subList(from, Math.min(commands.size(), from + COMMANDS_PER_UNIT_OF_WORK));
                results.addAll(inOneUnitOfWork(() -> unit.stream()
                        .map(command -> (Object) gateway.sendAndWait(command))
                        .toList()));
            }
            transaction.commit();
            publisherSource.eventsCommitted();
            return results;
        } catch (RuntimeException e) {
            aggregates.clear();
            try {
                transaction.rollback();
            } catch (RuntimeException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        } finally {
            storage.forget();
        }
    }

    private static <T> T inOneUnitOfWork(Supplier<T> work) {
        ResultMessage<T> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(work::get);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    public Configuration configuration() {
        return axon;
    }
}
