package com.geminihealth.intake.decider;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.LocationId;

import static com.geminihealth.intake.decider.DeciderDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ContractCheckTest {

	static final String KEPT = "test-kept-commands";

	TopologyTestDriver driver;

	TestInputTopic<byte[], byte[]> commands;

	TestOutputTopic<byte[], byte[]> deadLetters;

	TestOutputTopic<LocationId, BookingCommand> kept;

	@BeforeEach
	void startTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		DeciderStores.builders().forEach(builder::addStateStore);
		DeciderTopology.check(builder, DeciderProperties.defaults().retention())
			.commands()
			.to(KEPT, Produced.with(Topics.BOOKING_COMMANDS.keySerde(), Topics.BOOKING_COMMANDS.valueSerde()));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decider-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG,
				Path.of("target", "contract-check-test-" + UUID.randomUUID()).toAbsolutePath().toString());
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.commands = this.driver.createInputTopic(Topics.BOOKING_COMMANDS.name(), Serdes.ByteArray().serializer(),
				Serdes.ByteArray().serializer());
		this.deadLetters = this.driver.createOutputTopic(Topics.BOOKING_COMMANDS_DEAD_LETTERS.name(),
				Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
		this.kept = this.driver.createOutputTopic(KEPT, Topics.BOOKING_COMMANDS.keySerde().deserializer(),
				Topics.BOOKING_COMMANDS.valueSerde().deserializer());
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void passesACommandThatKeepsTheContract() {
		BookAppointment book = Examples.of(BookAppointment.class);

		pipe(book.location().value(), "com.geminihealth.booking.BookAppointment.v1", json(book));

		assertThat(this.kept.readKeyValue().value).isEqualTo(book);
		assertThat(this.deadLetters.isEmpty()).isTrue();
	}

	@Test
	void deadLettersARecordWithoutCeTypeAndSaysWhy() {
		BookAppointment book = Examples.of(BookAppointment.class);

		pipe(book.location().value(), null, json(book));

		assertThat(reason(this.deadLetters.readRecord())).isEqualTo("missing ce_type header");
	}

	@Test
	void deadLettersAnUnknownTypeNamingTheKnownOnes() {
		pipe("burlington", "com.geminihealth.booking.BookEverything.v1", "{}");

		assertThat(reason(this.deadLetters.readRecord())).contains("unknown ce_type")
			.contains("com.geminihealth.booking.CancelAppointment.v1");
	}

	@Test
	void deadLettersARecordThatFailsItsSchemaNamingTheField() {
		BookAppointment book = Examples.of(BookAppointment.class);
		String badEmail = json(book).replace(book.patient().email(), "not-an-email");

		pipe(book.location().value(), "com.geminihealth.booking.BookAppointment.v1", badEmail);

		TestRecord<byte[], byte[]> dead = this.deadLetters.readRecord();
		assertThat(reason(dead)).contains("$.patient.email");
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(badEmail);
		assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.BOOKING_COMMANDS.name());
		assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
		assertThat(header(dead, CloudEvents.TYPE)).isEqualTo("com.geminihealth.booking.BookAppointment.v1");
	}

	@Test
	void deadLettersACommandKeyedByAnotherLocationWithoutQuotingTheKey(CapturedOutput output) {
		BookAppointment book = Examples.of(BookAppointment.class);

		pipe("+14165550123", "com.geminihealth.booking.BookAppointment.v1", json(book));

		assertThat(reason(this.deadLetters.readRecord())).contains("the record key must be the command's location")
			.doesNotContain("4165550123");
		assertThat(output.getAll()).contains("Dead-lettered a booking command").doesNotContain("4165550123");
	}

	/** The JSON parser's own message quoted the start of the patient's name. */
	@Test
	void deadLettersJsonThatDoesNotParseWithoutQuotingIt(CapturedOutput output) {
		pipe("burlington", "com.geminihealth.booking.BookAppointment.v1",
				"{\"patient\": Marie-Claire Tremblay, \"email\": \"marie@example.com\"}");

		assertThat(reason(this.deadLetters.readRecord())).contains("$: is not JSON (line 1, column 13)")
			.doesNotContain("Marie");
		assertThat(output.getAll()).contains("Dead-lettered a booking command").doesNotContain("Marie");
	}

	@Test
	void keepsFlowingAfterABrokenRecord() {
		BookAppointment book = Examples.of(BookAppointment.class);

		pipe(book.location().value(), "com.geminihealth.booking.BookAppointment.v1", "{not json");
		pipe(book.location().value(), "com.geminihealth.booking.BookAppointment.v1", json(book));

		assertThat(reason(this.deadLetters.readRecord())).contains("is not JSON");
		assertThat(this.kept.readValuesToList()).containsExactly(book);
	}

	private void pipe(String key, String ceType, String json) {
		RecordHeaders headers = new RecordHeaders();
		if (ceType != null) {
			headers.add(CloudEvents.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
		}
		this.commands.pipeInput(new TestRecord<>(key.getBytes(StandardCharsets.UTF_8),
				json.getBytes(StandardCharsets.UTF_8), headers, (Long) null));
	}

	private static String reason(TestRecord<byte[], byte[]> record) {
		return header(record, DeadLetters.REASON);
	}

	private static String header(TestRecord<byte[], byte[]> record, String name) {
		return CloudEvents.header(record.headers(), name);
	}

}
