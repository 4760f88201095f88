package com.geminihealth.intake;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import com.geminihealth.intake.booking.BookingForm;
import com.geminihealth.intake.challenge.Solved;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.link.ManageTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Throws generated malformed requests at every public door of a running intake over real
 * HTTP: random JSON types, missing and extra fields, huge and empty strings, deep
 * nesting, invalid UTF-8 and control characters, impossible dates, extreme numbers, wrong
 * and wildcard content types, oversized headers. The forms carry their page's CSRF token
 * and mostly answer its challenge, as a browser would; sometimes not, as a bot would. The
 * feedback page is fuzzed once the session it asks about is over, by the intake's clock.
 * Whatever arrives: no 5xx, nothing published for a refused request (no command, no
 * patient reply), every accepted booking decided, no personal data in the logs.
 * <p>
 * A few thousand cases run with the tests; a long run is
 * {@code ./mvnw -pl booking-intake -am test -Dtest=PublicDoorsFuzzTest -Djqwik.tries.default=50000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PublicDoorsFuzzTest {

	/** In every generated name, email and text, so the logs can be searched for it. */
	static final String MARKER = "Zyqxw";

	static final String PHONE = "905 555 0187";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\" value=\"([^\"]+)\"");

	private static final Pattern DIFFICULTY = Pattern.compile("data-difficulty=\"([0-9]+)\"");

	/** On the waitlist form's answer only once the patient is on the waitlist. */
	private static final String JOINED = "id=\"joined\"";

	/** On the feedback page's answer only once the answer is taken. */
	private static final String THANKS = "id=\"thanks\"";

	private static final Pattern REFERENCE = Pattern
		.compile("/(?:api/bookings|book)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

	private static ConfigurableApplicationContext intake;

	private static HttpClient http;

	private static String base;

	private static String csrfToken;

	private static final List<String> logLines = new ArrayList<>();

	private static final Set<String> accepted = ConcurrentHashMap.newKeySet();

	private static final AtomicInteger acceptedCommands = new AtomicInteger();

	private static final AtomicInteger acceptedReplies = new AtomicInteger();

	private static final AtomicInteger acceptedJoins = new AtomicInteger();

	private static final AtomicInteger acceptedAnswers = new AtomicInteger();

	private static final Map<Integer, AtomicInteger> statuses = new TreeMap<>();

	private static long commandsBefore;

	private static long repliesBefore;

	private static MovableClock clock;

	/** The session the fuzzed feedback page asks about, over once the clock is moved. */
	private static Session session;

	@BeforeContainer
	static void start() throws Exception {
		// As arguments: they override the service's own configuration file (port 8080).
		intake = new SpringApplicationBuilder(IntakeApplication.class, MovableClock.class).run(Stream
			.of("spring.config.name=" + IntakeApplication.CONFIG_NAME,
					"spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
					"pipeline.data-dir=target/test-data/fuzz-" + Instant.now().toEpochMilli(), "server.port=0",
					// Tomcat closes a connection after 100 requests, and the client may
					// already be
					// sending the next one on it: a lost request the client cannot tell
					// from a fault.
					"server.tomcat.max-keep-alive-requests=-1",
					// A decider of its own: in the group of the tests' MockMvc instance,
					// whose
					// advertised address serves nothing, a status it owns could not be
					// read.
					"spring.kafka.streams.application-id=fuzz-decider-" + Instant.now().toEpochMilli(),
					"intake.rate-limit.enabled=false", "intake.destination-limits.emails-per-day=1000000",
					"intake.destination-limits.texts-per-day=1000000",
					"intake.pages.challenge.difficulty=" + IntakeIntegrationTest.CHALLENGE_BITS,
					"intake.integrations.keys.practice-system=test-signing-secret",
					"intake.twilio.auth-token=test-twilio-token", "logging.structured.format.console=",
					"pipeline.manage-links.secret=" + IntakeIntegrationTest.MANAGE_LINK_SECRET)
			.map((property) -> "--" + property)
			.toArray(String[]::new));
		// Boot sets logging up afresh as it starts: watch from then on.
		AppenderBase<ILoggingEvent> watcher = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				synchronized (logLines) {
					logLines.add(event.getFormattedMessage() + ((event.getThrowableProxy() != null)
							? ThrowableProxyUtil.asString(event.getThrowableProxy()) : ""));
				}
			}
		};
		watcher.start();
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(watcher);
		base = "http://localhost:" + ((WebServerApplicationContext) intake).getWebServer().getPort();
		// Status reads answer 503 while the decider starts, rightly: fuzz once it runs.
		StreamsBuilderFactoryBean decider = intake.getBean(StreamsBuilderFactoryBean.class);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> decider.getKafkaStreams() != null
					&& decider.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
		http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		Matcher token = CSRF.matcher(get(BookingForm.DETAILS_PAGE).body());
		assertThat(token.find()).isTrue();
		csrfToken = token.group(1);
		clock = intake.getBean(MovableClock.class);
		session = bookedSession();
		commandsBefore = endOffsets(Topics.BOOKING_COMMANDS.name());
		repliesBefore = endOffsets(Topics.PATIENT_REPLIES.name());
	}

	/**
	 * A follow-up with Arjun Patel on a Tuesday, booked by a patient who agreed to be
	 * asked about it, once the decider has confirmed it.
	 */
	private static Session bookedSession() throws Exception {
		String start = NextWeek.MONDAY.plusDays(1) + "T10:00";
		String booking = """
				{"patientName": "Ina %s Tremblay", "email": "ina.%s@example.com", "mobilePhone": "%s",
				 "feedbackConsent": true, "location": "oakville", "service": "physio-follow-up",
				 "practitioner": "arjun-patel", "requestedStart": "%s"}""".formatted(MARKER, MARKER, PHONE, start);
		HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/bookings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(booking))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isEqualTo(202);
		String statusUrl = accepted.headers().firstValue("Location").orElseThrow();
		await().atMost(Duration.ofSeconds(60)).until(() -> get(statusUrl).body().contains("\"CONFIRMED\""));
		AppointmentId id = AppointmentId.of(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
		ManageTokens tokens = new ManageTokens(IntakeIntegrationTest.MANAGE_LINK_SECRET);
		return new Session(tokens.issueFeedback(id), tokens.issue(id, 0),
				LocalDateTime.parse(start).atZone(ZoneId.of("America/Toronto")).plusMinutes(30).toInstant());
	}

	@AfterContainer
	static void checkWhatFollowedAndStop() {
		try {
			System.out
				.println("Fuzzed doors, answers by status: " + statuses + "; accepted bookings: " + accepted.size()
						+ ", waitlist joins: " + acceptedJoins + ", feedback answers: " + acceptedAnswers);
			assertThat(statuses.keySet()).as("no answer is a server error").allMatch((status) -> status < 500);
			assertThat(acceptedJoins).as("waitlist joins taken: the fuzz reached past the form's checks")
				.hasPositiveValue();
			assertThat(acceptedAnswers).as("feedback answers taken: the fuzz reached the open question")
				.hasPositiveValue();
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(endOffsets(Topics.BOOKING_COMMANDS.name()) - commandsBefore)
					.as("commands published, one per accepted request and none for a refused one")
					.isEqualTo(acceptedCommands.get()));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(endOffsets(Topics.PATIENT_REPLIES.name()) - repliesBefore)
					.as("patient replies published, one per accepted text or answer and none for a refused one")
					.isEqualTo(acceptedReplies.get()));
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(accepted).as("accepted bookings still undecided")
					.filteredOn(PublicDoorsFuzzTest::pending)
					.isEmpty());
			synchronized (logLines) {
				assertThat(logLines).as("log lines with personal data")
					.noneMatch(
							(line) -> line.contains(MARKER) || line.contains("5550187") || line.contains("Tremblay"));
			}
		}
		finally {
			if (intake != null) {
				intake.close();
			}
		}
	}

	@Property
	void noDoorAnswers5xxPublishesWhatItRefusesOrLeavesABookingUndecided(@ForAll("requests") FuzzRequest request)
			throws Exception {
		FuzzRequest sent = (request.answer() != null) ? request.answering(get(formPage(request.path())).body())
				: request;
		HttpResponse<String> response = afterTheSessionIf(sent.path().startsWith("/feedback/"),
				() -> http.send(sent.build(base), HttpResponse.BodyHandlers.ofString()));
		int status = response.statusCode();
		synchronized (statuses) {
			statuses.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
		}
		assertThat(status).as("%s answered %s", sent, status).isLessThan(500);
		if (request.publishesCommand() && (status == 202 || status == 302)) {
			acceptedCommands.incrementAndGet();
			String location = response.headers().firstValue("Location").orElse(response.body());
			Matcher reference = REFERENCE.matcher(location);
			if (reference.find()) {
				accepted.add(reference.group(1));
			}
		}
		if ("POST".equals(sent.method()) && status == 200) {
			countAcceptedFormOrText(sent.path(), response.body());
		}
	}

	/**
	 * What a door that answers 200 to what it takes and to what it refuses took: the
	 * waitlist form and the feedback page say so on their page, a text always.
	 */
	private static void countAcceptedFormOrText(String path, String body) {
		if (path.equals("/waitlist") && body.contains(JOINED)) {
			acceptedCommands.incrementAndGet();
			acceptedJoins.incrementAndGet();
		}
		else if (path.startsWith("/feedback/") && body.contains(THANKS)) {
			acceptedReplies.incrementAndGet();
			acceptedAnswers.incrementAndGet();
		}
		else if (path.equals("/twilio/inbound")) {
			acceptedReplies.incrementAndGet();
		}
	}

	/**
	 * Sends with the intake's clock an hour past the session's end when
	 * {@code afterTheSession}, so that its feedback page asks; then puts the clock back.
	 */
	private static <T> T afterTheSessionIf(boolean afterTheSession, Callable<T> sending) throws Exception {
		if (!afterTheSession) {
			return sending.call();
		}
		clock.moveTo(session.end().plus(Duration.ofHours(1)));
		try {
			return sending.call();
		}
		finally {
			clock.reset();
		}
	}

	/**
	 * Not fuzzing: over real HTTP, as a browser, a visitor of the forms gets their CSRF
	 * token in a cookie and no session, and the token works.
	 */
	@Example
	void givesAVisitorOfTheFormsNoSessionAndTheirCsrfTokenInACookie() throws Exception {
		for (String form : List.of(BookingForm.DETAILS_PAGE, "/contact", "/waitlist")) {
			HttpResponse<String> page = newBrowser().send(HttpRequest.newBuilder(URI.create(base + form)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.headers().allValues("Set-Cookie")).as(form)
				.anySatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN=")
					.contains("HttpOnly")
					.contains("SameSite=Lax"))
				.noneSatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID"));
		}
		HttpClient browser = newBrowser();
		String page = browser
			.send(HttpRequest.newBuilder(URI.create(base + BookingForm.DETAILS_PAGE)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).isTrue();
		Map<String, byte[]> form = new LinkedHashMap<>();
		validBookingForm().forEach((name, value) -> form.put(name, value.getBytes(StandardCharsets.UTF_8)));
		form.put("requestedStart", (NextWeek.MONDAY.plusWeeks(3) + "T16:00").getBytes(StandardCharsets.UTF_8));
		form.put("_csrf", token.group(1).getBytes(StandardCharsets.UTF_8));
		FuzzRequest booking = new FuzzRequest("POST", "/book", "application/x-www-form-urlencoded", formBody(form),
				Map.of(), true, Answer.SOLVED)
			.answering(page);
		HttpResponse<String> answer = browser.send(booking.build(base), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().allValues("Set-Cookie"))
			.noneSatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID"));
		acceptedCommands.incrementAndGet();
		Matcher reference = REFERENCE.matcher(answer.headers().firstValue("Location").orElseThrow());
		assertThat(reference.find()).isTrue();
		accepted.add(reference.group(1));
	}

	private static HttpClient newBrowser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1).build();
	}

	@Provide
	Arbitrary<FuzzRequest> requests() {
		return Arbitraries.oneOf(jsonBookings(), formBookings(), contactForms(), waitlistForms(), feedbackAnswers(),
				signedCommands(), inquiries(), twilioInbound(), readSide());
	}

	private Arbitrary<FuzzRequest> jsonBookings() {
		return Combinators.combine(mutatedJson(validBooking()), contentTypes(), extraHeaders())
			.as((body, type, header) -> new FuzzRequest("POST", "/api/bookings", type, body, header, true));
	}

	private Arbitrary<FuzzRequest> inquiries() {
		return Combinators.combine(mutatedJson(validInquiry()), contentTypes(), extraHeaders())
			.as((body, type, header) -> new FuzzRequest("POST", "/api/inquiries", type, body, header, false));
	}

	private Arbitrary<FuzzRequest> signedCommands() {
		return mutatedJson(validCommand()).map((body) -> {
			String timestamp = String.valueOf(Instant.now().getEpochSecond());
			String signature = hex(hmac("HmacSHA256", "test-signing-secret",
					timestamp + "." + new String(body, StandardCharsets.ISO_8859_1)));
			return new FuzzRequest("POST", "/integrations/booking-commands", "application/json", body,
					Map.of("ce-type", "com.geminihealth.booking.BookAppointment.v1", "X-Signature-Key",
							"practice-system", "X-Signature-Timestamp", timestamp, "X-Signature", signature),
					true);
		});
	}

	private Arbitrary<FuzzRequest> formBookings() {
		return forms("/book", validBookingForm(), true);
	}

	private Arbitrary<FuzzRequest> contactForms() {
		return forms("/contact", validContactForm(), false);
	}

	/**
	 * Its joins are commands, but it answers 200 to them: see countAcceptedFormOrText.
	 */
	private Arbitrary<FuzzRequest> waitlistForms() {
		return forms("/waitlist", validWaitlistForm(), false);
	}

	/**
	 * The feedback page's form, mutated, with the CSRF token, sent mostly to the page of
	 * the session that is over, sometimes to a manage link's page or to no page at all.
	 */
	private Arbitrary<FuzzRequest> feedbackAnswers() {
		Arbitrary<String> pages = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(8, Arbitraries.just("/feedback/" + session.token())),
				net.jqwik.api.Tuple.of(1, Arbitraries.just("/feedback/" + session.manageToken())),
				net.jqwik.api.Tuple.of(1, texts().map((value) -> "/feedback/"
						+ URLEncoder.encode(new String(value, StandardCharsets.UTF_8), StandardCharsets.UTF_8))));
		Arbitrary<FuzzRequest> answers = Combinators.combine(pages, mutatedForm(validFeedbackForm()))
			.as((page, fields) -> {
				Map<String, byte[]> withToken = new LinkedHashMap<>(fields);
				withToken.put("_csrf", csrfToken.getBytes(StandardCharsets.UTF_8));
				return new FuzzRequest("POST", page, "application/x-www-form-urlencoded", formBody(withToken), Map.of(),
						false);
			});
		Arbitrary<FuzzRequest> questions = pages
			.map((page) -> new FuzzRequest("GET", page, null, null, Map.of(), false));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, answers), net.jqwik.api.Tuple.of(1, questions));
	}

	/**
	 * A page's form, mutated, with the page's CSRF token, and its challenge mostly
	 * answered, sometimes not.
	 */
	private Arbitrary<FuzzRequest> forms(String path, Map<String, String> valid, boolean publishesCommand) {
		Arbitrary<Answer> answers = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(Answer.SOLVED)),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(Answer.WRONG)),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(Answer.NONE)));
		return Combinators.combine(mutatedForm(valid), answers).as((fields, answer) -> {
			Map<String, byte[]> withToken = new LinkedHashMap<>(fields);
			withToken.put("_csrf", csrfToken.getBytes(StandardCharsets.UTF_8));
			return new FuzzRequest("POST", path, "application/x-www-form-urlencoded", formBody(withToken), Map.of(),
					publishesCommand, answer);
		});
	}

	private Arbitrary<FuzzRequest> twilioInbound() {
		return Combinators.combine(Arbitraries.of("/twilio/inbound", "/twilio/status"), mutatedForm(validTwilioForm()))
			.as((path, fields) -> new FuzzRequest("POST", path, "application/x-www-form-urlencoded", formBody(fields),
					Map.of("X-Twilio-Signature", twilioSignature(base + path, fields)), false));
	}

	private Arbitrary<FuzzRequest> readSide() {
		return Combinators
			.combine(Arbitraries.of("/api/bookings/", "/book/", "/api/availability?date=", "/waitlist/offers/"),
					texts())
			.as((path, value) -> new FuzzRequest("GET",
					path + URLEncoder.encode(new String(value, StandardCharsets.UTF_8), StandardCharsets.UTF_8), null,
					null, Map.of(), false));
	}

	// What each door accepts, before mutation.

	private static Map<String, Object> validBooking() {
		Map<String, Object> booking = new LinkedHashMap<>();
		booking.put("patientName", "Ina " + MARKER + " Tremblay");
		booking.put("email", "ina." + MARKER + "@example.com");
		booking.put("mobilePhone", PHONE);
		booking.put("language", "fr");
		booking.put("smsConsent", true);
		booking.put("location", "burlington");
		booking.put("service", "rmt-swedish-60");
		booking.put("practitioner", "maya-chen");
		booking.put("requestedStart", NextWeek.TEN_AM);
		booking.put("notes", "Left shoulder " + MARKER);
		booking.put("insurer", "Sun Life");
		booking.put("memberNumber", "12345");
		return booking;
	}

	private static Map<String, Object> validCommand() {
		Map<String, Object> command = new LinkedHashMap<>();
		command.put("requestId", "placeholder");
		command.put("location", "burlington");
		command.put("service", "rmt-swedish-60");
		command.put("requestedStart", NextWeek.TEN_AM);
		command.put("patient", Map.of("name", "Ina " + MARKER + " Tremblay", "email", "ina." + MARKER + "@example.com",
				"language", "en"));
		return command;
	}

	private static Map<String, Object> validInquiry() {
		return new LinkedHashMap<>(Map.of("name", "Ina " + MARKER, "email", "ina." + MARKER + "@example.com", "phone",
				PHONE, "language", "en", "message", "Parking? " + MARKER));
	}

	/**
	 * The page that shows the form posted to {@code path}: the booking form is its last
	 * step.
	 */
	private static String formPage(String path) {
		return "/book".equals(path) ? BookingForm.DETAILS_PAGE : path;
	}

	private static Map<String, String> validBookingForm() {
		Map<String, String> form = new LinkedHashMap<>();
		validBooking().forEach((name, value) -> form.put(name, String.valueOf(value)));
		form.put("language", "FR");
		form.putAll(BookingForm.noRedFlags());
		return form;
	}

	private static Map<String, String> validContactForm() {
		Map<String, String> form = new LinkedHashMap<>();
		validInquiry().forEach((name, value) -> form.put(name, String.valueOf(value)));
		return form;
	}

	private static Map<String, String> validWaitlistForm() {
		LocalDate today = LocalDate.now(ZoneId.of("America/Toronto"));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("patientName", "Ina " + MARKER + " Tremblay");
		form.put("email", "ina." + MARKER + "@example.com");
		form.put("mobilePhone", PHONE);
		form.put("language", "fr");
		form.put("smsConsent", "true");
		form.put("feedbackConsent", "true");
		form.put("location", "burlington");
		form.put("service", "rmt-swedish-60");
		form.put("practitioner", "maya-chen");
		form.put("firstDay", today.plusDays(1).toString());
		form.put("lastDay", today.plusDays(10).toString());
		form.put("earliest", "09:00");
		form.put("latest", "12:30");
		return form;
	}

	private static Map<String, String> validFeedbackForm() {
		return new LinkedHashMap<>(Map.of("score", "4", "comment", "My shoulder " + MARKER + " is better"));
	}

	private static Map<String, String> validTwilioForm() {
		return new LinkedHashMap<>(Map.of("From", "+1" + PHONE.replace(" ", ""), "Body", "HELP " + MARKER, "MessageSid",
				"SM" + "0123456789abcdef".repeat(2), "MessageStatus", "delivered", "notification", "n-" + MARKER));
	}

	// Mutations.

	private Arbitrary<byte[]> mutatedJson(Map<String, Object> valid) {
		List<String> fields = new ArrayList<>(valid.keySet());
		fields.add("unexpected");
		return Combinators
			.combine(Arbitraries.of(fields), jsonValues(), Arbitraries.integers().between(0, 9),
					Arbitraries.integers().between(0, 1_000_000))
			.as((field, value, how, seed) -> {
				Map<String, Object> body = new LinkedHashMap<>(valid);
				body.computeIfPresent("requestId", (k, v) -> java.util.UUID.randomUUID().toString());
				return switch (how) {
					case 0 -> json(without(body, field)).getBytes(StandardCharsets.UTF_8);
					case 1 -> nest(seed % 3000).getBytes(StandardCharsets.UTF_8);
					case 2 -> truncate(json(body), seed);
					case 3 -> withInvalidUtf8(json(body), seed);
					default -> json(with(body, field, value)).getBytes(StandardCharsets.UTF_8);
				};
			});
	}

	private Arbitrary<Map<String, byte[]>> mutatedForm(Map<String, String> valid) {
		List<String> fields = new ArrayList<>(valid.keySet());
		return Combinators.combine(Arbitraries.of(fields), texts(), Arbitraries.integers().between(0, 3))
			.as((field, value, how) -> {
				Map<String, byte[]> form = new LinkedHashMap<>();
				valid.forEach((name, text) -> form.put(name, text.getBytes(StandardCharsets.UTF_8)));
				if (how == 0) {
					form.remove(field);
				}
				else {
					form.put(field, value);
				}
				return form;
			});
	}

	private Arbitrary<Object> jsonValues() {
		return Arbitraries.oneOf(texts().map((bytes) -> new String(bytes, StandardCharsets.UTF_8)),
				Arbitraries.of(true, false, Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, 1e308, -0.0),
				Arbitraries.just(List.of(1, "two")), Arbitraries.just(Map.of("nested", Map.of("deeper", MARKER))),
				Arbitraries.just(new Null()));
	}

	private Arbitrary<byte[]> texts() {
		Arbitrary<String> text = Arbitraries.oneOf(
				Arbitraries.of("", " ", "2026-02-30T11:00", "Monday 11am", "+99999-01-01T10:00", "99999-01-01T11:00",
						"0000-01-01T00:00", "2026-12-31T24:00", "en", "EN", "fr", "de", "ina@clinic", "a@b.c",
						"not-a-uuid", "00000000-0000-0000-0000-000000000000", "burlington", "../../etc/passwd",
						"<script>alert(1)</script>", "' OR 1=1 --", "%00", "9223372036854775807", "NaN", "null",
						"\u0000", "\u202E", "\uD83D\uDE00", "STOP", "AIDE"),
				Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40),
				Arbitraries.strings().all().ofMaxLength(20),
				Arbitraries.integers().between(1, 200_000).map((length) -> "x".repeat(length)));
		return Combinators.combine(text, Arbitraries.integers().between(0, 5)).as((value, how) -> switch (how) {
			case 0 -> new byte[] { (byte) 0xC0, (byte) 0x80, 'a' };
			case 1 -> new byte[] { (byte) 0xFF, (byte) 0xFE, 'b' };
			case 2 -> (value + MARKER).getBytes(StandardCharsets.UTF_8);
			default -> value.getBytes(StandardCharsets.UTF_8);
		});
	}

	private Arbitrary<String> contentTypes() {
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
				net.jqwik.api.Tuple.of(1,
						Arbitraries.of("*/*", "application/*", "text/plain", "application/xml",
								"application/json; charset=latin1", "application/x-www-form-urlencoded",
								"multipart/form-data", "application/json;;;", "garbage", "")));
	}

	private Arbitrary<Map<String, String>> extraHeaders() {
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.just(Map.<String, String>of())),
				net.jqwik.api.Tuple.of(1,
						Arbitraries.integers()
							.between(1, 20_000)
							.map((length) -> Map.of("Idempotency-Key", "k".repeat(length)))));
	}

	// Building bodies.

	private static Map<String, Object> without(Map<String, Object> body, String field) {
		body.remove(field);
		return body;
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		body.put(field, value);
		return body;
	}

	private static String nest(int depth) {
		return "{\"patientName\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
	}

	private static byte[] truncate(String json, int seed) {
		return json.substring(0, seed % json.length()).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] withInvalidUtf8(String json, int seed) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		int at = json.indexOf(MARKER);
		bytes[(at >= 0) ? at : seed % bytes.length] = (byte) ((seed % 2 == 0) ? 0xC0 : 0xFF);
		return bytes;
	}

	private static String json(Object value) {
		if (value == null || value instanceof Null) {
			return "null";
		}
		if (value instanceof String text) {
			StringBuilder quoted = new StringBuilder("\"");
			text.chars().forEach((c) -> {
				if (c == '"' || c == '\\') {
					quoted.append('\\').append((char) c);
				}
				else if (c < 0x20) {
					quoted.append(String.format("\\u%04x", c));
				}
				else {
					quoted.append((char) c);
				}
			});
			return quoted.append('"').toString();
		}
		if (value instanceof Map<?, ?> map) {
			List<String> members = new ArrayList<>();
			map.forEach((name, member) -> members.add(json(name) + ":" + json(member)));
			return "{" + String.join(",", members) + "}";
		}
		if (value instanceof List<?> list) {
			return "[" + String.join(",", list.stream().map(PublicDoorsFuzzTest::json).toList()) + "]";
		}
		return String.valueOf(value);
	}

	private static byte[] formBody(Map<String, byte[]> fields) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> {
			if (body.size() > 0) {
				body.write('&');
			}
			body.writeBytes(URLEncoder.encode(name, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII));
			body.write('=');
			for (byte b : value) {
				body.writeBytes(String.format("%%%02X", b & 0xff).getBytes(StandardCharsets.US_ASCII));
			}
		});
		return body.toByteArray();
	}

	private static String twilioSignature(String url, Map<String, byte[]> fields) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(fields)
			.forEach((name, value) -> data.append(name).append(new String(value, StandardCharsets.UTF_8)));
		return Base64.getEncoder().encodeToString(hmac("HmacSHA1", "test-twilio-token", data.toString()));
	}

	/** The signatures are written out here independently of the intake's code. */
	private static byte[] hmac(String algorithm, String secret, String data) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return mac.doFinal(
					data.getBytes((algorithm.endsWith("256")) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	private static boolean pending(String requestId) {
		try {
			return get("/api/bookings/" + requestId).body().contains("\"PENDING\"");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static long endOffsets(String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				System.getProperty("spring.embedded.kafka.brokers")))) {
			Map<TopicPartition, OffsetSpec> partitions = new LinkedHashMap<>();
			admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()
				.forEach((partition) -> partitions.put(new TopicPartition(topic, partition.partition()),
						OffsetSpec.latest()));
			return admin.listOffsets(partitions)
				.all()
				.get()
				.values()
				.stream()
				.mapToLong((offset) -> offset.offset())
				.sum();
		}
	}

	/** What a form post does with its page's proof of work. */
	enum Answer {

		SOLVED, WRONG, NONE

	}

	/**
	 * The session the feedback page asks about: its feedback link's token, its manage
	 * link's, and when it ends.
	 */
	private record Session(String token, String manageToken, Instant end) {
	}

	/** JSON's null, which a map of this test cannot hold as a value. */
	private record Null() {
	}

	/** One request to one door, printed short when a case fails. */
	record FuzzRequest(String method, String path, String contentType, byte[] body, Map<String, String> headers,
			boolean publishesCommand, Answer answer) {

		FuzzRequest(String method, String path, String contentType, byte[] body, Map<String, String> headers,
				boolean publishesCommand) {
			this(method, path, contentType, body, headers, publishesCommand, null);
		}

		/** This form with the proof of work of {@code page}'s challenge, as asked. */
		FuzzRequest answering(String page) {
			Matcher challenge = CHALLENGE.matcher(page);
			Matcher difficulty = DIFFICULTY.matcher(page);
			assertThat(challenge.find() && difficulty.find()).as("the form's challenge").isTrue();
			String nonce = switch (this.answer) {
				case SOLVED -> Solved.answer(challenge.group(1), Integer.parseInt(difficulty.group(1)));
				case WRONG -> "0";
				case NONE -> "";
			};
			byte[] fields = ("&challenge=" + challenge.group(1) + "&nonce=" + nonce)
				.getBytes(StandardCharsets.US_ASCII);
			byte[] answered = Arrays.copyOf(this.body, this.body.length + fields.length);
			System.arraycopy(fields, 0, answered, this.body.length, fields.length);
			return new FuzzRequest(this.method, this.path, this.contentType, answered, this.headers,
					this.publishesCommand, this.answer);
		}

		HttpRequest build(String base) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + this.path))
				.timeout(Duration.ofSeconds(30))
				.method(this.method, (this.body != null) ? HttpRequest.BodyPublishers.ofByteArray(this.body)
						: HttpRequest.BodyPublishers.noBody());
			if (this.contentType != null && !this.contentType.isEmpty()) {
				request.header("Content-Type", this.contentType);
			}
			this.headers.forEach(request::header);
			return request.build();
		}

		@Override
		public String toString() {
			String shown = (this.body != null)
					? new String(this.body, 0, Math.min(this.body.length, 300), StandardCharsets.UTF_8) : "";
			return this.method + " " + this.path + " [" + this.contentType + "] " + shown
					+ ((this.answer != null) ? " (challenge " + this.answer + ")" : "");
		}

	}

}
