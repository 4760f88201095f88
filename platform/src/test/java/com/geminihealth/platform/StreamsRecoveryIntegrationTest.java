package com.geminihealth.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tiny exactly-once Kafka Streams application, configured by the platform alone, whose
 * one processor fails on the records a test marks: what happens to the application, its
 * output, its health and its liveness on both ports.
 */
@SpringBootTest(classes = StreamsRecoveryIntegrationTest.EchoApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=classpath:pipeline-management.yml", "spring.application.name=echo",
				"management.server.port=0", "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"spring.kafka.streams.application-id=streams-recovery-test",
				"spring.kafka.streams.state-dir=target/test-data/${random.uuid}",
				"spring.kafka.streams.properties.processing.guarantee=exactly_once_v2",
				"spring.kafka.streams.properties.commit.interval.ms=100",
				// A dead thread's consumer does not leave the group: its tasks move once
				// its
				// session has timed out, here after the broker's least.
				"spring.kafka.streams.properties.session.timeout.ms=6000",
				"spring.kafka.streams.properties.heartbeat.interval.ms=1000" })
class StreamsRecoveryIntegrationTest {

	static final Topic<String, String> IN = new Topic<>("streams-recovery-in", Serdes.String(), Serdes.String());

	static final Topic<String, String> OUT = new Topic<>("streams-recovery-out", Serdes.String(), Serdes.String());

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@LocalServerPort
	int publicPort;

	@LocalManagementPort
	int managementPort;

	@Autowired
	StreamsBuilderFactoryBean streams;

	@Autowired
	Faults faults;

	@Autowired
	MeterRegistry registry;

	@AfterEach
	void restartIfItStopped() {
		if (!this.streams.getKafkaStreams().state().isRunningOrRebalancing()) {
			this.streams.stop();
			this.streams.start();
			awaitState(KafkaStreams.State.RUNNING);
		}
	}

