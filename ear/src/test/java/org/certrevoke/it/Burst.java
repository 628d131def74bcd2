package org.certrevoke.it;

import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Attempts fired together, the way an attacker races a limit: every attempt is prepared on its own
 * thread, waits at a latch until all are ready, and then all go at once. Each outcome is kept, a value
 * or what was thrown (an EJB's system exception unwrapped).
 */
public final class Burst {

    private Burst() {
    }

    public record Outcome<T>(T value, Throwable thrown) {

        public boolean threw(Class<? extends Throwable> type) {
            return type.isInstance(thrown);
        }
    }

    public static <T> List<Outcome<T>> fire(int attempts, IntFunction<Callable<T>> attempt) {
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        CountDownLatch ready = new CountDownLatch(attempts);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Callable<T> work = attempt.apply(i);
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(work.call(), null);
                    } catch (EJBException e) {
                        return new Outcome<T>(null, e.getCause() == null ? e : e.getCause());
                    } catch (Exception | AssertionError e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the attempts were not all ready");
            }
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (Exception e) {
            throw new AssertionError("burst failed", e);
        } finally {
            threads.shutdownNow();
        }
    }

    public static <T> long count(List<Outcome<T>> outcomes, Class<? extends Throwable> thrown) {
        return outcomes.stream().filter(outcome -> outcome.threw(thrown)).count();
    }

    /** What was thrown that the test did not expect, for the assertion message. */
    public static <T> List<String> unexpected(List<Outcome<T>> outcomes, List<Class<? extends Throwable>> expected) {
        return outcomes.stream().map(Outcome::thrown)
                .filter(thrown -> thrown != null && expected.stream().noneMatch(type -> type.isInstance(thrown)))
                .map(String::valueOf).toList();
    }
}
