package com.geminihealth.dashboard;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.test.ServiceHealthContract;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.RetryHeaders;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Screening;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.RescheduleAppointment;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.FollowUpDue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard on a real embedded broker: the test plays the decider and the other
 * services by publishing their events, and reads back the commands the front desk sends.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.config.name=" + DashboardApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "logging.structured.format.console=",
		"dashboard.state-dir=${java.io.tmpdir}/dashboard-it", "dashboard.intake-url=http://localhost:9",
		"dashboard.outbox-dir=${java.io.tmpdir}/dashboard-it/outbox",
		"dashboard.sms-sandbox-dir=${java.io.tmpdir}/dashboard-it/sms",
		"dashboard.security.users[0].username=reception",
		"dashboard.security.users[0].password={noop}test-reception-password",
		"dashboard.security.users[1].username=manager",
		"dashboard.security.users[1].password={bcrypt}$2a$10$5whbqAz80Gzhg5n7djtj8ehK2bowUONiDuhj10C6fWdokEe1T.8x2",
		"dashboard.security.users[2].username=locum", "dashboard.security.users[2].password={noop}test-locum-password",
		"dashboard.behind-https=true" })
@AutoConfigureMockMvc
class DashboardIntegrationTest extends ServiceHealthContract {

	/** A front-desk user's credentials, for HTTP basic. */
	static final String SIGNED_IN = "reception:test-reception-password";

	@Override
	protected String service() {
		return "dashboard";
	}

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	EventPublisher publisher;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Test
	void asksForSignInBeforeShowingAnyView() throws Exception {
		for (String view : List.of("/feed", "/today", "/follow-ups", "/bookings/new", "/inbox", "/notifications",
				"/outbox", "/charts", "/waitlist")) {
			this.mvc.perform(get(view).accept(MediaType.TEXT_HTML))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/login"));
		}
	}

	/*
	 * Failed sign-ins count per address, and HTTP requests come from 127.0.0.1, as every
	 * signed-in request here does: form sign-ins that fail come from addresses of their
	 * own.
	 */

