package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ByteBoundedBufferTest {
    @Test
    void putBlocksWhileTheQuotaIsUsedUp() throws Exception {
        ByteBoundedBuffer<String> buffer = new ByteBoundedBuffer<>(100);
        buffer.put("a", 60);
        AtomicBoolean secondIn = new AtomicBoolean();
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                buffer.put("b", 60);
                secondIn.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !secondIn.get());
        assertThat(buffer.poll(1, TimeUnit.SECONDS)).isEqualTo("a");
        await().atMost(Duration.ofSeconds(5)).untilTrue(secondIn);
        assertThat(buffer.poll(1, TimeUnit.SECONDS)).isEqualTo("b");
        assertThat(buffer.peakBytes()).isEqualTo(60);
        producer.join();
    }

    @Test
    void drainedItemsStayChargedUntilReleased() throws Exception {
        ByteBoundedBuffer<String> buffer = new ByteBoundedBuffer<>(100);
        buffer.put("a", 30);
        buffer.put("b", 30);
        buffer.put("c", 30);
        List<String> taken = new ArrayList<>();
        assertThat(buffer.drainTo(taken, 2, 1, TimeUnit.SECONDS)).isEqualTo(60);
        assertThat(taken).containsExactly("a", "b");
        assertThat(buffer.usedBytes()).isEqualTo(90);
        AtomicBoolean fourthIn = new AtomicBoolean();
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                buffer.put("d", 30);
                fourthIn.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !fourthIn.get());
        buffer.release(60);
        await().atMost(Duration.ofSeconds(5)).untilTrue(fourthIn);
        taken.clear();
        assertThat(buffer.drainTo(taken, 64, 1, TimeUnit.SECONDS)).isEqualTo(60);
        assertThat(taken).containsExactly("c", "d");
        buffer.release(60);
        assertThat(buffer.usedBytes()).isZero();
        taken.clear();
        assertThat(buffer.drainTo(taken, 64, 10, TimeUnit.MILLISECONDS)).isZero();
        assertThat(taken).isEmpty();
        producer.join();
    }

    @Test
    void anOversizedItemPassesAnEmptyBuffer() throws Exception {
        ByteBoundedBuffer<String> buffer = new ByteBoundedBuffer<>(10);
        buffer.put("big", 1000);
        assertThat(buffer.usedBytes()).isEqualTo(1000);
        assertThat(buffer.poll(1, TimeUnit.SECONDS)).isEqualTo("big");
        assertThat(buffer.poll(10, TimeUnit.MILLISECONDS)).isNull();
    }
}
