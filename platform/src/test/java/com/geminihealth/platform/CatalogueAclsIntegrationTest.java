package com.geminihealth.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.geminihealth.broker.BrokerSecurity;
import com.geminihealth.broker.KraftCluster;
import com.geminihealth.schemas.CatalogueAcls;
import com.geminihealth.schemas.ServiceAccount;
import com.geminihealth.schemas.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A secured cluster with the ACLs generated from the catalogue: each service account may
 * write what it owns and read what it reads, nothing else, and a client that does not
 * authenticate gets nothing.
 */
class CatalogueAclsIntegrationTest {

	private static final String ADMIN = "pipeline-admin";

	@TempDir
	static Path data;

	static KraftCluster cluster;

	static BrokerSecurity security;

	@BeforeAll
	static void startASecuredClusterAndProvisionItAsAnOperatorWould() throws Exception {
		security = BrokerSecurity.withRandomPasswords(ADMIN,
				Arrays.stream(ServiceAccount.values()).map(ServiceAccount::user).toList());
		cluster = KraftCluster.start(data, 1, Map.of(), security);
		Properties operator = new Properties();
		operator.putAll(security.adminSettings());
		Path commandConfig = data.resolve("operator.properties");
		try (Writer out = Files.newBufferedWriter(commandConfig)) {
			operator.store(out, null);
		}
		Map<String, String> environment = new HashMap<>();
		for (ServiceAccount account : ServiceAccount.values()) {
			environment.put(CatalogueProvisioning.passwordVariable(account), security.password(account.user()));
		}
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		int status = CatalogueProvisioning.run(
				new String[] { "--apply", "--bootstrap-server", cluster.bootstrapServers(), "--command-config",
						commandConfig.toString(), "--partitions", "1" },
				environment, new PrintStream(printed, true, StandardCharsets.UTF_8));

		assertThat(status).as(printed.toString(StandardCharsets.UTF_8)).isZero();
		// Returns once every broker enforces them (they exist already).
		cluster.applyAcls(CatalogueAcls.all());
	}

	@Test
	void printsTheAclsWithoutTouchingAnything() throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		CatalogueProvisioning.run(new String[] { "--print" }, Map.of(),
				new PrintStream(printed, true, StandardCharsets.UTF_8));

		assertThat(printed.toString(StandardCharsets.UTF_8).lines())
			.contains("User:notifications ALLOW WRITE TOPIC LITERAL notification-outcomes",
					"User:integration ALLOW READ GROUP PREFIXED integration-",
					"User:booking-intake ALLOW WRITE TRANSACTIONAL_ID PREFIXED booking-decider-")
			.noneMatch((line) -> line.startsWith("User:notifications ALLOW WRITE TOPIC LITERAL appointments"));
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void notificationsCannotWriteAppointmentsButWriteTheirOutcomes() throws Exception {
		try (KafkaProducer<String, String> notifications = producer(ServiceAccount.NOTIFICATIONS)) {
			assertThatThrownBy(() -> notifications
				.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), "a-1", "{\"forged\":true}"))
				.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(TopicAuthorizationException.class);

			assertThat(notifications.send(new ProducerRecord<>(Topics.NOTIFICATION_OUTCOMES.name(), "n-1", "{}"))
				.get(30, TimeUnit.SECONDS)
				.offset()).isGreaterThanOrEqualTo(0);
		}
	}

	@Test
	void integrationsWriteCommandsAndReadAppointmentsButNotPatientReplies() throws Exception {
		try (KafkaProducer<String, String> intake = producer(ServiceAccount.BOOKING_INTAKE);
				KafkaProducer<String, String> integration = producer(ServiceAccount.INTEGRATION)) {
			integration.send(new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), "burlington", "{}"))
				.get(30, TimeUnit.SECONDS);
			intake.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), "a-2", "decided")).get(30, TimeUnit.SECONDS);
			intake.send(new ProducerRecord<>(Topics.PATIENT_REPLIES.name(), "+12895550100", "STOP"))
				.get(30, TimeUnit.SECONDS);
		}

		try (KafkaConsumer<String, String> partner = consumer(ServiceAccount.INTEGRATION, "integration-practice")) {
			partner.subscribe(List.of(Topics.APPOINTMENTS.name()));
			List<ConsumerRecord<String, String>> read = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				partner.poll(Duration.ofMillis(200)).forEach(read::add);
				return read.stream().anyMatch((record) -> record.value().equals("decided"));
			});
		}
		try (KafkaConsumer<String, String> partner = consumer(ServiceAccount.INTEGRATION, "integration-practice-2")) {
			partner.subscribe(List.of(Topics.PATIENT_REPLIES.name()));
			assertThatThrownBy(() -> {
				for (int i = 0; i < 150; i++) {
					partner.poll(Duration.ofMillis(200));
				}
			}).isInstanceOf(TopicAuthorizationException.class);
		}
		// Nor in a group of another service's.
		try (KafkaConsumer<String, String> partner = consumer(ServiceAccount.INTEGRATION, "appointment-sms")) {
			partner.subscribe(List.of(Topics.APPOINTMENTS.name()));
			assertThatThrownBy(() -> {
				for (int i = 0; i < 150; i++) {
					partner.poll(Duration.ofMillis(200));
				}
			}).isInstanceOf(GroupAuthorizationException.class);
		}
	}

	@Test
	void servicesCannotCreateTopicsOrGrantThemselvesMore() {
		try (Admin notifications = Admin.create(client(ServiceAccount.NOTIFICATIONS.user()))) {
			assertThatThrownBy(() -> notifications.createTopics(List.of(new NewTopic("appointments-2", 1, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
			assertThatThrownBy(() -> notifications.createAcls(CatalogueAcls.of(List.of(ServiceAccount.DASHBOARD)))
				.all()
				.get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(org.apache.kafka.common.errors.ClusterAuthorizationException.class);
		}
	}

	@Test
	void aTopicTheCatalogueDoesNotNameIsNobodysToWrite() throws Exception {
		try (Admin operator = Admin.create(client(ADMIN))) {
			operator.createTopics(List.of(new NewTopic("scratch", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		try (KafkaProducer<String, String> dashboard = producer(ServiceAccount.DASHBOARD)) {
			assertThatThrownBy(
					() -> dashboard.send(new ProducerRecord<>("scratch", "k", "v")).get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void aClientWithAWrongPasswordIsRefused() {
		Map<String, Object> config = client(ServiceAccount.INTEGRATION.user());
		config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
				+ "username=\"integration\" password=\"guessed-password-123\";");
		try (Admin guesser = Admin.create(config)) {
			assertThatThrownBy(() -> guesser.listTopics().names().get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(SaslAuthenticationException.class);
		}
	}

	@Test
	void aClientThatDoesNotAuthenticateGetsNothing() {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
		config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 2000);
		try (Admin anonymous = Admin.create(config)) {
			assertThatThrownBy(() -> anonymous.listTopics().names().get(30, TimeUnit.SECONDS))
				.isInstanceOf(ExecutionException.class);
		}
	}

	private static KafkaProducer<String, String> producer(ServiceAccount account) {
		Map<String, Object> config = client(account.user());
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20000);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private static KafkaConsumer<String, String> consumer(ServiceAccount account, String group) {
		Map<String, Object> config = client(account.user());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	private static Map<String, Object> client(String user) {
		Map<String, Object> config = new HashMap<>(security.clientSettings(user));
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
		return config;
	}

}
