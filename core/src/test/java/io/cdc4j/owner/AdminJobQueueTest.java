package io.cdc4j.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The admin job queue: open only during a term, bounded, and no queued job is left unanswered. */
class AdminJobQueueTest {
    static final ChangefeedId ID = new ChangefeedId("default", "cf");

    static ErrorCode codeOf(Throwable e) {
        return ((CdcException) e).errorCode();
    }

    @Test
    void outsideATermJobsAreRefusedAtOnceAsNotTheOwner() {
        AdminJobQueue queue = new AdminJobQueue(4);
        assertThatThrownBy(() -> queue.submit(new AdminJob.Pause(ID)))
                .isInstanceOf(CdcException.class)
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.OWNER_NOT_FOUND));
        queue.open();
        queue.submit(new AdminJob.Pause(ID));
        queue.close();
        assertThatThrownBy(() -> queue.submit(new AdminJob.Pause(ID)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.OWNER_NOT_FOUND));
    }

    @Test
    void aFullQueueRefusesTheJobRatherThanWait() {
        AdminJobQueue queue = new AdminJobQueue(2);
        queue.open();
        queue.submit(new AdminJob.Pause(ID));
        queue.submit(new AdminJob.Resume(ID, 0));
        assertThatThrownBy(() -> queue.submit(new AdminJob.Remove(ID)))
                .hasMessageContaining("2 admin jobs queued; try again")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.INTERNAL));
        assertThat(queue.drain()).extracting(QueuedJob::job)
                .containsExactly(new AdminJob.Pause(ID), new AdminJob.Resume(ID, 0));
        queue.submit(new AdminJob.Remove(ID));
    }

    @Test
    void theEndOfATermAnswersEveryQueuedJob() {
        AdminJobQueue queue = new AdminJobQueue(4);
        queue.open();
        Future<Void> first = queue.submit(new AdminJob.Pause(ID));
        Future<Void> second = queue.submit(new AdminJob.MoveTable(ID, "c", 1));
        queue.close();
        for (Future<Void> job : new Future[] {first, second}) {
            assertThatThrownBy(job::get).isInstanceOf(ExecutionException.class)
                    .cause().hasMessageContaining("this capture is not the owner")
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.OWNER_NOT_FOUND));
        }
        assertThat(queue.drain()).isEmpty();
    }

    @Test
    void theCallerSeesTheOwnersAnswer() throws Exception {
        AdminJobQueue queue = new AdminJobQueue(4);
        queue.open();
        Future<Void> refused = queue.submit(new AdminJob.Pause(ID));
        Future<Void> applied = queue.submit(new AdminJob.Resume(ID, 0));
        Future<Void> broken = queue.submit(new AdminJob.Remove(ID));
        var drained = queue.drain();
        drained.get(0).fail(new CdcException(ErrorCode.CHANGEFEED_NOT_EXISTS, "changefeed not exists: default/cf"));
        drained.get(1).succeed();
        drained.get(2).fail(new IllegalStateException("boom"));

        assertThatThrownBy(refused::get).cause()
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CHANGEFEED_NOT_EXISTS));
        assertThat(applied.get()).isNull();
        assertThatThrownBy(broken::get).cause().hasMessageContaining("boom")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.OWNER_UNKNOWN));
    }
}