	@Test
	void signsInTheConfiguredUsersWithPlainOrHashedPasswordsAndRefusesAWrongOne() throws Exception {
		this.mvc.perform(signIn("reception", "test-reception-password", "192.0.2.1"))
			.andExpect(authenticated().withRoles("FRONT_DESK"));
		this.mvc.perform(signIn("manager", "test-manager-password", "192.0.2.1"))
			.andExpect(authenticated().withRoles("FRONT_DESK"));
		this.mvc.perform(signIn("reception", "wrong", "192.0.2.1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void refusesTheLocalRunsUserWhereTheDeploymentNamesItsOwn() throws Exception {
		this.mvc.perform(signIn("frontdesk", "frontdesk-gemini", "192.0.2.2")).andExpect(unauthenticated());
		assertThat(http("/feed", "frontdesk:frontdesk-gemini").statusCode()).isEqualTo(401);
		assertThat(http("/feed", "ops:ops-gemini").statusCode()).isEqualTo(401);
	}

	@Test
	void keepsTheSessionCookieToHttpsAndThisSiteBehindHttps() throws Exception {
		HttpResponse<String> signInPage = http("/login", null, "text/html");
		assertThat(signInPage.headers().allValues("Set-Cookie")).singleElement()
			.asString()
			.startsWith("DASHBOARD_SESSION=")
			.contains("; Secure")
			.contains("; HttpOnly")
			.contains("; SameSite=Lax");
	}

	@Test
	void refusesAUserForAWhileAfterFiveFailedSignInsWithoutCheckingThePassword() throws Exception {
		for (int i = 1; i <= 5; i++) {
			this.mvc.perform(signIn("locum", "guess-" + i, "198.51.100." + i))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(signIn("locum", "test-locum-password", "198.51.100.99"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?wait"));
		assertThat(http("/feed", "locum:test-locum-password").statusCode()).isEqualTo(401);
		this.mvc.perform(get("/login?wait"))
			.andExpect(content().string(containsString("Too many failed sign-ins")))
			.andExpect(content().string(containsString("Wait <span>15</span> minutes")));
		assertThat(onTheManagementPort("/actuator/prometheus"))
			.contains("dashboard_sign_in_failures_total{reason=\"throttled\"")
			.contains("dashboard_sign_in_failures_total{reason=\"wrong-password\"");
	}

	@Test
	void refusesAnAddressForAWhileAfterFiveFailedSignInsWhateverTheUserNames() throws Exception {
		for (int i = 1; i <= 5; i++) {
			this.mvc.perform(signIn("guess-" + i, "guess", "203.0.113.50")).andExpect(unauthenticated());
		}
		this.mvc.perform(signIn("manager", "test-manager-password", "203.0.113.50"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?wait"));
		this.mvc.perform(signIn("manager", "test-manager-password", "203.0.113.51")).andExpect(authenticated());
	}

	@Test
	void chartsLivePagesForOperatorsAndShowsNoMetricsToASignedInUser() throws Exception {
		assertThat(onTheManagementPort("/actuator/prometheus")).contains("dashboard_live_pages");
		assertThat(http("/actuator/prometheus", SIGNED_IN).statusCode()).isEqualTo(404);
	}

	@Test
	void answersABrowserWithAPageOfItsOwnWhenAViewCannotBeShown() throws Exception {
		HttpResponse<String> missing = http("/no-such-view", SIGNED_IN, "text/html");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>That page does not exist</h1>")
			.contains("Back to the live feed")
			.doesNotContain("Whitelabel");
		HttpResponse<String> refused = HttpClient.newHttpClient()
			.send(request("/notifications/dead-letters/any/replay", SIGNED_IN, "text/html")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).as("a form posted without its CSRF token").isEqualTo(403);
		assertThat(refused.body()).contains("<h1>That was refused</h1>");
	}

	@Test
	void showsAConfirmedAppointmentInTheFeedWithoutItsHealthNotesOrContactDetails() throws Exception {
		String name = "Noor" + shortId();
		Appointment appointment = Appointments.of(name + " Haddad", "+12895550101", tomorrowAt(10),
				"sciatica, left side");
		this.publisher.publish(Topics.APPOINTMENTS, appointment.appointmentId(),
				new AppointmentConfirmed(RequestId.random(), appointment));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(page("/feed")).contains(name));
		String feed = page("/feed?type=AppointmentConfirmed&location=burlington");
		assertThat(feed).contains(name).contains("Maya Chen").contains("AppointmentConfirmed");
		assertThat(feed).doesNotContain("sciatica")
			.doesNotContain("+12895550101")
			.doesNotContain("patient@example.com");
		assertThat(page("/feed?location=oakville")).doesNotContain(name);
	}

	@Test
	void flagsOnTodayABookingWhoseScreeningFoundASignToSeeADoctorFirst() throws Exception {
		String flagged = "Iris" + shortId();
		String clear = "Omar" + shortId();
		Appointment screened = Appointments
			.screened(Appointments.of(flagged + " Novak", "+12895550131", tomorrowAt(13), null), Screening.RED_FLAGS);
		Appointment notFlagged = Appointments
			.screened(Appointments.of(clear + " Haddad", "+12895550132", tomorrowAt(14), null), Screening.CLEAR);
		state(screened, AppointmentStatus.CONFIRMED);
		state(notFlagged, AppointmentStatus.CONFIRMED);
		String today = "/today?date=" + LocalDate.ofInstant(screened.start(), Appointments.TORONTO);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(page(today)).contains(flagged).contains(clear));

		assertThat(row(page(today), screened)).contains("Screening: call before visit");
		assertThat(row(page(today), notFlagged)).doesNotContain("Screening");
	}

	@Test
	void marksAnAppointmentCompletedFromTodayThroughACommandAndShowsTheDecision() throws Exception {
		String name = "Ravi" + shortId();
		Appointment appointment = Appointments.of(name + " Singh", "+12895550102", tomorrowAt(11), null);
		// Booked long ago: its events have aged out of the appointments stream, its state
		// stays.
		state(appointment, AppointmentStatus.CONFIRMED);
		String today = "/today?date=" + LocalDate.ofInstant(appointment.start(), Appointments.TORONTO);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(page(today)).contains(name));

		this.mvc
			.perform(
					post("/today/" + appointment.appointmentId().value() + "/completed").with(csrf()).with(frontDesk()))
			.andExpect(status().isFound());

		MarkCompleted sent = await().atMost(Duration.ofSeconds(10))
			.until(() -> TopicRecords.values(this.brokers, Topics.BOOKING_COMMANDS)
				.stream()
				.filter(MarkCompleted.class::isInstance)
				.map(MarkCompleted.class::cast)
				.filter((command) -> command.appointmentId().equals(appointment.appointmentId()))
				.findFirst()
				.orElse(null), (command) -> command != null);
		assertThat(sent.location()).isEqualTo(appointment.location());
		assertThat(page(today)).contains("Confirmed").doesNotContain("status completed");

		state(appointment, AppointmentStatus.COMPLETED);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(row(page(today), appointment)).contains("Completed"));
	}

	@Test
	void sendsCancelAndMoveCommandsFromToday() throws Exception {
		String name = "Tess" + shortId();
		Appointment appointment = Appointments.of(name + " Moreau", "+12895550108", tomorrowAt(12), null);
		state(appointment, AppointmentStatus.CONFIRMED);
		String today = "/today?date=" + LocalDate.ofInstant(appointment.start(), Appointments.TORONTO);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(page(today)).contains(name));
		LocalDateTime newStart = LocalDate.now(Appointments.TORONTO).plusDays(6).atTime(14, 30);

		this.mvc
			.perform(post("/today/" + appointment.appointmentId().value() + "/reschedule")
				.param("newStart", newStart.toString())
				.with(csrf())
				.with(frontDesk()))
			.andExpect(status().isFound());
		this.mvc
			.perform(post("/today/" + appointment.appointmentId().value() + "/cancel").with(csrf()).with(frontDesk()))
			.andExpect(status().isFound());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<BookingCommand> sent = TopicRecords.values(this.brokers, Topics.BOOKING_COMMANDS)
				.stream()
				.filter((command) -> appointment.appointmentId().equals(appointmentOf(command)))
				.toList();
			assertThat(sent).hasSize(2);
			assertThat(sent.get(0)).isInstanceOfSatisfying(RescheduleAppointment.class, (move) -> {
				assertThat(move.newStart()).isEqualTo(newStart);
				assertThat(move.practitioner()).isEqualTo(appointment.practitioner());
			});
			assertThat(sent.get(1)).isInstanceOf(CancelAppointment.class);
		});
	}

