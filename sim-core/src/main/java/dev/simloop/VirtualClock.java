package dev.simloop;

/** Virtual time: starts at 0 and moves only when the loop has nothing ready, straight to the next deadline. */
final class VirtualClock implements LoopClock {

    /** Nanoseconds since the loop started. Only grows. */
    private long now;

    @Override
    public long now() {
        return now;
    }

    @Override
    public void advanceTo(long deadline) {
        if (deadline > now) {
            now = deadline;
        }
    }
}
