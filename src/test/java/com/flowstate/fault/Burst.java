package com.flowstate.fault;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A burst of manual substate changes (close Ping) on many opportunities, fired by a few concurrent clients that
 * behave like real ones through a crash: a request that gets no answer is sent again (to the next node, as a proxy
 * would, and after a pause when none answers) until some node answers; "already closed" after a lost answer counts as
 * done by the earlier request. Bounded by a deadline, so it always stops.
 */
final class Burst implements AutoCloseable {

    /**
     * @param acknowledged   opportunities whose close got a 2xx
     * @param alreadyClosed  opportunities whose close was answered "not open" after an earlier request got no answer
     * @param unanswered     requests that got no answer (node down or dying)
     * @param retried        requests answered "try again" (409) or 5xx
     * @param abandoned      opportunities given up at the deadline
     * @param surprises      answers no correct node gives (e.g. "not open" when no earlier request could have closed it)
     */
    record Result(Set<Long> acknowledged, Set<Long> alreadyClosed, int unanswered, int retried, Set<Long> abandoned,
                  List<String> surprises) {
    }

    private final FaultClient client;
    private final Supplier<List<URI>> nodes;
    private final int clients;
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<Long> alreadyClosed = ConcurrentHashMap.newKeySet();
    private final Set<Long> abandoned = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final List<String> surprises = new CopyOnWriteArrayList<>();
    private final CountDownLatch halfway = new CountDownLatch(1);
    private int half;
    private volatile boolean stopped;
    private ExecutorService pool;

    /** @param nodes the nodes to send to, asked again on every request (a proxy's list) */
    Burst(FaultClient client, Supplier<List<URI>> nodes, int clients) {
        this.client = client;
        this.nodes = nodes;
        this.clients = clients;
    }

    /** Counted down once half of the changes are acknowledged: the moment to crash something. */
    boolean awaitHalfway(Duration timeout) throws InterruptedException {
        return halfway.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fires one close per opportunity; returns at once. */
    Future<Result> fire(List<Long> opportunities, Duration deadline) {
        half = Math.max(1, opportunities.size() / 2);
        Instant until = Instant.now().plus(deadline);
        pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < opportunities.size(); i = next.getAndIncrement()) {
                    try {
                        closeUntilAnswered(opportunities.get(i), i, until);
                    } catch (RuntimeException e) {
                        surprises.add("opportunity " + opportunities.get(i) + ": " + e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            return waiter.submit(() -> {
                pool.awaitTermination(deadline.toMillis() + 60_000, TimeUnit.MILLISECONDS);
                return new Result(Set.copyOf(acknowledged), Set.copyOf(alreadyClosed), unanswered.get(),
                        retried.get(), Set.copyOf(abandoned), List.copyOf(surprises));
            });
        } finally {
            waiter.shutdown();
        }
    }

    /** Stops the clients (a test that failed before the burst ended). */
    @Override
    public void close() {
        stopped = true;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private void closeUntilAnswered(long opportunity, int index, Instant until) {
        boolean lostAnAnswer = false;
        for (int attempt = 0; !stopped && Instant.now().isBefore(until); attempt++) {
            List<URI> targets = nodes.get();
            URI node = targets.get((index + attempt) % targets.size());
            switch (client.close(node, opportunity)) {
                case DONE -> {
                    acknowledged.add(opportunity);
                    if (acknowledged.size() >= half) {
                        halfway.countDown();
                    }
                    return;
                }
                case ALREADY_CLOSED -> {
                    if (!lostAnAnswer) {
                        surprises.add("opportunity " + opportunity
                                + ": Ping not open though every earlier close of it was answered \"not done\"");
                    }
                    alreadyClosed.add(opportunity);
                    return;
                }
                case RETRY -> {
                    retried.incrementAndGet();
                    AppProcess.pause(Duration.ofMillis(100));
                }
                case UNREACHABLE -> {
                    lostAnAnswer = true;
                    unanswered.incrementAndGet();
                    AppProcess.pause(Duration.ofMillis(attempt % targets.size() == targets.size() - 1 ? 500 : 0));
                }
            }
        }
        abandoned.add(opportunity);
    }
}