	private static AppointmentId appointmentOf(BookingCommand command) {
		if (command instanceof RescheduleAppointment move) {
			return move.appointmentId();
		}
		if (command instanceof CancelAppointment cancel) {
			return cancel.appointmentId();
		}
		return null;
	}

	@Test
	void showsAnAppointmentAsConfirmedByThePatientAfterTheirReply() throws Exception {
		String name = "Lea" + shortId();
		String phone = "+1289555" + (1000 + (int) (Math.random() * 8999));
		Appointment appointment = Appointments.of(name + " Roy", phone, tomorrowAt(14), null);
		state(appointment, AppointmentStatus.CONFIRMED);
		String today = "/today?date=" + LocalDate.ofInstant(appointment.start(), Appointments.TORONTO);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(page(today)).contains(name));
		this.publisher.publish(Topics.PATIENT_REPLIES, new PatientContact(phone),
				new AttendanceConfirmed(new PatientContact(phone), Instant.now()));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(row(page(today), appointment)).contains("Confirmed by patient"));
	}

	@Test
	void pushesANewEventToAnOpenFeedWithinASecond() throws Exception {
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/feed/live"))
			.header("Authorization", basic(SIGNED_IN))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<InputStream> stream = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		CompletableFuture.runAsync(() -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					lines.add(line);
				}
			}
			catch (Exception ex) {
				// the test ended and closed the stream
			}
		});
		await().atMost(Duration.ofSeconds(5))
			.until(() -> lines.stream().anyMatch((line) -> line.contains("connected")));

		String name = "Ines" + shortId();
		Appointment appointment = Appointments.of(name + " Costa", "+12895550104", tomorrowAt(15), null);
		this.publisher.publish(Topics.APPOINTMENTS, appointment.appointmentId(),
				new AppointmentConfirmed(RequestId.random(), appointment));

		// Speed is for benchmarks; here it only has to arrive unasked.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lines).anySatisfy(
					(line) -> assertThat(line).startsWith("data:").contains(name).contains("AppointmentConfirmed")));
		assertThat(lines).contains("event:feed");
		stream.body().close();
	}

	@Test
	void sendsAPhoneBookingAsAFrontDeskBookAppointment() throws Exception {
		String name = "Omar" + shortId();
		LocalDateTime start = LocalDate.now(Appointments.TORONTO).plusDays(5).atTime(10, 0);
		this.mvc
			.perform(post("/bookings").with(csrf())
				.with(frontDesk())
				.param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("slot", start + "|maya-chen")
				.param("patientName", name + " Aziz")
				.param("mobilePhone", "289-555-0105")
				.param("smsConsent", "true"))
			.andExpect(status().isFound());

		BookAppointment book = await().atMost(Duration.ofSeconds(10))
			.until(() -> TopicRecords.values(this.brokers, Topics.BOOKING_COMMANDS)
				.stream()
				.filter(BookAppointment.class::isInstance)
				.map(BookAppointment.class::cast)
				.filter((command) -> command.patient().name().startsWith(name))
				.findFirst()
				.orElse(null), (command) -> command != null);
		assertThat(book.channel()).isEqualTo(BookingChannel.FRONT_DESK);
		assertThat(book.requestedStart()).isEqualTo(start);
		assertThat(book.practitioner().value()).isEqualTo("maya-chen");
		assertThat(book.patient().mobilePhone()).isEqualTo("+12895550105");
		assertThat(book.patient().consent().sms()).isTrue();
		assertThat(book.patient().consent().feedback()).as("not asked").isFalse();
	}

	@Test
	void refusesAPhoneBookingWithoutAWayToReachTheCaller() throws Exception {
		String body = this.mvc
			.perform(post("/bookings").with(csrf())
				.with(frontDesk())
				.param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("slot", LocalDate.now().plusDays(5).atTime(10, 0) + "|maya-chen")
				.param("patientName", "No Contact"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("Enter a mobile phone or an email");
	}

	@Test
	void saysWhenOpenTimesCannotBeFetchedFromIntake() throws Exception {
		assertThat(page("/bookings/new?location=burlington&service=rmt-swedish-60&date=" + LocalDate.now().plusDays(3)))
			.contains("Open times cannot be shown right now");
	}

	@Test
	void listsAnInquiryUntilTheFrontDeskMarksItHandled() throws Exception {
		String name = "Quinn" + shortId();
		ContactInquiryReceived inquiry = new ContactInquiryReceived(InquiryId.random(), new LocationId("oakville"),
				name + " Hart", "quinn@example.com", null, Language.EN, "Do you offer direct billing to Manulife?",
				Instant.now());
		this.publisher.publish(Topics.CONTACT_INQUIRIES, inquiry.inquiryId(), inquiry);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(page("/inbox")).contains(name));
		assertThat(page("/inbox")).contains("Do you offer direct billing to Manulife?");

		this.mvc.perform(post("/inbox/" + inquiry.inquiryId().value() + "/handled").with(csrf()).with(frontDesk()))
			.andExpect(status().isFound());

		String inbox = page("/inbox");
		String row = inbox.substring(inbox.indexOf(name));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("Handled").doesNotContain("<button");
	}

	@Test
	void optsAPatientOutOfTextsForTheFrontDeskAndRefusesAMismatchedContact() throws Exception {
		String phone = "+1289555" + (1000 + ThreadLocalRandom.current().nextInt(8999));

		this.mvc
			.perform(post("/inbox/preferences").param("contact", phone)
				.param("channel", "SMS")
				.param("optOut", "true")
				.with(csrf())
				.with(frontDesk()))
			.andExpect(status().isFound());
		this.mvc
			.perform(post("/inbox/preferences").param("contact", "ada@example.com")
				.param("channel", "SMS")
				.param("optOut", "true")
				.with(csrf())
				.with(frontDesk()))
			.andExpect(status().isBadRequest());

		assertThat(TopicRecords.values(this.brokers, Topics.PATIENT_REPLIES))
			.anySatisfy((reply) -> assertThat(reply).isInstanceOfSatisfying(OptedOut.class, (out) -> {
				assertThat(out.contact().value()).isEqualTo(phone);
				assertThat(out.channel()).isEqualTo(Channel.SMS);
				assertThat(out.source()).isEqualTo(ReplySource.FRONT_DESK);
			}))
			.noneMatch((reply) -> reply.contact().value().equals("ada@example.com"));
	}

	@Test
	void listsADueFollowUpAndRecordsTheCall() throws Exception {
		String name = "Pia" + shortId();
		Appointment visit = Appointments.of(name + " Lund", "+12895550106", Instant.now().minusSeconds(30 * 86_400),
				null);
		this.publisher.publish(Topics.DUE_NOTICES, visit.appointmentId(),
				new FollowUpDue(visit, false, Instant.now().minusSeconds(60), Instant.now()));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(page("/follow-ups")).contains(name));

		this.mvc
			.perform(post("/follow-ups/" + visit.appointmentId().value()).param("outcome", "CALLED")
				.with(csrf())
				.with(frontDesk()))
			.andExpect(status().isFound());

		String list = page("/follow-ups");
		String row = list.substring(list.indexOf(name));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("+12895550106").contains(">Called<");
	}

	@Test
	void showsTheEmailsAndTextsOfTheLocalOutboxAsThePatientReadsThem() throws Exception {
		Path outbox = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "dashboard-it", "outbox"));
		Path sms = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "dashboard-it", "sms"));
		String subject = "Your appointment is confirmed " + shortId();
		Files.writeString(outbox.resolve(UUID.randomUUID() + ".eml"), """
				From: appointments@geminihealth.example
				To: sam@example.com
				Subject: %s
				Content-Type: text/plain; charset=UTF-8

				Hello Sam, see you on Thursday.
				""".formatted(subject));
		String text = "Gemini Health: booked with Maya on Thu " + shortId();
		Files.writeString(sms.resolve("SANDBOX" + shortId() + ".txt"), "To: +12895550107\n\n" + text + "\n");

		String page = page("/outbox");
		assertThat(page).contains(subject).contains(text).contains("+12895550107");
		String link = page.substring(page.indexOf("/outbox/emails/"));
		link = link.substring(0, link.indexOf('"'));
		assertThat(page(link)).contains(subject).contains("Hello Sam, see you on Thursday.");
		this.mvc.perform(get("/outbox/emails/..%2Fsecret.eml").with(frontDesk()))
			.andExpect(status().is4xxClientError());
		this.mvc.perform(get("/outbox/emails/front-desk-marks.properties").with(frontDesk()))
			.andExpect(status().isNotFound());
	}

	@Test
	void drawsTodaysChartsAndTheDeliveryRate() throws Exception {
		assertThat(page("/charts")).contains("Bookings confirmed per hour")
			.contains("Messages sent per hour")
			.contains("Delivery success rate")
			.contains("<svg");
	}

	@Test
	void replaysADeadLetterToItsSourceTopicByteForByte() throws Exception {
		String marker = "Dead" + shortId();
		BookAppointment command = new BookAppointment(RequestId.random(), new LocationId("burlington"),
				new ServiceId("rmt-swedish-60"), null, LocalDate.now().plusDays(4).atTime(9, 0),
				new Patient(marker + " Letter", "dead@example.com", null, null, null), null, null,
				BookingChannel.INTEGRATION);
		RecordHeaders original = new RecordHeaders();
		byte[] value = Topics.BOOKING_COMMANDS.valueSerde()
			.serializer()
			.serialize(Topics.BOOKING_COMMANDS.name(), original, command);
		ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(Topics.BOOKING_COMMANDS_DEAD_LETTERS.name(), null,
				"burlington".getBytes(StandardCharsets.UTF_8), value, original);
		letter.headers().add(DeadLetters.REASON, ("decider unavailable " + marker).getBytes());
		letter.headers().add(DeadLetters.SOURCE_TOPIC, Topics.BOOKING_COMMANDS.name().getBytes());
		String id;
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				java.util.Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			RecordMetadata stored = producer.send(letter).get();
			id = stored.topic() + "-" + stored.partition() + "@" + stored.offset();
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(page("/notifications")).contains("decider unavailable " + marker));

		this.mvc.perform(post("/notifications/dead-letters/" + id + "/replay").with(csrf()).with(frontDesk()))
			.andExpect(status().isFound());

		ConsumerRecord<byte[], byte[]> replayed = await().atMost(Duration.ofSeconds(10))
			.until(() -> TopicRecords.raw(this.brokers, Topics.BOOKING_COMMANDS.name())
				.stream()
				.filter((record) -> new String(record.value(), StandardCharsets.UTF_8).contains(marker))
				.findFirst()
				.orElse(null), (record) -> record != null);
		assertThat(replayed.value()).isEqualTo(value);
		assertThat(new String(replayed.key(), StandardCharsets.UTF_8)).isEqualTo("burlington");
		assertThat(CloudEvents.header(replayed.headers(), CloudEvents.TYPE))
			.isEqualTo(CloudEvents.header(original, CloudEvents.TYPE))
			.isNotNull();
		assertThat(replayed.headers().lastHeader(DeadLetters.REASON)).isNull();
		assertThat(page("/notifications")).contains("Replay again");
	}

	@Test
	void offersToSendAgainOnlyAMessageThatEndedAndCountsThoseWaitingToRetry() throws Exception {
		NotificationId waiting = new NotificationId(UUID.randomUUID() + ":appointment-confirmed:email");
		NotificationId refused = new NotificationId(UUID.randomUUID() + ":appointment-confirmed:sms");
		NotificationId expired = new NotificationId(UUID.randomUUID() + ":appointment-confirmed:email");
		Instant since = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		outcome(new NotificationFailed(waiting, Channel.EMAIL, "appointment-confirmed", null,
				NotificationFailed.WILL_TRY_AGAIN + ": MailSendException", null, false, 1, since));
		outcome(new NotificationFailed(waiting, Channel.EMAIL, "appointment-confirmed", null,
				NotificationFailed.WILL_TRY_AGAIN + ": MailSendException", null, false, 2, Instant.now()));
		outcome(new NotificationFailed(refused, Channel.SMS, "appointment-confirmed", null,
				"the number is not a valid mobile number", "21614", true, 1, Instant.now()));
		outcome(new NotificationFailed(expired, Channel.EMAIL, "appointment-confirmed", null,
				"expired: its horizon passed while retrying", NotificationFailed.EXPIRED, true, 7, Instant.now()));
		byte[] confirmation = ("{\"marker\": \"" + expired.value() + "\"}").getBytes(StandardCharsets.UTF_8);
		RecordHeaders retry = new RecordHeaders();
		retry.add(RetryHeaders.SOURCE_TOPIC, Topics.APPOINTMENTS.name().getBytes(StandardCharsets.UTF_8));
		retry.add(RetryHeaders.ATTEMPT, "6".getBytes(StandardCharsets.UTF_8));
		retry.add(RetryHeaders.HORIZON, "1".getBytes(StandardCharsets.UTF_8));
		retry.add(RetryHeaders.NOTIFICATION, expired.value().getBytes(StandardCharsets.UTF_8));
		retry.add(RetryHeaders.CHANNEL, "EMAIL".getBytes(StandardCharsets.UTF_8));
		this.publisher.publish(Topics.NOTIFICATIONS_RETRIES, "appointment".getBytes(StandardCharsets.UTF_8),
				confirmation, retry);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String page = page("/notifications");
			assertThat(messageRow(page, expired)).contains("EXPIRED").contains(">7<").contains("Send again</button>");
			assertThat(messageRow(page, refused)).contains("Refused for good")
				.contains("21614")
				.doesNotContain("send-again");
			assertThat(messageRow(page, waiting)).contains("Waiting to retry").doesNotContain("send-again");
			assertThat(backlogRow(page, "EMAIL")).contains("<td>1</td>")
				.contains(DateTimeFormatter.ofPattern("HH:mm:ss").format(since.atZone(Appointments.TORONTO)));
		});

		this.mvc.perform(post("/notifications/messages/" + refused.value() + "/send-again").with(frontDesk()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/notifications/messages/" + refused.value() + "/send-again").with(csrf()).with(frontDesk()))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/notifications/messages/" + expired.value() + "/send-again").with(csrf()).with(frontDesk()))
			.andExpect(status().isFound());

		ConsumerRecord<byte[], byte[]> again = await().atMost(Duration.ofSeconds(10))
			.until(() -> TopicRecords.raw(this.brokers, Topics.NOTIFICATIONS_RETRIES.name())
				.stream()
				.filter((record) -> CloudEvents.header(record.headers(), RetryHeaders.REQUESTED_BY) != null
						&& expired.value().equals(CloudEvents.header(record.headers(), RetryHeaders.NOTIFICATION)))
				.findFirst()
				.orElse(null), (record) -> record != null);
		assertThat(again.value()).isEqualTo(confirmation);
		assertThat(CloudEvents.header(again.headers(), RetryHeaders.REQUESTED_BY)).isEqualTo("frontdesk");
		assertThat(again.headers().lastHeader(RetryHeaders.ATTEMPT)).isNull();
		assertThat(again.headers().lastHeader(RetryHeaders.HORIZON)).isNull();
		assertThat(messageRow(page("/notifications"), expired)).contains("Asked again at");
	}

	private void outcome(NotificationFailed failed) {
		this.publisher.publish(Topics.NOTIFICATION_OUTCOMES, failed.notificationId(), failed);
	}

	/** The row of one message on the notifications page. */
	private static String messageRow(String page, NotificationId id) {
		return rowAt(page, "data-notification-id=\"" + id.value() + "\"");
	}

	/** The row of one channel in the notifications page's backlog. */
	private static String backlogRow(String page, String channel) {
		return rowAt(page, "data-channel=\"" + channel + "\"");
	}

	private static String rowAt(String page, String attribute) {
		int at = page.indexOf(attribute);
		assertThat(at).as(attribute).isNotNegative();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	@Test
	void refusesTheErasurePageAndActionToTheFrontDesk() throws Exception {
		this.mvc.perform(get("/erasure").with(frontDesk())).andExpect(status().isForbidden());
		this.mvc.perform(post("/erasure").param("phone", "+12895550190").with(csrf()).with(frontDesk()))
			.andExpect(status().isForbidden());
		assertThat(http("/erasure", SIGNED_IN, "text/html").statusCode()).isEqualTo(403);
		assertThat(page("/feed")).doesNotContain("href=\"/erasure\"");
	}

	@Test
	void erasesAPatientForOperationsAndEveryViewForgetsTheirEmailAndPhone() throws Exception {
		String name = "Zoe" + shortId();
		String phone = "+1289556" + (1000 + ThreadLocalRandom.current().nextInt(8999));
		String email = name.toLowerCase() + "@example.org";
		Appointment appointment = new Appointment(AppointmentId.random(), new LocationId("burlington"),
				new ServiceId("rmt-swedish-60"), new PractitionerId("maya-chen"), "Maya Chen", tomorrowAt(16),
				tomorrowAt(17), Appointments.TORONTO,
				new Patient(name + " Erased", email, phone, Language.EN, new Consent(true, true, false)), null, 0);
		state(appointment, AppointmentStatus.CONFIRMED);
		Appointment earlier = Appointments.of(name + " Erased", phone, Instant.now().minusSeconds(40 * 86_400), null);
		this.publisher.publish(Topics.DUE_NOTICES, earlier.appointmentId(),
				new FollowUpDue(earlier, false, Instant.now().minusSeconds(60), Instant.now()));
		ContactInquiryReceived inquiry = new ContactInquiryReceived(InquiryId.random(), new LocationId("burlington"),
				name + " Erased", email, phone, Language.EN, "Is parking free?", Instant.now());
		this.publisher.publish(Topics.CONTACT_INQUIRIES, inquiry.inquiryId(), inquiry);
		this.publisher.publish(Topics.PATIENT_REPLIES, new PatientContact(phone),
				new FreeTextReply(new PatientContact(phone), "running late", Instant.now()));
		String today = "/today?date=" + LocalDate.ofInstant(appointment.start(), Appointments.TORONTO);
		List<String> views = List.of("/feed", today, "/follow-ups", "/inbox", "/notifications");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(page(today)).contains(name);
			assertThat(page("/follow-ups")).contains(phone);
			assertThat(page("/inbox")).contains(email).contains("running late");
		});

		String found = this.mvc.perform(get("/erasure").param("contact", phone).with(operations()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(found).contains(name + " Erased").contains(email).contains("Erase this patient");
		this.mvc.perform(post("/erasure").param("email", email).param("phone", phone).with(csrf()).with(operations()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/erasure"));

		assertThat(TopicRecords.values(this.brokers, Topics.ERASURES)).anySatisfy((erasure) -> {
			assertThat(erasure.email()).isEqualTo(email);
			assertThat(erasure.phone()).isEqualTo(phone);
			assertThat(erasure.requestedBy()).isEqualTo("privacy-lead");
			assertThat(erasure.erasureId()).isNotNull();
		});
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			for (String view : views) {
				assertThat(page(view)).as(view).doesNotContain(phone).doesNotContain(email);
			}
		});
		assertThat(row(page(today), appointment)).doesNotContain(name).contains("Confirmed");
	}

	private void state(Appointment appointment, AppointmentStatus status) {
		this.publisher.publish(Topics.APPOINTMENT_STATES, appointment.appointmentId(),
				new AppointmentState(appointment, status, Instant.now()));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor operations() {
		return user("privacy-lead").roles("FRONT_DESK", "OPERATIONS");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(frontDesk()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The table row of one appointment on the Today page. */
	private static String row(String page, Appointment appointment) {
		int at = page.indexOf("data-appointment-id=\"" + appointment.appointmentId().value() + "\"");
		assertThat(at).as("the appointment's row").isNotNegative();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	/** The sign-in form posted from {@code address}. */
	private static MockHttpServletRequestBuilder signIn(String user, String password, String address) {
		return post("/login").param("username", user).param("password", password).with(csrf()).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor frontDesk() {
		return user("frontdesk").roles("FRONT_DESK");
	}

	private HttpResponse<String> http(String path, String credentials) throws Exception {
		return http(path, credentials, "*/*");
	}

	private HttpResponse<String> http(String path, String credentials, String accept) throws Exception {
		return HttpClient.newHttpClient()
			.send(request(path, credentials, accept).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String credentials, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept);
		if (credentials != null) {
			request.header("Authorization", basic(credentials));
		}
		return request;
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private static Instant tomorrowAt(int hour) {
		return LocalDate.now(Appointments.TORONTO).plusDays(1).atTime(hour, 0).atZone(Appointments.TORONTO).toInstant();
	}

	private static String shortId() {
		return UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
	}

}
