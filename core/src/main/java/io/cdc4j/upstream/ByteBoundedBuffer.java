package io.cdc4j.upstream;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A hand-over queue bounded by the bytes of what it holds: {@link #put} blocks while the quota is used up
 * (an item larger than the quota still passes when the queue is empty, so nothing is stuck for ever).
 */
public final class ByteBoundedBuffer<T> {
    private final long quota;
    private final ArrayDeque<Entry<T>> entries = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private long used;
    private long peak;

    /** A buffer holding at most {@code quotaBytes} bytes. */
    public ByteBoundedBuffer(long quotaBytes) {
        if (quotaBytes < 1) {
            throw new IllegalArgumentException("quota must be positive: " + quotaBytes);
        }
        this.quota = quotaBytes;
    }

    /** Adds an item of {@code bytes}, waiting while that would exceed the quota. */
    public void put(T item, long bytes) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (used > 0 && used + bytes > quota) {
                notFull.await();
            }
            entries.addLast(new Entry<>(item, bytes));
            used += bytes;
            peak = Math.max(peak, used);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the oldest item, waiting up to {@code timeout}; null if none came. Its bytes are freed. */
    public T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (entries.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            Entry<T> entry = entries.removeFirst();
            used -= entry.bytes();
            notFull.signalAll();
            return entry.item();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes held now. */
    public long usedBytes() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    /** The most bytes ever held at once. */
    public long peakBytes() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    private record Entry<T>(T item, long bytes) {
    }
}