	@Test
	void replacesAThreadKilledByATransientFailureAndKeepsProcessingEveryRecordOnce() throws Exception {
		String before = unique("before");
		String failing = unique("failing");
		String after = unique("after");
		this.faults.failOnce(failing, () -> new TimeoutException("the broker did not answer in time"));
		double replaced = count(StreamThreadRecovery.REPLACEMENTS);

		send(before, failing, after);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(output()).containsSubsequence(before, failing, after));
		assertThat(output()).filteredOn((value) -> Set.of(before, failing, after).contains(value))
			.containsExactly(before, failing, after);
		assertThat(count(StreamThreadRecovery.REPLACEMENTS)).isEqualTo(replaced + 1);
		assertThat(this.streams.getKafkaStreams().state()).isIn(KafkaStreams.State.RUNNING,
				KafkaStreams.State.REBALANCING);
		assertThat(get(this.publicPort, "/livez").statusCode()).isEqualTo(200);
	}

	@Test
	void turnsLivenessDownOnBothPortsWhenAFailureWouldRepeat() throws Exception {
		String poison = unique("poison");
		this.faults.failOnce(poison, () -> new IllegalStateException("a bug"));
		double shutdowns = count(StreamThreadRecovery.SHUTDOWNS);

		send(poison);

		awaitState(KafkaStreams.State.ERROR);
		HttpResponse<String> livez = get(this.publicPort, "/livez");
		assertThat(livez.statusCode()).isEqualTo(503);
		assertThat(livez.body()).isEqualTo("{\"status\":\"DOWN\"}");
		assertThat(get(this.managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(503);
		assertThat(get(this.managementPort, "/actuator/health").body()).contains("\"state\":\"ERROR\"");
		assertThat(get(this.managementPort, "/actuator/prometheus").body())
			.contains("pipeline_streams_alive{application_id=\"streams-recovery-test\"")
			.contains("pipeline_streams_client_shutdowns_total{application_id=\"streams-recovery-test\"");
		assertThat(count(StreamThreadRecovery.SHUTDOWNS)).isEqualTo(shutdowns + 1);
		assertThat(output()).doesNotContain(poison);
	}

	@Test
	void failsRatherThanDropAnOutputItCannotSerialiseAndWritesItOnceRestarted() throws Exception {
		String unserialisable = unique("unserialisable");
		this.faults.refuseToSerialiseOnce(unserialisable);

		send(unserialisable);

		awaitState(KafkaStreams.State.ERROR);
		assertThat(get(this.publicPort, "/livez").statusCode()).isEqualTo(503);
		restartIfItStopped();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(output()).containsOnlyOnce(unserialisable));
	}

	/**
	 * Under exactly-once a record the producer refuses dooms its transaction whatever the
	 * production exception handler answers: it is never lost, and a restart writes it.
	 */
	@Test
	void neverLosesAnOutputTooLargeToSendAndWritesItOnceRestarted() throws Exception {
		String tooLarge = unique("too-large");
		this.faults.inflateOnce(tooLarge);

		send(tooLarge);

		awaitState(KafkaStreams.State.ERROR);
		assertThat(get(this.publicPort, "/livez").statusCode()).isEqualTo(503);
		restartIfItStopped();
		assertThat(get(this.publicPort, "/livez").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(output()).containsOnlyOnce(tooLarge));
	}

	@Test
	void staysAliveWhileRunning() throws Exception {
		awaitState(KafkaStreams.State.RUNNING);

		assertThat(get(this.publicPort, "/livez").body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(get(this.managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	private void awaitState(KafkaStreams.State state) {
		await().atMost(Duration.ofSeconds(60)).until(() -> this.streams.getKafkaStreams().state() == state);
	}

	private void send(String... values) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			for (String value : values) {
				producer.send(new ProducerRecord<>(IN.name(), "key", value)).get();
			}
		}
	}

	private List<String> output() {
		return TopicRecords.read(this.brokers, OUT).stream().map(ConsumerRecord::value).toList();
	}

	private double count(String counter) {
		return this.registry.find(counter).counters().stream().mapToDouble((meter) -> meter.count()).sum();
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID();
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	/** Failures the test marks, each happening once, as a flaky broker or a bug would. */
	static class Faults {

		private final Map<String, Supplier<RuntimeException>> failures = new ConcurrentHashMap<>();

		private final Set<String> inflations = ConcurrentHashMap.newKeySet();

		private final Set<String> unserialisable = ConcurrentHashMap.newKeySet();

		void failOnce(String value, Supplier<RuntimeException> failure) {
			this.failures.put(value, failure);
		}

		/** The record's output grows beyond what a producer may send, once. */
		void inflateOnce(String value) {
			this.inflations.add(value);
		}

		/** The record's output cannot be serialised, once. */
		void refuseToSerialiseOnce(String value) {
			this.unserialisable.add(value);
		}

		byte[] serialise(String value) {
			if (value != null && this.unserialisable.remove(value)) {
				throw new SerializationException("cannot serialise this one");
			}
			return (value != null) ? value.getBytes(StandardCharsets.UTF_8) : null;
		}

		String pass(String value) {
			Supplier<RuntimeException> failure = this.failures.remove(value);
			if (failure != null) {
				throw failure.get();
			}
			// Larger than the producer's default max.request.size of 1 MiB.
			return this.inflations.remove(value) ? value + "x".repeat(2 * 1024 * 1024) : value;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableKafkaStreams
	static class EchoApplication {

		@Bean
		Faults faults() {
			return new Faults();
		}

		@Bean
		NewTopic streamsRecoveryIn() {
			return new NewTopic(IN.name(), 1, (short) 1);
		}

		@Bean
		NewTopic streamsRecoveryOut() {
			return new NewTopic(OUT.name(), 1, (short) 1);
		}

		@Bean
		KStream<String, String> echo(StreamsBuilder builder, Faults faults) {
			KStream<String, String> echo = builder.stream(IN.name(), Consumed.with(IN.keySerde(), IN.valueSerde()));
			echo.mapValues(faults::pass, Named.as("fail-where-marked"))
				.to(OUT.name(), Produced.with(OUT.keySerde(),
						Serdes.serdeFrom((topic, value) -> faults.serialise(value), new StringDeserializer())));
			return echo;
		}

	}

}
