package org.hepbridge.root;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the baskets one read needs, decompressing those stored under their own keys in
 * parallel on a small shared pool, and optionally keeps baskets that straddle the next chunk.
 *
 * <p>The pool has at most {@code min(4, cores)} daemon threads (system property
 * {@code hepbridge.root.threads} overrides; 0 or 1 means "decompress in the caller"). Memory
 * held is the baskets of the current range plus, when iterating, one basket per branch.
 * Instances are used by one reading thread.
 */
final class BasketFetcher {
    private static final int THREADS = Math.max(0, Integer.getInteger("hepbridge.root.threads",
            Math.min(4, Runtime.getRuntime().availableProcessors())));
    private static volatile ExecutorService pool;

    private final RootFile file;
    private final String tree;
    private final Map<String, Map<Integer, Future<BasketData>>> pending = new HashMap<>();
    /** Baskets kept from the previous chunk, by branch and basket index. */
    private final Map<String, Map<Integer, BasketData>> kept = new HashMap<>();

    BasketFetcher(RootFile file, String tree) {
        this.file = file;
        this.tree = tree;
    }

    /** Starts loading basket {@code i} of {@code b} unless it is embedded or kept. */
    void prefetch(Branch b, int i) {
        if (i >= b.writeBasket || kept.getOrDefault(b.name, Map.of()).containsKey(i)) {
            return;
        }
        ExecutorService p = THREADS > 1 ? pool() : null;
        if (p == null) {
            return;
        }
        pending.computeIfAbsent(b.name, k -> new HashMap<>())
                .computeIfAbsent(i, k -> p.submit(() -> BasketLoader.load(file, tree, b, i)));
    }

    /** The basket, waiting for its prefetch if there is one. */
    BasketData get(Branch b, int i) throws RootIOException {
        BasketData k = kept.getOrDefault(b.name, Map.of()).get(i);
        if (k != null) {
            return k;
        }
        Map<Integer, Future<BasketData>> mine = pending.get(b.name);
        Future<BasketData> f = mine == null ? null : mine.remove(i);
        if (f == null) {
            return BasketLoader.load(file, tree, b, i);
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RootIOException(file.path(), "TTree '" + tree + "' branch '" + b.name
                    + "' basket " + i, "interrupted while decompressing",
                    RootIOException.NO_OFFSET, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RootIOException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err; // e.g. OutOfMemoryError: not a property of the file
            }
            throw new RootIOException(file.path(), "TTree '" + tree + "' branch '" + b.name
                    + "' basket " + i, "decompression failed: " + e.getCause(),
                    RootIOException.NO_OFFSET, e.getCause());
        }
    }

    /** Keeps basket {@code i} of {@code b} for the next chunk (iteration only). */
    void keep(Branch b, int i, BasketData d) {
        Map<Integer, BasketData> m = kept.computeIfAbsent(b.name, k -> new HashMap<>());
        m.clear();
        m.put(i, d);
    }

    /** Cancels outstanding loads and drops kept baskets. */
    void clear() {
        pending.values().forEach(m -> m.values().forEach(f -> f.cancel(true)));
        pending.clear();
        kept.clear();
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (BasketFetcher.class) {
                if (pool == null) {
                    AtomicInteger n = new AtomicInteger();
                    pool = Executors.newFixedThreadPool(THREADS, r -> {
                        Thread t = new Thread(r, "hepbridge-basket-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = pool;
            }
        }
        return p;
    }
}
