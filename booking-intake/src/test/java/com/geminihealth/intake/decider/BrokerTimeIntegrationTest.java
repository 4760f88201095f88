package com.geminihealth.intake.decider;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * A client writing to the booking stream cannot choose the time its command is judged by:
 * the broker stamps each record as it arrives.
 */
@IntakeIntegrationTest
class BrokerTimeIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Test
	void judgesABackdatedCommandByItsArrival() throws Exception {
		// 120 days ahead is past the 90 days bookings may be made ahead, unless "now"
		// were
		// the 60 days ago the producer claims.
		LocalDate farMonday = LocalDate.now(ZoneId.of("America/Toronto"))
			.plusDays(120)
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		BookAppointment example = Examples.of(BookAppointment.class);
		BookAppointment command = new BookAppointment(RequestId.random(), new LocationId("burlington"),
				new ServiceId("rmt-swedish-60"), new PractitionerId("maya-chen"), farMonday.atTime(10, 0),
				example.patient(), null, null, example.channel());
		RecordHeaders headers = new RecordHeaders();
		byte[] value = Topics.BOOKING_COMMANDS.valueSerde()
			.serializer()
			.serialize(Topics.BOOKING_COMMANDS.name(), headers, command);
		byte[] key = Topics.BOOKING_COMMANDS.keySerde()
			.serializer()
			.serialize(Topics.BOOKING_COMMANDS.name(), command.location());
		long sixtyDaysAgo = Instant.now().minus(Duration.ofDays(60)).toEpochMilli();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), null, sixtyDaysAgo, key, value, headers))
				.get();
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.mvc.perform(get("/api/bookings/" + command.requestId().value()))
				.andExpect(jsonPath("$.status").value("DECLINED"))
				.andExpect(jsonPath("$.reason").value("TOO_FAR_AHEAD")));
	}

}
