package com.geminihealth.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from {@code /proc/stat}, to print beside a figure how busy
 * the machine was with other work, waiting for the disk, or robbed by the hypervisor.
 */
public record MachineTimes(long busy, long iowait, long steal, long total) {

	/** Now; all zero where {@code /proc/stat} cannot be read. */
	public static MachineTimes now() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long[] values = new long[8];
			for (int i = 1; i <= 8 && i < fields.length; i++) {
				values[i - 1] = Long.parseLong(fields[i]);
			}
			// user nice system idle iowait irq softirq steal
			long total = 0;
			for (long value : values) {
				total += value;
			}
			long busy = total - values[3] - values[4] - values[7];
			return new MachineTimes(busy, values[4], values[7], total);
		}
		catch (IOException | RuntimeException ex) {
			return new MachineTimes(0, 0, 0, 0);
		}
	}

	/** What happened between {@code earlier} and this. */
	public MachineTimes since(MachineTimes earlier) {
		return new MachineTimes(this.busy - earlier.busy, this.iowait - earlier.iowait, this.steal - earlier.steal,
				this.total - earlier.total);
	}

	/**
	 * One line: load average now, and busy, I/O wait and steal as shares of all cores'
	 * time over the interval.
	 */
	public String describe() {
		double total = Math.max(1, this.total);
		return String.format("load average %.2f, machine busy %.0f %%, I/O wait %.1f %%, steal %.1f %%",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 100.0 * this.busy / total,
				100.0 * this.iowait / total, 100.0 * this.steal / total);
	}

}
