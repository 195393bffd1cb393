package io.cdc4j.owner;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** An admin job waiting in the owner's queue with the completion its API caller waits on (TiCDC's done channel). */
record QueuedJob(AdminJob job, CompletableFuture<Void> done) {
    QueuedJob {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(done, "done");
    }

    QueuedJob(AdminJob job) {
        this(job, new CompletableFuture<>());
    }

    void succeed() {
        done.complete(null);
    }

    /** Answers the caller with the failure; one that is not ours becomes TiCDC's code for an owner-side error. */
    void fail(Throwable failure) {
        done.completeExceptionally(failure instanceof CdcException cdc ? cdc
                : new CdcException(ErrorCode.OWNER_UNKNOWN, "the owner failed to apply " + job, failure));
    }
}
