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
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecuredKraftClusterTest {

	private final Path dataDir = Path.of("target", "secured-cluster-test-" + UUID.randomUUID());

	private KraftCluster cluster;

	@AfterEach
	void stop() throws Exception {
		if (this.cluster != null) {
			this.cluster.close();
		}
		FileSystemUtils.deleteRecursively(this.dataDir);
	}

	@Test
	void authenticatesEveryClientAndLetsEachDoOnlyWhatAnAclGrants() throws Exception {
		BrokerSecurity security = BrokerSecurity.withRandomPasswords("operator", List.of("alice", "bob"));
		// Two brokers: replication between them signs in too.
		this.cluster = KraftCluster.start(this.dataDir, 2, Map.of(), security);
		try (Admin operator = Admin.create(client(security, "operator"))) {
			operator.createTopics(List.of(new NewTopic("bookings", 1, (short) 2))).all().get(30, TimeUnit.SECONDS);
		}
		this.cluster
			.applyAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "bookings", PatternType.LITERAL),
					new AccessControlEntry("User:alice", "*", AclOperation.WRITE, AclPermissionType.ALLOW))));

		try (KafkaProducer<String, String> alice = producer(client(security, "alice"))) {
			// acks=all with min.insync.replicas 2: the other broker has it too.
			assertThat(alice.send(new ProducerRecord<>("bookings", "k", "v")).get(30, TimeUnit.SECONDS).offset())
				.isZero();
		}
		try (KafkaProducer<String, String> bob = producer(client(security, "bob"))) {
			assertThatThrownBy(() -> bob.send(new ProducerRecord<>("bookings", "k", "v")).get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(TopicAuthorizationException.class);
		}
		Map<String, Object> guessed = client(security, "alice");
		guessed.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
				+ "username=\"alice\" password=\"not-alices-password\";");
		try (KafkaProducer<String, String> impostor = producer(guessed)) {
			assertThatThrownBy(
					() -> impostor.send(new ProducerRecord<>("bookings", "k", "v")).get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(SaslAuthenticationException.class);
		}
	}

	@Test
	void makesNewPasswordsForEachClusterAndShowsNone() {
		BrokerSecurity one = BrokerSecurity.withRandomPasswords("operator", List.of("alice"));
		BrokerSecurity two = BrokerSecurity.withRandomPasswords("operator", List.of("alice"));

		assertThat(one.password("alice")).isNotEqualTo(two.password("alice")).hasSizeGreaterThanOrEqualTo(32);
		assertThat(one.password(BrokerSecurity.BROKER_USER)).isNotEqualTo(one.password("operator"));
		assertThat(one.toString()).doesNotContain(one.password("alice"), one.password("operator"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrokerSecurity.of("operator", Map.of("operator", "short", "broker", "x".repeat(20))));
		assertThatIllegalArgumentException().isThrownBy(() -> BrokerSecurity.of("operator",
				Map.of("operator", "x".repeat(20) + "\" user_mallory=\"y", "broker", "x".repeat(20))));
		assertThat(BrokerSecurity.of("operator", Map.of("operator", "x".repeat(20), "broker", "y".repeat(20)))
			.password("operator")).isEqualTo("x".repeat(20));
	}

	private Map<String, Object> client(BrokerSecurity security, String user) {
		Map<String, Object> config = new HashMap<>(security.clientSettings(user));
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers());
		return config;
	}

	private KafkaProducer<String, String> producer(Map<String, Object> config) {
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20000);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

}
