package dev.simloop.sync;

import org.apiguardian.api.API;

/**
 * A {@link Semaphore} that refuses to be released above its initial value (asyncio's {@code BoundedSemaphore}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BoundedSemaphore extends Semaphore {

    private final int bound;

    /**
     * A bounded semaphore with {@code value} permits, which is also its bound.
     *
     * @param value the initial and largest number of permits, zero or more
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /**
     * Returns a permit.
     *
     * @throws IllegalStateException if that would exceed the initial value (released more often than acquired)
     */
    @Override
    public void release() {
        super.bound.checkThread();
        if (value >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times: it already has all " + bound
                    + " permits. Release only permits you acquired.");
        }
        super.release();
    }
}
