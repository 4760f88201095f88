package com.geminihealth.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code concurrency} threads, each starting its next call
 * as soon as the previous one returned, so exactly that many calls are in flight. Only
 * calls that complete inside the measured window (after the warm-up) count, towards both
 * throughput and latency. Being closed-loop, it slows down with the system under test
 * instead of queueing against it, so latencies are those of a system kept at its
 * throughput for this concurrency, not of one driven past it.
 */
final class ClosedLoop {

	/** One call; returns whether it succeeded. */
	@FunctionalInterface
	interface Call {

		boolean call(long sequence) throws Exception;

	}

	private ClosedLoop() {
	}

	static Result run(String name, int concurrency, Duration warmUp, Duration measured, Call call)
			throws InterruptedException {
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong sequence = new AtomicLong();
		List<Worker> workers = new ArrayList<>();
		long now = System.nanoTime();
		long measureFrom = now + warmUp.toNanos();
		long measureUntil = measureFrom + measured.toNanos();
		for (int i = 0; i < concurrency; i++) {
			Worker worker = new Worker(call, measureFrom, measureUntil, stop, sequence);
			Thread thread = new Thread(worker, name + "-" + i);
			thread.setDaemon(true);
			worker.thread = thread;
			workers.add(worker);
		}
		for (Worker worker : workers) {
			worker.thread.start();
		}
		sleepUntil(measureFrom);
		CpuUsage cpu = CpuUsage.start();
		sleepUntil(measureUntil);
		CpuUsage.Used used = cpu.stop();
		stop.set(true);
		Result result = new Result(measured, new LatencyHistogram(), used);
		for (Worker worker : workers) {
			worker.thread.join();
			result.latencies.add(worker.latencies);
			result.errors += worker.errors;
			if (result.firstFailure == null) {
				result.firstFailure = worker.firstFailure;
			}
		}
		return result;
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long remaining;
		while ((remaining = nanoTime - System.nanoTime()) > 0) {
			Thread.sleep(Math.max(1, remaining / 1_000_000));
		}
	}

	/** What one phase measured. */
	static final class Result {

		final Duration measured;

		final LatencyHistogram latencies;

		final CpuUsage.Used cpu;

		long errors;

		Throwable firstFailure;

		Result(Duration measured, LatencyHistogram latencies, CpuUsage.Used cpu) {
			this.measured = measured;
			this.latencies = latencies;
			this.cpu = cpu;
		}

		double perSecond() {
			return this.latencies.count() / (this.measured.toNanos() / 1e9);
		}

	}

	private static final class Worker implements Runnable {

		private final Call call;

		private final long measureFrom;

		private final long measureUntil;

		private final AtomicBoolean stop;

		private final AtomicLong sequence;

		private final LatencyHistogram latencies = new LatencyHistogram();

		private long errors;

		private Throwable firstFailure;

		private Thread thread;

		Worker(Call call, long measureFrom, long measureUntil, AtomicBoolean stop, AtomicLong sequence) {
			this.call = call;
			this.measureFrom = measureFrom;
			this.measureUntil = measureUntil;
			this.stop = stop;
			this.sequence = sequence;
		}

		@Override
		public void run() {
			while (!this.stop.get()) {
				long next = this.sequence.getAndIncrement();
				long start = System.nanoTime();
				boolean ok;
				Throwable failure = null;
				try {
					ok = this.call.call(next);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (Exception ex) {
					ok = false;
					failure = ex;
				}
				long end = System.nanoTime();
				if (end - this.measureFrom < 0 || end - this.measureUntil >= 0) {
					continue;
				}
				if (ok) {
					this.latencies.record(end - start);
				}
				else {
					this.errors++;
					if (this.firstFailure == null && failure != null) {
						this.firstFailure = failure;
					}
				}
			}
		}

	}

}
