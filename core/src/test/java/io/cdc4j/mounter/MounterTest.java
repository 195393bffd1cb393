package io.cdc4j.mounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MounterTest {
    @Test
    void aChangefeedGetsItsWorkerNumCappedAtTheProcessorsTheBinlogThreadLeaves() {
        assertThat(Mounter.workersFor(16, 2)).isEqualTo(1);
        assertThat(Mounter.workersFor(16, 1)).isEqualTo(1);
        assertThat(Mounter.workersFor(0, 8)).isEqualTo(1);
        assertThat(Mounter.workersFor(4, 8)).isEqualTo(4);
        assertThat(Mounter.workersFor(16, 8)).isEqualTo(7);
    }

    @Test
    void workersAreDaemonThreadsNamedForTheChangefeedAndEndAtClose() {
        Mounter mounter = new Mounter("default/cf-1", 3);
        List<Thread> workers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("cdc4j-mounter-default/cf-1-")).toList();
        assertThat(workers).hasSize(3).allMatch(Thread::isDaemon);
        assertThat(mounter.workerCount()).isEqualTo(3);
        mounter.close();
        assertThat(workers).noneMatch(Thread::isAlive);
    }
}
