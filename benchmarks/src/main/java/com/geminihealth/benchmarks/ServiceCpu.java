package com.geminihealth.benchmarks;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time used over an interval by the services of one process, told apart by the names
 * of their threads ({@code owner} maps a thread name to a service), with what no thread
 * accounts for (the collector, the compilers, threads that ended) as a row of its own. A
 * thread that started and ended inside the interval is missed by the per-thread count and
 * lands in that row.
 */
public final class ServiceCpu {

	/** The row of CPU time that no live thread accounts for. */
	public static final String UNATTRIBUTED = "GC, JIT, VM, threads gone";

	private final Function<String, String> owner;

	private final long processNanos;

	private final Map<Long, Long> threadNanos;

	private ServiceCpu(Function<String, String> owner) {
		this.owner = owner;
		this.processNanos = ThreadCpuTimes.process();
		this.threadNanos = new HashMap<>();
		ThreadCpuTimes.byThread().forEach((id, thread) -> this.threadNanos.put(id, thread.nanos()));
	}

	public static ServiceCpu start(Function<String, String> owner) {
		return new ServiceCpu(owner);
	}

	/**
	 * Seconds of CPU per service since the start, in the order first met, the process's
	 * total under "total"; and, per thread name, the largest users whatever their owner,
	 * under {@code byThread}.
	 */
	public Used stop() {
		Map<String, Double> byService = new LinkedHashMap<>();
		Map<String, Double> byThread = new HashMap<>();
		double threadSeconds = 0;
		for (Map.Entry<Long, ThreadCpuTimes.ThreadCpu> entry : ThreadCpuTimes.byThread().entrySet()) {
			long used = entry.getValue().nanos() - this.threadNanos.getOrDefault(entry.getKey(), 0L);
			double seconds = used / 1e9;
			threadSeconds += seconds;
			byService.merge(this.owner.apply(entry.getValue().name()), seconds, Double::sum);
			byThread.merge(entry.getValue().name().replaceAll("\\d+", "#"), seconds, Double::sum);
		}
		double process = (ThreadCpuTimes.process() - this.processNanos) / 1e9;
		byService.put(UNATTRIBUTED, Math.max(0, process - threadSeconds));
		return new Used(process, byService, byThread);
	}

	/**
	 * CPU seconds used.
	 *
	 * @param process by the whole process
	 * @param byService by each service's threads, and {@link #UNATTRIBUTED}
	 * @param byThread by thread name, digits folded to {@code #}
	 */
	public record Used(double process, Map<String, Double> byService, Map<String, Double> byThread) {

		/** The {@code count} thread names that used the most. */
		public List<Map.Entry<String, Double>> top(int count) {
			return this.byThread.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.limit(count)
				.toList();
		}

	}

}
