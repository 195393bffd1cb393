package io.cdc4j.owner;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Future;

/**
 * The bounded queue of admin jobs between the API and the owner's tick. It is open only during an owner term: a job
 * submitted outside one, or still queued when the term ends, is answered with {@code CDC:ErrOwnerNotFound} (as
 * TiCDC's owner answers its queued jobs when it stops), so no caller is left waiting.
 */
final class AdminJobQueue {
    private final int capacity;
    private final Queue<QueuedJob> jobs = new ArrayDeque<>();
    private boolean open;

    AdminJobQueue(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues a job; refused at once when no term is open or the queue is full, rather than wait. */
    synchronized Future<Void> submit(AdminJob job) {
        if (!open) {
            throw notOwner();
        }
        if (jobs.size() >= capacity) {
            throw new CdcException(ErrorCode.INTERNAL, "the owner has " + capacity + " admin jobs queued; try"
                    + " again");
        }
        QueuedJob queued = new QueuedJob(job);
        jobs.add(queued);
        return queued.done().copy();
    }

    /** Takes every queued job, oldest first. */
    synchronized List<QueuedJob> drain() {
        List<QueuedJob> drained = new ArrayList<>(jobs);
        jobs.clear();
        return drained;
    }

    /** Accepts jobs from now on (a term starts). */
    synchronized void open() {
        open = true;
    }

    /** Refuses jobs from now on and answers every queued one: the term is over. */
    synchronized void close() {
        open = false;
        CdcException ended = notOwner();
        jobs.forEach(job -> job.fail(ended));
        jobs.clear();
    }

    private static CdcException notOwner() {
        return new CdcException(ErrorCode.OWNER_NOT_FOUND, "this capture is not the owner: it lost or never had"
                + " the ownership; send the request again and it is forwarded to the current owner");
    }
}
