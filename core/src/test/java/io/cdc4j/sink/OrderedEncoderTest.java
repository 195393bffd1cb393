package io.cdc4j.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OrderedEncoderTest {
    @Test
    void aJobEncodedFirstIsStillSentAfterTheOnesSubmittedBeforeIt() throws Exception {
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch secondEncoded = new CountDownLatch(1);
        try (OrderedEncoder encoder = new OrderedEncoder(2, 8, "test")) {
            encoder.submit(() -> {
                assertThat(secondEncoded.await(10, TimeUnit.SECONDS)).isTrue();
                return () -> sent.add("first");
            }, e -> sent.add("failed " + e));
            encoder.submit(() -> {
                secondEncoded.countDown();
                return () -> sent.add("second");
            }, e -> sent.add("failed " + e));
            await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 2);
        }
        assertThat(sent).containsExactly("first", "second");
    }

    @Test
    void manyJobsOfRandomCostArriveInTheOrderSubmitted() throws Exception {
        List<Integer> sent = Collections.synchronizedList(new ArrayList<>());
        SplittableRandom random = new SplittableRandom(7);
        try (OrderedEncoder encoder = new OrderedEncoder(3, 4, "test")) {
            for (int i = 0; i < 2_000; i++) {
                int job = i;
                int work = random.nextInt(2_000);
                encoder.submit(() -> {
                    long sum = 0;
                    for (int k = 0; k < work; k++) {
                        sum += Long.numberOfTrailingZeros(k * 31L + job);
                    }
                    long kept = sum;
                    return () -> sent.add(kept >= 0 ? job : -1);
                }, e -> sent.add(-2));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() == 2_000);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            expected.add(i);
        }
        assertThat(sent).isEqualTo(expected);
    }

    @Test
    void aFailedEncodingIsReportedInItsPlaceAndTheNextJobsGoOn() throws Exception {
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        try (OrderedEncoder encoder = new OrderedEncoder(2, 8, "test")) {
            encoder.submit(() -> () -> sent.add("a"), e -> sent.add("failed a"));
            encoder.submit(() -> {
                throw new IllegalArgumentException("too large");
            }, e -> sent.add("failed b: " + e.getMessage()));
            encoder.submit(() -> () -> sent.add("c"), e -> sent.add("failed c"));
            await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 3);
        }
        assertThat(sent).containsExactly("a", "failed b: too large", "c");
    }

    @Test
    void aFullQueueHoldsTheSubmitterBack() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean thirdSubmitted = new AtomicBoolean();
        try (OrderedEncoder encoder = new OrderedEncoder(1, 1, "test")) {
            encoder.submit(() -> {
                release.await();
                return () -> { };
            }, e -> { });
            Thread submitter = Thread.ofPlatform().start(() -> {
                try {
                    encoder.submit(() -> () -> { }, e -> { });
                    encoder.submit(() -> () -> { }, e -> { });
                    thirdSubmitted.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> submitter.getState() == Thread.State.WAITING);
            assertThat(thirdSubmitted).as("blocked while the queue is full").isFalse();
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).untilTrue(thirdSubmitted);
        }
    }

    @Test
    void withoutWorkersEachJobRunsOnTheSubmittingThreadAtOnce() throws Exception {
        List<String> threads = new ArrayList<>();
        try (OrderedEncoder encoder = new OrderedEncoder(0, 1, "test")) {
            encoder.submit(() -> {
                threads.add(Thread.currentThread().getName());
                return () -> threads.add(Thread.currentThread().getName());
            }, e -> threads.add("failed"));
            encoder.submit(() -> {
                throw new IllegalStateException("no");
            }, e -> threads.add("failed " + e.getMessage()));
        }
        String me = Thread.currentThread().getName();
        assertThat(threads).containsExactly(me, me, "failed no");
    }
}
