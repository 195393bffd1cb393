package io.cdc4j.playground;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@code --demo} traffic: a {@code demo.orders} table upstream, a changefeed to the downstream (and one to the
 * Kafka topic {@code demo} when the playground runs a broker), one small transaction a second (a few inserts and an
 * update) for a bounded time, and the row counts on both sides printed every few seconds.
 */
public final class DemoWorkload implements AutoCloseable {
    static final String SCHEMA = "demo";
    static final String TABLE = "orders";
    static final int TRANSACTIONS = 600;
    private static final int ROWS_PER_TRANSACTION = 3;
    private static final Duration TRANSACTION_EVERY = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    private static final String[] STATUSES = {"new", "paid", "shipped", "delivered"};

    private final String upstreamJdbc;
    private final String downstreamJdbc;
    private final Consumer<String> out;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("playground-demo").factory());
    private final AtomicInteger committed = new AtomicInteger();

    private DemoWorkload(PlaygroundEndpoints endpoints, Consumer<String> out) {
        this.upstreamJdbc = PlaygroundEndpoints.jdbcUrl(endpoints.upstream());
        this.downstreamJdbc = PlaygroundEndpoints.jdbcUrl(endpoints.downstream());
        this.out = out;
    }

    /**
     * Creates the table upstream and downstream (a changefeed replicates changes from its start, so tables that exist
     * before it must exist downstream too, as with TiCDC), then the changefeed, then runs the workload and the
     * reports in the background.
     */
    public static DemoWorkload start(PlaygroundEndpoints endpoints, Consumer<String> out) throws SQLException {
        createTable(PlaygroundEndpoints.jdbcUrl(endpoints.upstream()));
        createTable(PlaygroundEndpoints.jdbcUrl(endpoints.downstream()));
        out.accept("demo: created table " + SCHEMA + "." + TABLE + " upstream and downstream");
        out.accept(DemoChangefeed.create(endpoints.firstCapture(), DemoChangefeed.ID, endpoints.downstream()));
        endpoints.kafka().ifPresent(kafka -> out.accept(DemoChangefeed.create(endpoints.firstCapture(),
                DemoChangefeed.KAFKA_ID, DemoChangefeed.kafkaSinkUri(kafka))));
        DemoWorkload workload = new DemoWorkload(endpoints, out);
        workload.scheduler.scheduleAtFixedRate(workload::transaction, 0, TRANSACTION_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        workload.scheduler.scheduleAtFixedRate(workload::report, REPORT_EVERY.toMillis(), REPORT_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        out.accept("demo: writing one transaction (" + ROWS_PER_TRANSACTION + " inserts, 1 update) a second, "
                + TRANSACTIONS + " in all");
        return workload;
    }

    private static void createTable(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA);
            statement.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + "." + TABLE + " ("
                    + "id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "customer VARCHAR(64) NOT NULL, "
                    + "amount DECIMAL(10,2) NOT NULL, "
                    + "status VARCHAR(16) NOT NULL, "
                    + "updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3))");
        }
    }

    /** Stops the workload and the reports; waits for a transaction in flight to finish. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                out.accept("demo: the workload did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void transaction() {
        if (committed.get() >= TRANSACTIONS) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Connection connection = DriverManager.getConnection(upstreamJdbc)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA + "." + TABLE
                    + " (customer, amount, status) VALUES (?, ?, 'new')");
                 PreparedStatement update = connection.prepareStatement("UPDATE " + SCHEMA + "." + TABLE
                         + " SET status = ? WHERE id = (SELECT MAX(id) FROM " + SCHEMA + "." + TABLE + ") - ?")) {
                for (int i = 0; i < ROWS_PER_TRANSACTION; i++) {
                    insert.setString(1, "customer-" + random.nextInt(1, 100));
                    insert.setBigDecimal(2, BigDecimal.valueOf(random.nextLong(100, 100_000), 2));
                    insert.addBatch();
                }
                insert.executeBatch();
                update.setString(1, STATUSES[random.nextInt(STATUSES.length)]);
                update.setInt(2, random.nextInt(ROWS_PER_TRANSACTION * 10));
                update.executeUpdate();
            }
            connection.commit();
            if (committed.incrementAndGet() == TRANSACTIONS) {
                out.accept("demo: the workload is done (" + TRANSACTIONS + " transactions);"
                        + " the playground keeps running");
            }
        } catch (SQLException e) {
            if (!scheduler.isShutdown()) {
                out.accept("demo: a transaction failed, the workload stops: " + e.getMessage());
                committed.set(TRANSACTIONS);
            }
        }
    }

    private void report() {
        out.accept("demo: " + SCHEMA + "." + TABLE + " rows: upstream " + count(upstreamJdbc)
                + ", downstream " + count(downstreamJdbc));
    }

    private static String count(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE table_schema = '" + SCHEMA + "' AND table_name = '" + TABLE + "'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return "(no table yet)";
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + SCHEMA + "." + TABLE)) {
                rows.next();
                return String.valueOf(rows.getLong(1));
            }
        } catch (SQLException e) {
            return "(unreachable: " + e.getMessage() + ")";
        }
    }
}
