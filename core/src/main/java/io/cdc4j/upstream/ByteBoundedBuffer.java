package io.cdc4j.upstream;

import java.util.ArrayDeque;
import java.util.List;
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

    /**
     * Moves up to {@code max} of the oldest items into {@code into}, waiting up to {@code timeout} for the first;
     * returns the bytes they hold, which stay charged until {@link #release} (so items taken but not yet handed
     * on still count), or 0 if none came.
     */
    public long drainTo(List<? super T> into, int max, long timeout, TimeUnit unit)
            throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (entries.isEmpty()) {
                if (nanos <= 0) {
                    return 0;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            long bytes = 0;
            for (int i = 0; i < max && !entries.isEmpty(); i++) {
                Entry<T> entry = entries.removeFirst();
                into.add(entry.item());
                bytes += entry.bytes();
            }
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /** Frees {@code bytes} of items taken by {@link #drainTo}, once they are handed on. */
    public void release(long bytes) {
        if (bytes == 0) {
            return;
        }
        lock.lock();
        try {
            used -= bytes;
            notFull.signalAll();
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
