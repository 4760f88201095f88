package com.geminihealth.broker;

import java.util.HashMap;
import java.util.Map;

/**
 * What every broker started here shares, whether alone or one of several: topics belong
 * to the applications, and the internal topics (offsets, transactions, share groups) are
 * replicated as widely as the brokers allow, at most three copies with two in sync.
 */
final class BrokerDefaults {

	private BrokerDefaults() {
	}

	/** The settings of a broker in a cluster of {@code brokers}. */
	static Map<String, String> forClusterOf(int brokers) {
		int replicas = Math.min(3, brokers);
		String inSync = String.valueOf(Math.min(2, replicas));
		Map<String, String> props = new HashMap<>();
		// A typo in a topic name must fail rather than create a topic.
		props.put("auto.create.topics.enable", "false");
		props.put("num.partitions", "3");
		props.put("default.replication.factor", String.valueOf(replicas));
		// Their defaults (three copies) are more than fewer brokers can host, and
		// exactly-once clients need the transaction state log to exist.
		props.put("offsets.topic.replication.factor", String.valueOf(replicas));
		props.put("transaction.state.log.replication.factor", String.valueOf(replicas));
		props.put("transaction.state.log.min.isr", inSync);
		props.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicas));
		props.put("share.coordinator.state.topic.min.isr", inSync);
		// Nobody else joins a group here in the first seconds: don't wait for them.
		props.put("group.initial.rebalance.delay.ms", "0");
		return props;
	}

}
