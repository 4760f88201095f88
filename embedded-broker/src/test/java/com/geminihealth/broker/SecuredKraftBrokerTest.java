package com.geminihealth.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One node, broker and controller in one, secured, and started again on its data. */
class SecuredKraftBrokerTest {

	private final Path dataDir = Path.of("target", "secured-broker-test-" + UUID.randomUUID());

	private KraftBroker broker;

	@AfterEach
	void stop() throws Exception {
		if (this.broker != null) {
			this.broker.close();
		}
		FileSystemUtils.deleteRecursively(this.dataDir);
	}

	@Test
	void keepsItsUsersAndAclsAcrossARestartWithTheSamePasswords() throws Exception {
		BrokerSecurity security = BrokerSecurity.withRandomPasswords("operator", List.of("alice", "bob"));
		this.broker = KraftBroker.start(this.dataDir, 0, Map.of(), security);
		int port = Integer.parseInt(this.broker.bootstrapServers().replaceAll(".*:", ""));
		try (Admin operator = Admin.create(client(security, "operator"))) {
			operator.createTopics(List.of(new NewTopic("bookings", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		security.applyAcls(this.broker.bootstrapServers(),
				List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "bookings", PatternType.LITERAL),
						new AccessControlEntry("User:alice", "*", AclOperation.WRITE, AclPermissionType.ALLOW))));
		this.broker.close();

		Map<String, String> passwords = new HashMap<>();
		security.users().forEach((user) -> passwords.put(user, security.password(user)));
		BrokerSecurity same = BrokerSecurity.of("operator", passwords);
		this.broker = KraftBroker.start(this.dataDir, port, Map.of(), same);

		try (KafkaProducer<String, String> alice = producer(client(same, "alice"))) {
			assertThat(alice.send(new ProducerRecord<>("bookings", "k", "v")).get(30, TimeUnit.SECONDS).offset())
				.isZero();
		}
		try (KafkaProducer<String, String> bob = producer(client(same, "bob"))) {
			assertThatThrownBy(() -> bob.send(new ProducerRecord<>("bookings", "k", "v")).get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	private Map<String, Object> client(BrokerSecurity security, String user) {
		Map<String, Object> config = new HashMap<>(security.clientSettings(user));
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers());
		return config;
	}

	private static KafkaProducer<String, String> producer(Map<String, Object> config) {
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20000);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

}
