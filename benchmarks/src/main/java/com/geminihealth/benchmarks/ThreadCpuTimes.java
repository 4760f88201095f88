package com.geminihealth.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time this JVM has used so far, in all and by each live thread with its name:
 * what a measurement takes at its start and end to tell who used the cores between.
 */
final class ThreadCpuTimes {

	private ThreadCpuTimes() {
	}

	/** A live thread's name and CPU nanoseconds so far. */
	record ThreadCpu(String name, long nanos) {
	}

	/** Every live thread's CPU time by thread id; empty where the JVM cannot tell. */
	static Map<Long, ThreadCpu> byThread() {
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		Map<Long, ThreadCpu> threads = new HashMap<>();
		if (!mx.isThreadCpuTimeSupported()) {
			return threads;
		}
		for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds(), 0)) {
			if (info != null) {
				long nanos = mx.getThreadCpuTime(info.getThreadId());
				if (nanos >= 0) {
					threads.put(info.getThreadId(), new ThreadCpu(info.getThreadName(), nanos));
				}
			}
		}
		return threads;
	}

	/** The whole process's CPU nanoseconds so far, or -1 where the JVM cannot tell. */
	static long process() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

}
