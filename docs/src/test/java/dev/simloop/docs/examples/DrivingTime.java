package dev.simloop.docs.examples;

import static dev.simloop.Sim.sleep;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;
import java.time.Duration;

public class DrivingTime {
    public static void main(String[] args) {
        // tag::example[]
        try (EventLoop loop = EventLoop.create()) {
            Task<String> reminder = loop.createTask("reminder", Coroutine.of(() -> {
                sleep(Duration.ofDays(1));
                return "stand up";
            }));
            loop.advanceBy(Duration.ofHours(23));
            System.out.println("after 23 h: done? " + reminder.isDone());
            loop.advanceBy(Duration.ofHours(1));      // includes work due exactly at the end point
            System.out.println("after 24 h: " + reminder.result());
            System.out.println("virtual time: " + Duration.ofNanos(loop.time()));
        }
        // end::example[]
    }
}
