package com.geminihealth.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a benchmark ran on, for its figure block. */
public final class Machine {

	private Machine() {
	}

	/** The CPU's model name, from {@code /proc/cpuinfo}. */
	public static String cpu() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.orElse("unknown CPU");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown CPU";
		}
	}

	/**
	 * The machine's load average over the last minute, or a negative value if unknown.
	 */
	public static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * The machine's CPU time so far, all cores, from {@code /proc/stat}: what share of an
	 * interval went to waiting for the disk and to other guests of the host (steal) tells
	 * whether a figure measured the code or the machine.
	 *
	 * @param total all jiffies
	 * @param iowait jiffies idle while waiting for I/O
	 * @param steal jiffies the hypervisor gave to someone else
	 */
	public record CpuTimes(long total, long iowait, long steal) {

		public static CpuTimes now() {
			try {
				String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long total = 0;
				for (int i = 1; i < cpu.length; i++) {
					total += Long.parseLong(cpu[i]);
				}
				return new CpuTimes(total, Long.parseLong(cpu[5]), (cpu.length > 8) ? Long.parseLong(cpu[8]) : 0);
			}
			catch (IOException | RuntimeException ex) {
				return new CpuTimes(1, 0, 0);
			}
		}

		public CpuTimes since(CpuTimes before) {
			return new CpuTimes(this.total - before.total, this.iowait - before.iowait, this.steal - before.steal);
		}

		public double iowaitPercent() {
			return 100.0 * this.iowait / Math.max(1, this.total);
		}

		public double stealPercent() {
			return 100.0 * this.steal / Math.max(1, this.total);
		}

	}

}
