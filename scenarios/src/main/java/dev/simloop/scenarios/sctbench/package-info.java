/**
 * SCTBench's concurrent-software-benchmarks programs ported to simloop coroutines: a benchmark of known concurrency
 * bugs for simloop's schedulers, listed by {@link dev.simloop.scenarios.sctbench.SctBench}.
 *
 * <p><b>SCTBench</b> is the benchmark suite of Paul Thomson, Alastair F. Donaldson and Adam Betts, "Concurrency
 * testing using controlled schedulers: an empirical study", ACM Transactions on Parallel Computing 2(4), article 23,
 * 2016 (first at PPoPP 2014), published at https://github.com/mc-imperial/sctbench: buggy C/C++ pthread programs on
 * which the paper compares systematic and randomised controlled schedulers (iterative preemption and delay bounding,
 * PCT, random scheduling). Its concurrent-software-benchmarks set ("CS") comes from the ESBMC model checker's
 * benchmarks: small programs of two to a hundred threads, each with an assertion that some interleaving violates, or
 * a deadlock.
 *
 * <p><b>How the port was made.</b> Each program was read from
 * {@code benchmarks/concurrent-software-benchmarks/<name>.c} in that repository and rewritten by hand from its logic
 * (no C was copied), keeping its thread counts, loop bounds, shared variables, mutexes, condition variables and
 * assertion:
 * <ul>
 *   <li>each pthread is a task, created in {@code pthread_create} order and joined in {@code pthread_join} order by
 *       the main coroutine, which is the program's {@code main} (see {@code Threads});</li>
 *   <li>the shared state of one run is a fresh object that the main coroutine makes; nothing is static;</li>
 *   <li>every read and write of a shared variable, every mutex lock and unlock and every condition wait and signal
 *       is preceded by one scheduling point, {@code Shared.access(resource)}, which names what is accessed: the
 *       visible operations at which a controlled scheduler of C threads switches. A C statement like {@code x++} is a
 *       read and a write, two points. Accesses to a thread's locals are not points;</li>
 *   <li>{@code pthread_mutex_t} is a {@code Mutex} and {@code pthread_cond_t} a {@code CondVar}, with the
 *       semantics a controlled scheduler of C threads gives them: an unlock makes every blocked thread runnable and
 *       the scheduler decides which takes the mutex (simloop's own {@link dev.simloop.sync.Lock} is asyncio's fair lock,
 *       which hands the lock to the longest waiter and so rules out orders a C program can take); ESBMC's {@code __ESBMC_atomic_begin/end}, which SCTBench's
 *       common.inc defines as a global mutex, is that mutex, {@code esbmc_mutex};</li>
 *   <li>a failed {@code assert} is an {@link java.lang.AssertionError} whose message names the program and the values
 *       seen; as C's {@code abort()} ends the whole process, the first one ends the run even if other threads are
 *       blocked (see {@code Threads}). A deadlock is simloop's {@link dev.simloop.DeadlockException}.</li>
 * </ul>
 * Every other deviation from the C source is stated in the javadoc of the program's class. The programs read no
 * nondeterministic input ({@code __VERIFIER_nondet_int} and the like): each is the one fixed program SCTBench runs.
 */
package dev.simloop.scenarios.sctbench;
