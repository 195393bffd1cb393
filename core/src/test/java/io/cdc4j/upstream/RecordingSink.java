package io.cdc4j.upstream;

import io.cdc4j.model.ChangeEvent;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.ResolvedTs;
import io.cdc4j.model.RowBatch;
import io.cdc4j.model.RowChange;
import io.cdc4j.model.TransactionCommit;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything it is handed, for tests to inspect. */
final class RecordingSink implements ChangeEventSink {
    private final List<ChangeEvent> events = new ArrayList<>();

    @Override
    public synchronized void onRows(RowBatch batch) {
        events.add(batch);
    }

    @Override
    public synchronized void onDdl(DdlEvent ddl) {
        events.add(ddl);
    }

    @Override
    public synchronized void onCommit(TransactionCommit commit) {
        events.add(commit);
    }

    @Override
    public synchronized void onResolved(ResolvedTs resolved) {
        events.add(resolved);
    }

    synchronized List<ChangeEvent> events() {
        return List.copyOf(events);
    }

    /** Everything but resolved ts. */
    synchronized List<ChangeEvent> transactional() {
        return events.stream().filter(event -> !(event instanceof ResolvedTs)).toList();
    }

    synchronized List<TransactionCommit> commits() {
        return events.stream().filter(TransactionCommit.class::isInstance).map(TransactionCommit.class::cast).toList();
    }

    synchronized List<DdlEvent> ddls() {
        return events.stream().filter(DdlEvent.class::isInstance).map(DdlEvent.class::cast).toList();
    }

    synchronized List<RowChange> rows() {
        List<RowChange> rows = new ArrayList<>();
        for (ChangeEvent event : events) {
            if (event instanceof RowBatch batch) {
                rows.addAll(batch.rows());
            }
        }
        return rows;
    }
}
