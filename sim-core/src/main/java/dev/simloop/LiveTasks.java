package dev.simloop;

import java.util.ArrayList;
import java.util.List;

/**
 * A loop's live (not finished) tasks, in creation order: a doubly-linked list through the tasks' own
 * {@code prevLive}/{@code nextLive} fields, so adding and removing cost no allocation. Owned by one {@link EventLoop},
 * which adds a task as it is created and removes it as it finishes, on the loop's thread only.
 */
final class LiveTasks {

    /** The oldest live task, or null; follow {@code nextLive} for the rest. */
    Task<?> head;
    /** The newest live task, or null. */
    private Task<?> tail;

    void add(Task<?> task) {
        if (tail == null) {
            head = task;
        } else {
            tail.nextLive = task;
            task.prevLive = tail;
        }
        tail = task;
    }

    void remove(Task<?> task) {
        Task<?> prev = task.prevLive, next = task.nextLive;
        if (prev == null) {
            head = next;
        } else {
            prev.nextLive = next;
        }
        if (next == null) {
            tail = prev;
        } else {
            next.prevLive = prev;
        }
        task.prevLive = task.nextLive = null;
    }

    /** The live tasks, in creation order, as a new list. */
    List<Task<?>> toList() {
        List<Task<?>> result = new ArrayList<>();
        for (Task<?> t = head; t != null; t = t.nextLive) {
            result.add(t);
        }
        return result;
    }

    /** One line per live task, in creation order: "'name' waiting on what". */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Task<?> t = head; t != null; t = t.nextLive) {
            lines.add("'" + t.name() + "' waiting on " + t.describeWaiter());
        }
        return lines;
    }

    /** Forgets every task (the loop closed); the tasks keep their links. */
    void clear() {
        head = tail = null;
    }

    /** Appends {@code lines} to a message as a list under {@code heading}, or {@code none} if there are none. */
    static void appendLines(StringBuilder msg, List<String> lines, String none, String heading) {
        if (lines.isEmpty()) {
            msg.append(none);
            return;
        }
        msg.append(heading);
        for (String line : lines) {
            msg.append("\n  - ").append(line);
        }
    }
}
