package io.scalegate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Concurrent writers for race tests: each call on a thread of its own, all released at
 * once when every thread is ready.
 */
public final class Together {

	private Together() {
	}

	/**
	 * Runs the calls released together; returns each one's result or runtime exception.
	 */
	public static List<Object> run(List<Callable<Object>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<Object> call : calls) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					try {
						return call.call();
					}
					catch (RuntimeException refused) {
						return refused;
					}
				}));
			}
			ready.await();
			go.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				outcomes.add(future.get());
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Runs {@code call} {@code n} times together. */
	public static List<Object> times(int n, Callable<Object> call) throws Exception {
		return run(Collections.nCopies(n, call));
	}

}
