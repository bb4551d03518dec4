package dev.simloop;

/** Two listeners told of each event in turn: a user's listener, then the trace recorder. */
final class LoopListeners implements LoopListener {

    private final LoopListener first;
    private final LoopListener second;

    LoopListeners(LoopListener first, LoopListener second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void taskCreated(Task<?> task) {
        first.taskCreated(task);
        second.taskCreated(task);
    }

    @Override
    public void taskStarted(Task<?> task) {
        first.taskStarted(task);
        second.taskStarted(task);
    }

    @Override
    public void taskSuspended(Task<?> task, Object on) {
        first.taskSuspended(task, on);
        second.taskSuspended(task, on);
    }

    @Override
    public void taskResumed(Task<?> task) {
        first.taskResumed(task);
        second.taskResumed(task);
    }

    @Override
    public void taskFinished(Task<?> task) {
        first.taskFinished(task);
        second.taskFinished(task);
    }

    @Override
    public void timerFired(TimerHandle timer) {
        first.timerFired(timer);
        second.timerFired(timer);
    }

    @Override
    public void mark(Task<?> task, String label) {
        first.mark(task, label);
        second.mark(task, label);
    }
}
