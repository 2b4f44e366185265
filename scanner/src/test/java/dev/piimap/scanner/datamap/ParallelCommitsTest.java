package dev.piimap.scanner.datamap;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelCommitsTest {

    @Test
    void runsTheWritesAtTheSameTime() {
        // Each write waits for all the others to have started: this only finishes when they overlap.
        CountDownLatch started = new CountDownLatch(3);
        Runnable write = () -> {
            started.countDown();
            try {
                assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };

        ParallelCommits.runAll(List.of(write, write, write));

        assertThat(started.getCount()).isZero();
    }

    @Test
    void aFailureIsThrownOnlyAfterEveryOtherWriteFinished() {
        AtomicBoolean slowWriteFinished = new AtomicBoolean();
        Runnable slow = () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            slowWriteFinished.set(true);
        };
        Runnable failing = () -> {
            throw new IllegalStateException("first");
        };
        Runnable failingToo = () -> {
            throw new IllegalArgumentException("second");
        };

        assertThatThrownBy(() -> ParallelCommits.runAll(List.of(failing, slow, failingToo)))
                .isInstanceOf(IllegalStateException.class).hasMessage("first")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(IllegalArgumentException.class));
        assertThat(slowWriteFinished).isTrue();
    }

    @Test
    void aSingleWriteRunsOnTheCallersThread() {
        Thread[] ranOn = new Thread[1];

        ParallelCommits.runAll(List.of(() -> ranOn[0] = Thread.currentThread()));

        assertThat(ranOn[0]).isSameAs(Thread.currentThread());
    }
}
