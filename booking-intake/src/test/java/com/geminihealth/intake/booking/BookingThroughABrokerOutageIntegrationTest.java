package com.geminihealth.intake.booking;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.geminihealth.broker.KraftBroker;
import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.challenge.ProofOfWork;
import com.geminihealth.intake.challenge.Solved;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The broker goes away while patients book: each is told at once that nothing was taken,
 * nothing they were told so about is written when the broker returns, and the patient who
 * sends the same form again is booked once. The intake runs on a broker of this test's
 * own, stopped and started again on the same port and data, so the shared one is not
 * disturbed.
 */
@IntakeIntegrationTest
@DirtiesContext
class BookingThroughABrokerOutageIntegrationTest {

	/** How long the intake waits for Kafka here: short, to keep the test short. */
	static final Duration ACK_TIMEOUT = Duration.ofSeconds(4);

	/** Scheduling and GC on a busy two-core machine. */
	static final Duration SLACK = Duration.ofSeconds(2);

	static final Path DATA = Path.of("target", "booking-outage", UUID.randomUUID().toString());

	static KraftBroker broker = KraftBroker.start(DATA, 0);

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Autowired
	ProofOfWork proofOfWork;

	@DynamicPropertySource
	static void onItsOwnBroker(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> broker.bootstrapServers());
		registry.add("pipeline.publishing.ack-timeout", () -> ACK_TIMEOUT.toSeconds() + "s");
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void aPatientWhoseFormWasNotTakenSendsItAgainAndIsBookedOnce() throws Exception {
		String patient = "Patient " + UUID.randomUUID();
		String integration = "Client " + UUID.randomUUID();
		// A running intake has booked before: its producer knows where the topics live.
		this.mvc.perform(form("Earlier " + UUID.randomUUID(), "10:00", newSubmission()))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isEqualTo(302));
		String submission = newSubmission();
		int port = Integer.parseInt(broker.bootstrapServers().replaceAll(".*:", ""));

		broker.close();
		long start = System.nanoTime();
		int apiStatus = status(apiBooking(integration));
		MvcResult notTaken = this.mvc.perform(form(patient, "11:00", submission)).andReturn();
		Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
		broker = KraftBroker.start(DATA, port);
		String page = notTaken.getResponse().getContentAsString();
		// The patient sends the form the page showed again, until it is taken.
		String answer = await().atMost(Duration.ofSeconds(60))
			.until(() -> this.mvc.perform(form(patient, "11:00", BookingPageIntegrationTest.submissionOf(page)))
				.andReturn()
				.getResponse()
				.getRedirectedUrl(), (url) -> url != null);

		assertThat(notTaken.getResponse().getStatus()).isEqualTo(503);
		assertThat(notTaken.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotNull();
		assertThat(page).contains("nothing was booked");
		assertThat(BookingPageIntegrationTest.submissionOf(page)).isEqualTo(submission);
		// Both answered within the wait, one after the other.
		assertThat(answeredIn).isLessThanOrEqualTo(ACK_TIMEOUT.plus(SLACK).multipliedBy(2));
		assertThat(apiStatus).isEqualTo(503);
		assertThat(bookingsFor(patient)).singleElement()
			.satisfies((book) -> assertThat("/book/" + book.requestId().value()).isEqualTo(answer));
		// Same location, same partition, one idempotent producer: had the client's
		// request been held through the outage, it would be on the topic before the
		// patient's.
		assertThat(bookingsFor(integration)).isEmpty();
	}

	private int status(MockHttpServletRequestBuilder request) {
		try {
			return this.mvc.perform(request).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String newSubmission() throws Exception {
		return BookingPageIntegrationTest.submissionOf(
				this.mvc.perform(get(BookingForm.DETAILS_PAGE)).andReturn().getResponse().getContentAsString());
	}

	/** The patient's form as a browser sends it: a fresh challenge answered each time. */
	private MockHttpServletRequestBuilder form(String name, String time, String submission) {
		return post("/book").with(ClientAddresses.fresh())
			.with(Solved.challenge(this.proofOfWork))
			.with(csrf())
			.with(BookingForm.answeredNo())
			.param("submission", submission)
			.param("patientName", name)
			.param("email", "outage@example.com")
			.param("language", "EN")
			.param("location", "burlington")
			.param("service", "rmt-swedish-60")
			.param("practitioner", "maya-chen")
			.param("requestedStart", BookingPageIntegrationTest.DAY.plusDays(2) + "T" + time);
	}

	/** A client of the API that sends no Idempotency-Key. */
	private MockHttpServletRequestBuilder apiBooking(String name) {
		return post("/api/bookings").with(ClientAddresses.fresh())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"patientName": "%s", "email": "outage@example.com", "location": "burlington",
					 "service": "rmt-swedish-60", "practitioner": "maya-chen", "requestedStart": "%sT12:00"}"""
				.formatted(name, BookingPageIntegrationTest.DAY.plusDays(2)));
	}

	private List<BookAppointment> bookingsFor(String name) {
		return this.kafka.values(Topics.BOOKING_COMMANDS)
			.stream()
			.filter((command) -> command instanceof BookAppointment book && book.patient().name().equals(name))
			.map(BookAppointment.class::cast)
			.toList();
	}

}
