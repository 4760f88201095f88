package com.geminihealth.benchmarks;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Topics on a benchmark's single broker: three partitions each, as deployed locally. */
public final class BenchmarkTopics {

	private BenchmarkTopics() {
	}

	public static void create(String bootstrap, List<String> names) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(names.stream().map((name) -> new NewTopic(name, 3, (short) 1)).toList()).all().get();
		}
	}

}
