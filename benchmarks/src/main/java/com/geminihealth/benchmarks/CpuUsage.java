package com.geminihealth.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU used over an interval, in cores: by this JVM (load generator, intake and broker
 * alike), split by who used it from the names of its threads, and, where
 * {@code /proc/stat} is readable, by the whole machine, which shows whether anything else
 * was competing for the cores during a measurement.
 */
public final class CpuUsage {

	private static final Path PROC_STAT = Path.of("/proc/stat");

	private final long wallNanos;

	private final long processNanos;

	private final long[] machineTicks;

	private final Map<Long, ThreadCpuTimes.ThreadCpu> threads;

	private CpuUsage(long wallNanos, long processNanos, long[] machineTicks,
			Map<Long, ThreadCpuTimes.ThreadCpu> threads) {
		this.wallNanos = wallNanos;
		this.processNanos = processNanos;
		this.machineTicks = machineTicks;
		this.threads = threads;
	}

	public static CpuUsage start() {
		return new CpuUsage(System.nanoTime(), ThreadCpuTimes.process(), machineTicks(), ThreadCpuTimes.byThread());
	}

	public Used stop() {
		long[] ticks = machineTicks();
		double wall = System.nanoTime() - this.wallNanos;
		long process = ThreadCpuTimes.process();
		double processCores = (process >= 0 && this.processNanos >= 0) ? (process - this.processNanos) / wall : -1;
		double machineCores = -1;
		if (ticks != null && this.machineTicks != null) {
			long busy = ticks[0] - this.machineTicks[0];
			long total = ticks[1] - this.machineTicks[1];
			if (total > 0) {
				machineCores = (double) busy / total * Runtime.getRuntime().availableProcessors();
			}
		}
		Map<String, Double> byUser = new LinkedHashMap<>();
		for (ThreadUser user : ThreadUser.values()) {
			byUser.put(user.description, 0.0);
		}
		double threadNanos = 0;
		for (Map.Entry<Long, ThreadCpuTimes.ThreadCpu> thread : ThreadCpuTimes.byThread().entrySet()) {
			ThreadCpuTimes.ThreadCpu before = this.threads.get(thread.getKey());
			long used = thread.getValue().nanos() - ((before != null) ? before.nanos() : 0);
			threadNanos += used;
			byUser.merge(ThreadUser.of(thread.getValue().name()).description, used / wall, Double::sum);
		}
		if (processCores >= 0) {
			byUser.put("GC, JIT, VM, threads gone", Math.max(0, processCores - threadNanos / wall));
		}
		return new Used(processCores, machineCores, byUser);
	}

	/** Busy and total jiffies of all cores, or null. */
	private static long[] machineTicks() {
		try {
			List<String> lines = Files.readAllLines(PROC_STAT);
			String[] fields = lines.get(0).trim().split("\\s+");
			if (!"cpu".equals(fields[0])) {
				return null;
			}
			long total = 0;
			long idle = 0;
			for (int i = 1; i < fields.length && i <= 8; i++) {
				long value = Long.parseLong(fields[i]);
				total += value;
				// idle and iowait
				if (i == 4 || i == 5) {
					idle += value;
				}
			}
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** Who a thread works for, from the names Tomcat, Kafka and the JDK give them. */
	private enum ThreadUser {

		LOAD_GENERATOR("load generator"), TOMCAT("intake Tomcat threads"), INTAKE_PRODUCER("intake producer I/O"),
		DECIDER("intake decider (Kafka Streams)"), RAW_PRODUCER("raw producer I/O"), STREAMS("Kafka Streams threads"),
		STREAMS_PRODUCER("Kafka Streams producer I/O"), BROKER("broker and other");

		private final String description;

		ThreadUser(String description) {
			this.description = description;
		}

		static ThreadUser of(String name) {
			if (name.startsWith("http-nio") || name.startsWith("Catalina")) {
				return TOMCAT;
			}
			if (name.startsWith("http-") || name.startsWith("raw-") || name.equals("main")) {
				return LOAD_GENERATOR;
			}
			if (name.contains("booking-decider")) {
				return DECIDER;
			}
			if (name.contains("benchmark-")) {
				return RAW_PRODUCER;
			}
			if (name.startsWith("kafka-producer-network-thread | producer-")) {
				return INTAKE_PRODUCER;
			}
			if (name.contains("-StreamThread-") || name.contains("-StateUpdater-")) {
				return name.startsWith("kafka-producer-network-thread") ? STREAMS_PRODUCER : STREAMS;
			}
			return BROKER;
		}

	}

	/**
	 * Cores used on average; -1 where unknown.
	 *
	 * @param process by this JVM
	 * @param machine by everything on the machine
	 * @param byUser by this JVM's threads, grouped by whom they work for
	 */
	public record Used(double process, double machine, Map<String, Double> byUser) {

		String describe() {
			String text = (this.process >= 0) ? String.format("%.2f", this.process) : "?";
			return text + " / " + ((this.machine >= 0) ? String.format("%.2f", this.machine) : "?");
		}

	}

}
