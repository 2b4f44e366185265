package dev.piimap.scanner.datamap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a few independent data-map writes (one per Delta table) at once and returns when every one has
 * finished. A small Delta commit is mostly driver round trips (reading the log, planning, writing the
 * commit file), so commits to different tables overlap well even on two cores; Spark accepts jobs from
 * several threads of one session.
 *
 * <p>Contract: returns normally only when every task succeeded. Otherwise it still waits for all of
 * them (so no write goes on behind the caller's back) and throws the first failure in list order, the
 * others attached as suppressed. Threads are created per call, so they inherit the caller's Spark local
 * properties (job description, scheduler pool) and active session.
 */
final class ParallelCommits {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private ParallelCommits() {
    }

    static void runAll(List<Runnable> writes) {
        if (writes.size() <= 1) {
            writes.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(writes.size(), task -> {
            Thread thread = new Thread(task, "piimap-commit-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable write : writes) {
                running.add(pool.submit(write));
            }
            Throwable first = null;
            boolean interrupted = false;
            for (Future<?> future : running) {
                Throwable failure = null;
                while (true) {
                    try {
                        future.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // keep waiting: the write must not outlive the call
                    } catch (ExecutionException e) {
                        failure = e.getCause();
                        break;
                    }
                }
                if (failure != null) {
                    if (first == null) {
                        first = failure;
                    } else {
                        first.addSuppressed(failure);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (first instanceof RuntimeException e) {
                throw e;
            }
            if (first instanceof Error e) {
                throw e;
            }
            if (first != null) {
                throw new IllegalStateException("a data-map write failed", first);
            }
        } finally {
            pool.shutdown();
        }
    }
}
