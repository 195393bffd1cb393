package io.cdc4j.owner;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** The bounded queue of admin jobs between the API and the owner's tick. */
final class AdminJobQueue {
    private final BlockingQueue<AdminJob> jobs;

    AdminJobQueue(int capacity) {
        this.jobs = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues a job; a full queue refuses it rather than wait. */
    void submit(AdminJob job) {
        if (!jobs.offer(job)) {
            throw new CdcException(ErrorCode.INTERNAL, "the owner has too many admin jobs queued; try again");
        }
    }

    /** Takes every queued job, oldest first. */
    List<AdminJob> drain() {
        List<AdminJob> drained = new ArrayList<>();
        jobs.drainTo(drained);
        return drained;
    }

    void clear() {
        jobs.clear();
    }
}
