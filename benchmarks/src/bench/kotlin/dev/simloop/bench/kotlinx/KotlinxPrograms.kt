package dev.simloop.bench.kotlinx

import kotlin.time.Duration.Companion.nanoseconds
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.yield

/**
 * The benchmarks' programs written for kotlinx-coroutines-test, as a Kotlin user writes them: `runTest` on its
 * default `StandardTestDispatcher`, virtual time in its `TestCoroutineScheduler`.
 */
object KotlinxPrograms {

    /** Two coroutines alternate with `yield()`, `yields` times each; returns the virtual time at the end (0). */
    @JvmStatic
    fun pingPong(yields: Int): Long {
        var end = -1L
        runTest {
            repeat(2) {
                launch {
                    repeat(yields) {
                        yield()
                    }
                }
            }
            testScheduler.advanceUntilIdle()
            end = currentTime
        }
        return end
    }

    /**
     * One coroutine per entry of `sleepNanos` delays that long in virtual time (kotlinx rounds a delay up to whole
     * milliseconds); all are joined. Returns the virtual time at the end, in milliseconds.
     */
    @JvmStatic
    fun sleepers(sleepNanos: LongArray): Long {
        var end = 0L
        runTest {
            val jobs = ArrayList<Job>(sleepNanos.size)
            for (nanos in sleepNanos) {
                jobs.add(launch { delay(nanos.nanoseconds) })
            }
            for (job in jobs) {
                job.join()
            }
            end = currentTime
        }
        return end
    }
}
