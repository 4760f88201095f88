package com.geminihealth.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.intake.IntakeApplication;
import com.geminihealth.local.LocalPipeline;
import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.reminders.RemindersApplication;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.RescheduleAppointment;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.ReminderDue;

/**
 * A year of a three-location clinic group through the whole pipeline, as
 * {@link LocalPipeline} runs it (a KRaft broker, then intake with its decider,
 * notifications, reminders and the dashboard, each in its own context, in one JVM), with
 * Twilio and SMTP stubbed at the wire ({@link ProviderStubs}); beside a raw Kafka chain
 * of the same hops on the same broker ({@link RawChain}).
 * <ol>
 * <li><b>The year</b> ({@link ClinicYear}, {@code bench.bookings}, 70,000 by default):
 * bookings from the practice-management system on the booking-commands topic (the
 * integration door) and, a share {@code bench.http-share} of them, on POST /api/bookings
 * from {@code bench.http-threads} clients; cancellations, reschedules and completions on
 * the command topic; "C" and STOP replies on patient-replies, as the Twilio webhook
 * writes them. Once the decider has decided every command, the due notices the scheduler
 * would emit over the year are published: an email 24 h and a text 2 h before every
 * appointment still standing (the scheduler holds them too, but fires them at their real
 * times, a year away). Drained when every confirmation (email, and text unless the
 * patient sent STOP) reached its stub and nothing reached the stubs or the dashboard's
 * read models for three seconds.</li>
 * <li><b>Steady</b>: {@code bench.rate} bookings a second over HTTP for
 * {@code bench.warmup-seconds} unmeasured then {@code bench.seconds} measured; latency
 * from the 202 to the confirmation email at the SMTP sink and text at the Twilio stub
 * (one nanosecond clock).</li>
 * <li><b>Raw</b>: the same number of records through three plain hops, then the same
 * steady rate.</li>
 * </ol>
 * Settings the benchmark changes, and why: the per-address rate limit of the public API
 * is off (all clients are on the loopback; a real integration would sign its requests or
 * use Kafka); quiet hours are off (the run may be at night in Toronto); texts are paced
 * at {@code bench.sms-per-second} (10,000: a messaging service's pool, not one long
 * code's 1/s); the clinic gets the benchmark's staff and a 400-day booking horizon
 * ({@link ClinicYear}); each service's Kafka clients are named after the service
 * ({@code spring.kafka.client-id}), so that their threads can be told apart.
 * <p>
 * Run: {@code ./mvnw -o -q -pl benchmarks -am -DskipTests -Pyear-benchmark verify}.
 */
public final class YearBenchmark {

	private static final Pattern METRIC_VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)");

	private final Settings settings;

	private final ClinicYear year;

	private final Arrivals arrivals;

	private final RequestId[] requestIds;

	private final boolean[] stopped;

	private LocalPipeline pipeline;

	private YearBenchmark(Settings settings) {
		this.settings = settings;
		this.year = ClinicYear.generate(settings.bookings(), settings.httpShare(),
				settings.rate() * (settings.warmUpSeconds() + settings.seconds()), 42);
		int patients = settings.bookings() + this.year.steady.size();
		this.arrivals = new Arrivals(patients);
		this.requestIds = new RequestId[patients];
		this.stopped = new boolean[patients];
	}

	public static void main(String[] args) throws Exception {
		LoggingSystem.get(YearBenchmark.class.getClassLoader())
			.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
		Settings settings = Settings.fromSystemProperties();
		Path runDir = Directories.createForRun("year-benchmark").toAbsolutePath();
		System.setProperty("java.io.tmpdir", Files.createDirectories(runDir.resolve("tmp")).toString());
		int status = 0;
		try {
			new YearBenchmark(settings).run(runDir);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			status = 1;
		}
		finally {
			if (!settings.keepData()) {
				Directories.delete(runDir);
			}
		}
		System.exit(status);
	}

	private void run(Path runDir) throws Exception {
		MachineTimes machineAtStart = MachineTimes.now();
		System.out.printf(
				"Year benchmark: %,d bookings (%,d commands, %,d replies), %.0f %% over HTTP; then %d/s "
						+ "for %d s (+%d s warm-up)%n",
				this.settings.bookings(), commands(), this.year.count(ClinicYear.Reply.class),
				this.settings.httpShare() * 100, this.settings.rate(), this.settings.seconds(),
				this.settings.warmUpSeconds());
		System.out.println("  notifications' per-send catch-up: " + (this.settings.coalescedCatchUp()
				? "coalesced across sending threads (CoalescedCatchUp, a trial)" : "as deployed"));
		System.out
			.println("  at start: " + machineAtStart.since(new MachineTimes(0, 0, 0, 0)).describe() + " (since boot)");
		Path clinic = this.year.writeClinicYaml(runDir);
		try (ProviderStubs stubs = ProviderStubs.start(this.arrivals)) {
			long startNanos = System.nanoTime();
			// Public ports of our choosing, as Tomcat names its threads after a port
			// given
			// and numbers them ("auto-N") for a port it picked.
			this.pipeline = LocalPipeline.start(runDir.resolve("data"), 0,
					new LocalPipeline.PortPlan(freePort(), freePort(), freePort(), freePort()),
					serviceArguments(stubs, clinic));
			System.out.printf("  pipeline up in %.1f s%n", (System.nanoTime() - startNanos) / 1e9);
			try {
				YearFigures yearFigures = runYear();
				SteadyFigures steady = runSteady();
				RawFigures raw;
				try {
					raw = runRaw();
				}
				catch (RuntimeException ex) {
					// The pipeline's figures are worth printing without their baseline.
					System.out.println("RAW CHAIN FAILED, its figures below are placeholders: " + ex);
					raw = new RawFigures(1, 0, 1, new long[] { 0 }, ServiceCpu.start(this::owner).stop(),
							MachineTimes.now());
				}
				report(yearFigures, steady, raw);
			}
			finally {
				this.pipeline.close();
			}
		}
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private String[] serviceArguments(ProviderStubs stubs, Path clinic) {
		List<String> arguments = new ArrayList<>(List.of("--spring.config.additional-location=file:" + clinic,
				"--spring.kafka.client-id=${spring.application.name}", "--management.server.port=0",
				"--intake.rate-limit.enabled=false", "--spring.mail.host=localhost",
				"--spring.mail.port=" + stubs.smtpPort(),
				"--notifications.sms.account-sid=AC00000000000000000000000000000001",
				"--notifications.sms.auth-token=secret",
				"--notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
				"--notifications.sms.api-base-url=" + stubs.twilioBaseUrl(),
				"--notifications.sms.messages-per-second=" + this.settings.smsPerSecond(),
				"--notifications.sms.quiet-hours.start=00:00", "--notifications.sms.quiet-hours.end=00:00",
				"--logging.level.root=WARN", "--logging.level.org.apache.kafka.common.utils.AppInfoParser=ERROR",
				"--logging.level.org.springdoc.core.events=ERROR",
				"--logging.level.org.apache.kafka.clients.NetworkClient=ERROR"));
		if (this.settings.coalescedCatchUp()) {
			arguments.add("--spring.main.sources=com.geminihealth.notifications.delivery.CoalescedCatchUp");
			arguments.add("--spring.main.allow-bean-definition-overriding=true");
		}
		if (!this.settings.serviceArgs().isBlank()) {
			arguments.addAll(Arrays.asList(this.settings.serviceArgs().strip().split("\\s+")));
		}
		return arguments.toArray(String[]::new);
	}

	private long commands() {
		return this.year.steps.stream().filter((step) -> !(step instanceof ClinicYear.Reply)).count();
	}

	// ---------------------------------------------------------------- the year

	private YearFigures runYear() throws Exception {
		String bootstrap = this.pipeline.bootstrapServers();
		URI bookings = URI.create(this.pipeline.url(IntakeApplication.class) + "/api/bookings");
		DashboardCount dashboard = new DashboardCount(
				this.pipeline.managementUrl(DashboardApplication.class) + "/actuator/metrics/dashboard.events");
		long dashboardBefore = dashboard.read();
		ServiceCpu cpu = ServiceCpu.start(this::owner);
		MachineTimes machineBefore = MachineTimes.now();
		DueNoticeDriver driver = new DueNoticeDriver(bootstrap, commands());
		driver.start();
		long start = System.nanoTime();
		HttpLoad http = new HttpLoad(bookings, this.settings.httpThreads());
		for (ClinicYear.Step step : this.year.steps) {
			if (step instanceof ClinicYear.Book book && book.http()) {
				http.submit(book);
			}
		}
		http.finish();
		try (KafkaProducer<Object, Object> producer = producer(bootstrap)) {
			for (ClinicYear.Step step : this.year.steps) {
				publish(producer, step);
			}
			producer.flush();
		}
		long sentNanos = System.nanoTime();
		http.await();
		long httpDoneNanos = System.nanoTime();
		driver.await();
		long dueNanos = driver.publishedNanos;
		// Drained: every confirmation in, then nothing new anywhere for three seconds.
		List<Integer> required = new ArrayList<>();
		for (ClinicYear.Step step : this.year.steps) {
			if (step instanceof ClinicYear.Book book) {
				required.add(book.seq());
			}
		}
		this.arrivals.awaitConfirmations(required, this.stopped, Duration.ofMinutes(20));
		long confirmationsNanos = this.arrivals.lastConfirmationNanos(required, this.stopped);
		long lastChange = System.nanoTime();
		long lastCount = -1;
		long lastDashboard = -1;
		while (System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(3)) {
			long count = this.arrivals.total();
			long seen = dashboard.read();
			if (count != lastCount || seen != lastDashboard) {
				lastCount = count;
				lastDashboard = seen;
				lastChange = System.nanoTime();
			}
			Thread.sleep(100);
		}
		long drainedNanos = Math.max(this.arrivals.lastArrivalNanos(), lastChange - TimeUnit.MILLISECONDS.toNanos(100));
		ServiceCpu.Used used = cpu.stop();
		MachineTimes machine = MachineTimes.now().since(machineBefore);
		return new YearFigures(start, sentNanos, httpDoneNanos, dueNanos, confirmationsNanos, drainedNanos,
				this.arrivals.lastArrivalNanos(), driver.reminders, this.arrivals.texts.get(),
				this.arrivals.emails.get(), lastDashboard - dashboardBefore, http.failures(), used, machine);
	}

	private void publish(KafkaProducer<Object, Object> producer, ClinicYear.Step step) {
		if (step instanceof ClinicYear.Book book) {
			if (book.http()) {
				return;
			}
			RequestId request = RequestId.random();
			this.requestIds[book.seq()] = request;
			ClinicYear.Slot slot = book.slot();
			BookAppointment command = new BookAppointment(request, new LocationId(slot.practitioner().location()),
					new ServiceId(slot.practitioner().discipline().service),
					new PractitionerId(slot.practitioner().id()), slot.start(), patient(book.seq()), null, null,
					BookingChannel.INTEGRATION);
			int seq = book.seq();
			producer.send(new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), command.location(), command),
					(metadata, exception) -> {
						if (exception == null) {
							this.arrivals.accepted(seq);
						}
					});
		}
		else if (step instanceof ClinicYear.Cancel cancel) {
			command(producer, new CancelAppointment(CommandId.random(), location(cancel.booking()),
					appointment(cancel.booking()), "Patient called", Author.integration("practice-system")));
		}
		else if (step instanceof ClinicYear.Reschedule move) {
			command(producer,
					new RescheduleAppointment(CommandId.random(), location(move.booking()), appointment(move.booking()),
							move.to().start(), new PractitionerId(move.to().practitioner().id()),
							Author.integration("practice-system")));
		}
		else if (step instanceof ClinicYear.Complete complete) {
			command(producer, new MarkCompleted(CommandId.random(), location(complete.booking()),
					appointment(complete.booking()), "Stretch twice a day", Author.frontDesk("frontdesk")));
		}
		else if (step instanceof ClinicYear.Reply reply) {
			PatientContact contact = new PatientContact(phone(reply.booking().seq()));
			PatientReply value = reply.stop()
					? new OptedOut(contact, Channel.SMS, "STOP", ReplySource.SMS_KEYWORD, Instant.now())
					: new AttendanceConfirmed(contact, Instant.now());
			if (reply.stop()) {
				this.stopped[reply.booking().seq()] = true;
			}
			producer.send(new ProducerRecord<>(Topics.PATIENT_REPLIES.name(), contact, value));
		}
	}

	private void command(KafkaProducer<Object, Object> producer, BookingCommand command) {
		producer.send(new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), command.location(), command));
	}

	private static LocationId location(ClinicYear.Book book) {
		return new LocationId(book.slot().practitioner().location());
	}

	private AppointmentId appointment(ClinicYear.Book book) {
		return AppointmentId.forRequest(this.requestIds[book.seq()]);
	}

	static Patient patient(int seq) {
		return new Patient("Patient" + seq + " Bench", email(seq), phone(seq), Language.EN,
				new Consent(true, false, false));
	}

	static String phone(int seq) {
		return "+1289" + (2_000_000 + seq);
	}

	static String email(int seq) {
		return "patient-" + seq + "@example.com";
	}

	/**
	 * One producer for every topic the benchmark writes as a door would: each record
	 * serialized by its topic's serde from the catalogue.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static KafkaProducer<Object, Object> producer(String bootstrap) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.CLIENT_ID_CONFIG, "year-integration", ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1);
		return new KafkaProducer<>(config, new ByTopic(true), new ByTopic(false));
	}

	/** Serializes with the serde the catalogue gives the record's topic. */
	private static final class ByTopic implements org.apache.kafka.common.serialization.Serializer<Object> {

		private final boolean key;

		ByTopic(boolean key) {
			this.key = key;
		}

		@Override
		public byte[] serialize(String topic, Object data) {
			return serialize(topic, new RecordHeaders(), data);
		}

		@Override
		@SuppressWarnings({ "unchecked", "rawtypes" })
		public byte[] serialize(String topic, org.apache.kafka.common.header.Headers headers, Object data) {
			com.geminihealth.schemas.Topic t = Topics.ALL.stream()
				.filter((candidate) -> candidate.name().equals(topic))
				.findFirst()
				.orElseThrow();
			org.apache.kafka.common.serialization.Serde serde = this.key ? t.keySerde() : t.valueSerde();
			return serde.serializer().serialize(topic, headers, data);
		}

	}

	/**
	 * Publishes the due notices of the year once the decider has decided every command:
	 * follows the appointments topic, keeps each appointment as it last stood, and then
	 * publishes an email reminder (24 h) and a text reminder (2 h) for each one still
	 * standing, as the scheduler would over the year.
	 */
	private final class DueNoticeDriver extends Thread {

		private final String bootstrap;

		private final long expected;

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		volatile long publishedNanos;

		volatile int reminders;

		DueNoticeDriver(String bootstrap, long expected) {
			super("year-due-notices");
			this.bootstrap = bootstrap;
			this.expected = expected;
		}

		@Override
		public void run() {
			try {
				drive();
			}
			catch (Throwable ex) {
				this.failure.set(ex);
			}
		}

		private void drive() {
			Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap,
					ConsumerConfig.GROUP_ID_CONFIG, "year-due-notice-driver", ConsumerConfig.CLIENT_ID_CONFIG,
					"year-due-notices", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
					ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
			Map<AppointmentId, Appointment> standing = new HashMap<>();
			long seen = 0;
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
			try (KafkaConsumer<AppointmentId, AppointmentEvent> consumer = new KafkaConsumer<>(config,
					Topics.APPOINTMENTS.keySerde().deserializer(), Topics.APPOINTMENTS.valueSerde().deserializer())) {
				consumer.subscribe(List.of(Topics.APPOINTMENTS.name()));
				while (seen < this.expected) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("the decider decided " + seen + " of " + this.expected);
					}
					for (ConsumerRecord<AppointmentId, AppointmentEvent> record : consumer
						.poll(Duration.ofMillis(100))) {
						seen++;
						AppointmentEvent event = record.value();
						if (event instanceof AppointmentConfirmed || event instanceof AppointmentRescheduled) {
							standing.put(event.appointmentId(), event.appointment());
						}
						else if (event instanceof AppointmentCancelled || event instanceof AppointmentCompleted
								|| event instanceof AppointmentNoShow) {
							standing.remove(event.appointmentId());
						}
					}
				}
			}
			Instant fired = Instant.now();
			try (KafkaProducer<Object, Object> producer = producer(this.bootstrap)) {
				for (Appointment appointment : standing.values()) {
					for (DueNotice notice : List.of(
							new ReminderDue(appointment, "email-24h", Channel.EMAIL,
									appointment.start().minus(Duration.ofHours(24)), fired),
							new ReminderDue(appointment, "sms-2h", Channel.SMS,
									appointment.start().minus(Duration.ofHours(2)), fired))) {
						producer
							.send(new ProducerRecord<>(Topics.DUE_NOTICES.name(), appointment.appointmentId(), notice));
						this.reminders++;
					}
				}
				producer.flush();
			}
			this.publishedNanos = System.nanoTime();
		}

		void await() throws InterruptedException {
			join();
			if (this.failure.get() != null) {
				throw new IllegalStateException("publishing the due notices failed", this.failure.get());
			}
		}

	}

	// ---------------------------------------------------------------- HTTP clients

	/** Bookings posted by a few threads, each on a kept-alive connection of its own. */
	private final class HttpLoad {

		private final ConcurrentLinkedQueue<ClinicYear.Book> queue = new ConcurrentLinkedQueue<>();

		private final List<Thread> threads = new ArrayList<>();

		private final AtomicLong failures = new AtomicLong();

		private final AtomicReference<String> firstFailure = new AtomicReference<>();

		private final URI target;

		private final int count;

		HttpLoad(URI target, int count) {
			this.target = target;
			this.count = count;
		}

		void submit(ClinicYear.Book book) {
			this.queue.add(book);
		}

		void finish() {
			for (int i = 0; i < this.count; i++) {
				Thread thread = new Thread(() -> {
					try (HttpConnection connection = new HttpConnection(this.target)) {
						ClinicYear.Book book;
						while ((book = this.queue.poll()) != null) {
							post(connection, book, this.failures, this.firstFailure);
						}
					}
					catch (IOException ex) {
						this.firstFailure.compareAndSet(null, ex.toString());
					}
				}, "year-http-" + i);
				this.threads.add(thread);
				thread.start();
			}
		}

		void await() throws InterruptedException {
			for (Thread thread : this.threads) {
				thread.join();
			}
		}

		String failures() {
			return this.failures.get()
					+ ((this.firstFailure.get() != null) ? " (first: " + this.firstFailure.get() + ")" : "");
		}

	}

	private void post(HttpConnection connection, ClinicYear.Book book, AtomicLong failures,
			AtomicReference<String> firstFailure) {
		try {
			HttpConnection.Answer answer = connection.post(bookingJson(book));
			if (answer.status() == 202) {
				this.arrivals.accepted(book.seq());
			}
			else {
				failures.incrementAndGet();
				firstFailure.compareAndSet(null, answer.status() + " " + answer.body());
			}
		}
		catch (IOException | RuntimeException ex) {
			failures.incrementAndGet();
			firstFailure.compareAndSet(null, ex.toString());
		}
	}

	private static String bookingJson(ClinicYear.Book book) {
		ClinicYear.Slot slot = book.slot();
		int seq = book.seq();
		return "{\"patientName\": \"Patient" + seq + " Bench\", \"email\": \"" + email(seq) + "\", \"mobilePhone\": \""
				+ phone(seq) + "\", \"language\": \"en\", \"smsConsent\": true, \"followUpConsent\": false, "
				+ "\"location\": \"" + slot.practitioner().location() + "\", \"service\": \""
				+ slot.practitioner().discipline().service + "\", \"practitioner\": \"" + slot.practitioner().id()
				+ "\", \"requestedStart\": \"" + slot.start() + "\"}";
	}

	// ---------------------------------------------------------------- steady rate

	private SteadyFigures runSteady() throws Exception {
		URI bookings = URI.create(this.pipeline.url(IntakeApplication.class) + "/api/bookings");
		int rate = this.settings.rate();
		List<ClinicYear.Book> all = this.year.steady;
		int warmUp = rate * this.settings.warmUpSeconds();
		ExecutorService pool = Executors.newFixedThreadPool(32, new NamedThreads("year-steady-"));
		ThreadLocal<HttpConnection> connections = ThreadLocal.withInitial(() -> new HttpConnection(bookings));
		AtomicLong failures = new AtomicLong();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		MachineTimes machineBefore = null;
		ServiceCpu cpu = null;
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		for (int i = 0; i < all.size(); i++) {
			if (i == warmUp) {
				machineBefore = MachineTimes.now();
				cpu = ServiceCpu.start(this::owner);
			}
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			ClinicYear.Book book = all.get(i);
			pool.execute(() -> post(connections.get(), book, failures, firstFailure));
		}
		pool.shutdown();
		pool.awaitTermination(2, TimeUnit.MINUTES);
		List<Integer> measured = all.subList(warmUp, all.size()).stream().map(ClinicYear.Book::seq).toList();
		this.arrivals.awaitConfirmations(measured, this.stopped, Duration.ofMinutes(5));
		ServiceCpu.Used used = cpu.stop();
		double windowSeconds = (System.nanoTime() - start) / 1e9 - this.settings.warmUpSeconds();
		MachineTimes machine = MachineTimes.now().since(machineBefore);
		long[] texts = new long[measured.size()];
		long[] emails = new long[measured.size()];
		long[] both = new long[measured.size()];
		for (int i = 0; i < measured.size(); i++) {
			int seq = measured.get(i);
			long accepted = this.arrivals.acceptedNanos.get(seq);
			texts[i] = this.arrivals.confirmationTextNanos.get(seq) - accepted;
			emails[i] = this.arrivals.confirmationEmailNanos.get(seq) - accepted;
			both[i] = Math.max(texts[i], emails[i]);
		}
		Arrays.sort(texts);
		Arrays.sort(emails);
		Arrays.sort(both);
		return new SteadyFigures(measured.size(), windowSeconds, texts, emails, both,
				failures.get() + ((firstFailure.get() != null) ? " (first: " + firstFailure.get() + ")" : ""), used,
				machine);
	}

	// ---------------------------------------------------------------- raw chain

	private RawFigures runRaw() throws Exception {
		int count = (int) commands();
		int steady = this.settings.rate() * this.settings.seconds();
		BookAppointment sample = new BookAppointment(RequestId.random(), new LocationId("burlington"),
				new ServiceId("rmt-swedish-60"), new PractitionerId("bench-burlington-rmt-1"),
				this.year.steps.stream()
					.filter(ClinicYear.Book.class::isInstance)
					.map((step) -> ((ClinicYear.Book) step).slot().start())
					.findFirst()
					.orElseThrow(),
				patient(1), null, null, BookingChannel.INTEGRATION);
		byte[] value = Topics.BOOKING_COMMANDS.valueSerde()
			.serializer()
			.serialize(Topics.BOOKING_COMMANDS.name(), new RecordHeaders(), sample);
		MachineTimes machineBefore = MachineTimes.now();
		try (RawChain chain = new RawChain(this.pipeline.bootstrapServers(), value, 2 * count + 2 * steady)) {
			// Warm-up: the same count once, not timed.
			chain.drain(count);
			ServiceCpu cpu = ServiceCpu.start(this::owner);
			long drainNanos = chain.drain(count);
			ServiceCpu.Used used = cpu.stop();
			long[] latencies = chain.steady(this.settings.rate(), this.settings.seconds());
			return new RawFigures(count, value.length, drainNanos, latencies, used,
					MachineTimes.now().since(machineBefore));
		}
	}

	// ---------------------------------------------------------------- threads to
	// services

	/**
	 * The service a thread works for, from its name: Tomcat's threads carry their port,
	 * Kafka clients the service's name (client ids), listener containers their ids,
	 * Streams threads their client id.
	 */
	private String owner(String name) {
		for (Class<?> service : List.of(IntakeApplication.class, NotificationsApplication.class,
				RemindersApplication.class, DashboardApplication.class)) {
			String port = this.pipeline.url(service).substring(this.pipeline.url(service).lastIndexOf(':') + 1);
			String management = this.pipeline.managementUrl(service)
				.substring(this.pipeline.managementUrl(service).lastIndexOf(':') + 1);
			if (name.startsWith("http-nio-" + port + "-") || name.startsWith("http-nio-" + management + "-")) {
				return serviceName(service);
			}
		}
		if (name.startsWith("http-nio-auto-")) {
			return "services' management ports";
		}
		if (name.contains("booking-intake") || name.contains("booking-decider") || name.startsWith("ledger-")) {
			return "intake (HTTP, decider)";
		}
		if (name.contains("notifications") || name.startsWith("appointment-sms") || name.startsWith("due-notice-")
				|| name.startsWith("appointment-emails") || name.startsWith("inquiry-emails")
				|| name.startsWith("notification-retries") || name.startsWith("delivery-reports")
				|| name.endsWith("-table") || name.equals("sender-share")) {
			return "notifications";
		}
		if (name.contains("reminders")) {
			return "reminders";
		}
		if (name.contains("dashboard")) {
			return "dashboard";
		}
		if (name.startsWith("stub-twilio") || name.contains("smtp") || name.contains("greenmail")
				|| name.equals("HTTP-Dispatcher")) {
			return "provider stubs";
		}
		if (name.startsWith("year-") || name.equals("main") || name.contains("year-integration")) {
			return "load generator";
		}
		if (name.contains("bench-raw")) {
			return "raw chain clients";
		}
		return "broker and other";
	}

	private static String serviceName(Class<?> service) {
		if (service == IntakeApplication.class) {
			return "intake (HTTP, decider)";
		}
		if (service == NotificationsApplication.class) {
			return "notifications";
		}
		return (service == RemindersApplication.class) ? "reminders" : "dashboard";
	}

	// ---------------------------------------------------------------- report

	private void report(YearFigures year, SteadyFigures steady, RawFigures raw) {
		int bookings = this.settings.bookings();
		double seconds = (year.drainedNanos() - year.startNanos()) / 1e9;
		double rawSeconds = raw.drainNanos() / 1e9;
		System.out.printf("%nYear benchmark on %s (%d cores, Java %s, max heap %d MB)%n", Machine.cpu(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf("  the year: %,d bookings (%,d over HTTP from %d clients, the rest from the practice system "
				+ "over Kafka), %,d cancellations, %,d reschedules, %,d completions, %,d \"C\" and %,d STOP replies; "
				+ "%,d due reminders published once decided%n", bookings,
				this.year.steps.stream().filter((s) -> s instanceof ClinicYear.Book b && b.http()).count(),
				this.settings.httpThreads(), this.year.count(ClinicYear.Cancel.class),
				this.year.count(ClinicYear.Reschedule.class), this.year.count(ClinicYear.Complete.class),
				this.year.steps.stream().filter((s) -> s instanceof ClinicYear.Reply r && !r.stop()).count(),
				this.year.steps.stream().filter((s) -> s instanceof ClinicYear.Reply r && r.stop()).count(),
				year.reminders());
		System.out.printf("  machine during the year: %s%n", year.machine().describe());
		System.out.printf("    commands all sent at %.1f s; HTTP bookings answered at %.1f s (failures: %s)%n",
				(year.sentNanos() - year.startNanos()) / 1e9, (year.httpDoneNanos() - year.startNanos()) / 1e9,
				year.httpFailures());
		System.out.printf("    decider done and due reminders published at %.1f s%n",
				(year.dueNanos() - year.startNanos()) / 1e9);
		System.out.printf("    last confirmation at the providers at %.1f s%n",
				(year.confirmationsNanos() - year.startNanos()) / 1e9);
		System.out.printf("    provider calls: %,d texts, %,d emails; dashboard read models applied %,d events%n",
				year.texts(), year.emails(), year.dashboardEvents());
		System.out.printf(
				"  YEAR DRAINED in %.1f s (last provider call or dashboard update): %,.0f bookings/s end to "
						+ "end; raw chain (3 plain hops, %,d records of %d B): %.1f s, %,.0f records/s; ratio %.3f%n",
				seconds, bookings / seconds, raw.records(), raw.recordBytes(), rawSeconds, raw.records() / rawSeconds,
				rawSeconds / seconds);
		System.out.printf("  CPU per booking over the year, by service (µs; %.1f cores on average):%n",
				year.cpu().process() / seconds);
		year.cpu()
			.byService()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach((entry) -> System.out.printf("    %-28s %8.0f µs  (%.1f s)%n", entry.getKey(),
					entry.getValue() / bookings * 1e6, entry.getValue()));
		System.out.printf("    %-28s %8.0f µs%n", "total (process)", year.cpu().process() / bookings * 1e6);
		System.out.printf("    raw chain, per record: %.0f µs of this process (%s)%n",
				raw.cpu().process() / raw.records() * 1e6, raw.machine().describe());
		System.out.println("  busiest threads over the year (digits as #): ");
		for (Map.Entry<String, Double> thread : year.cpu().top(25)) {
			System.out.printf("    %-70s %6.1f s  -> %s%n", thread.getKey(), thread.getValue(),
					owner(thread.getKey().replace('#', '1')));
		}
		System.out.printf("  STEADY %d bookings/s over HTTP, %d s measured (%,d bookings, failures: %s); %s%n",
				this.settings.rate(), this.settings.seconds(), steady.count(), steady.failures(),
				steady.machine().describe());
		System.out.printf("    202 -> confirmation text at Twilio stub:  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
				ms(Percentiles.of(steady.texts(), 50)), ms(Percentiles.of(steady.texts(), 99)),
				ms(steady.texts()[steady.texts().length - 1]));
		System.out.printf("    202 -> confirmation email at SMTP sink:   p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
				ms(Percentiles.of(steady.emails(), 50)), ms(Percentiles.of(steady.emails(), 99)),
				ms(steady.emails()[steady.emails().length - 1]));
		System.out.printf("    202 -> both handed over:                 p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
				ms(Percentiles.of(steady.both(), 50)), ms(Percentiles.of(steady.both(), 99)),
				ms(steady.both()[steady.both().length - 1]));
		System.out.printf("    raw chain at the same rate, ack -> last hop: p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
				ms(Percentiles.of(raw.latencies(), 50)), ms(Percentiles.of(raw.latencies(), 99)),
				ms(raw.latencies()[raw.latencies().length - 1]));
		System.out.printf(
				"    CPU per booking at the steady rate: %.0f µs (%.2f cores over the %.1f s until the last "
						+ "confirmation)%n",
				steady.cpu().process() / steady.count() * 1e6, steady.cpu().process() / steady.windowSeconds(),
				steady.windowSeconds());
		System.out.printf(
				"  TARGETS: year in <= 60 s: %s (%.1f s); p99 booking -> confirmation at the provider <= 500 "
						+ "ms at %d/s: %s (%.1f ms)%n",
				(seconds <= 60) ? "MET" : "NOT MET", seconds, this.settings.rate(),
				(ms(Percentiles.of(steady.both(), 99)) <= 500) ? "MET" : "NOT MET",
				ms(Percentiles.of(steady.both(), 99)));
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	// ---------------------------------------------------------------- arrivals

	/**
	 * What each patient's booking was accepted and confirmed at, and how many messages
	 * reached the providers in all.
	 */
	static final class Arrivals implements ProviderStubs.Listener {

		final AtomicLongArray acceptedNanos;

		final AtomicLongArray confirmationTextNanos;

		final AtomicLongArray confirmationEmailNanos;

		final AtomicLong texts = new AtomicLong();

		final AtomicLong emails = new AtomicLong();

		private final AtomicLong lastNanos = new AtomicLong();

		Arrivals(int patients) {
			this.acceptedNanos = new AtomicLongArray(patients);
			this.confirmationTextNanos = new AtomicLongArray(patients);
			this.confirmationEmailNanos = new AtomicLongArray(patients);
		}

		void accepted(int seq) {
			this.acceptedNanos.set(seq, System.nanoTime());
		}

		@Override
		public void text(String to, String body, long nanos, long millis) {
			this.texts.incrementAndGet();
			this.lastNanos.accumulateAndGet(nanos, Math::max);
			if (body.contains(": booked with ") && to != null && to.startsWith("+1289")) {
				int seq = Integer.parseInt(to.substring(5)) - 2_000_000;
				if (seq >= 0 && seq < this.confirmationTextNanos.length()) {
					this.confirmationTextNanos.compareAndSet(seq, 0, nanos);
				}
			}
		}

		@Override
		public void email(String to, String subject, long nanos, long millis) {
			this.emails.incrementAndGet();
			this.lastNanos.accumulateAndGet(nanos, Math::max);
			if ("Your appointment is confirmed".equals(subject) && to != null && to.startsWith("patient-")) {
				int seq = Integer.parseInt(to.substring("patient-".length(), to.indexOf('@')));
				if (seq >= 0 && seq < this.confirmationEmailNanos.length()) {
					this.confirmationEmailNanos.compareAndSet(seq, 0, nanos);
				}
			}
		}

		long total() {
			return this.texts.get() + this.emails.get();
		}

		long lastArrivalNanos() {
			return this.lastNanos.get();
		}

		/**
		 * Until each booking's confirmations arrived: email, and text unless it sent
		 * STOP.
		 */
		void awaitConfirmations(List<Integer> seqs, boolean[] stopped, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			for (int seq : seqs) {
				while (this.confirmationEmailNanos.get(seq) == 0
						|| (!stopped[seq] && this.confirmationTextNanos.get(seq) == 0)) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("no confirmation for patient " + seq + " after " + timeout
								+ " (email " + this.confirmationEmailNanos.get(seq) + ", text "
								+ this.confirmationTextNanos.get(seq) + ", accepted " + this.acceptedNanos.get(seq)
								+ "); provider calls so far: " + total());
					}
					Thread.sleep(20);
				}
			}
		}

		long lastConfirmationNanos(List<Integer> seqs, boolean[] stopped) {
			long last = 0;
			for (int seq : seqs) {
				last = Math.max(last, this.confirmationEmailNanos.get(seq));
				if (!stopped[seq]) {
					last = Math.max(last, this.confirmationTextNanos.get(seq));
				}
			}
			return last;
		}

	}

	/** The dashboard's count of events applied to its read models, from its metrics. */
	private static final class DashboardCount {

		private final HttpClient client = HttpClient.newHttpClient();

		private final URI uri;

		DashboardCount(String url) {
			this.uri = URI.create(url);
		}

		long read() {
			try {
				HttpResponse<String> answer = this.client.send(HttpRequest.newBuilder(this.uri).build(),
						HttpResponse.BodyHandlers.ofString());
				Matcher value = METRIC_VALUE.matcher(answer.body());
				return (answer.statusCode() == 200 && value.find()) ? (long) Double.parseDouble(value.group(1)) : -1;
			}
			catch (IOException ex) {
				return -1;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return -1;
			}
		}

	}

	private static final class NamedThreads implements java.util.concurrent.ThreadFactory {

		private final String prefix;

		private final AtomicInteger count = new AtomicInteger();

		NamedThreads(String prefix) {
			this.prefix = prefix;
		}

		@Override
		public Thread newThread(Runnable task) {
			return new Thread(task, this.prefix + this.count.incrementAndGet());
		}

	}

	// ---------------------------------------------------------------- figures

	private record YearFigures(long startNanos, long sentNanos, long httpDoneNanos, long dueNanos,
			long confirmationsNanos, long drainedNanos, long lastArrivalNanos, int reminders, long texts, long emails,
			long dashboardEvents, String httpFailures, ServiceCpu.Used cpu, MachineTimes machine) {
	}

	private record SteadyFigures(int count, double windowSeconds, long[] texts, long[] emails, long[] both,
			String failures, ServiceCpu.Used cpu, MachineTimes machine) {
	}

	private record RawFigures(int records, int recordBytes, long drainNanos, long[] latencies, ServiceCpu.Used cpu,
			MachineTimes machine) {
	}

	private record Settings(int bookings, double httpShare, int httpThreads, int rate, int seconds, int warmUpSeconds,
			double smsPerSecond, boolean keepData, String serviceArgs, boolean coalescedCatchUp) {

		static Settings fromSystemProperties() {
			return new Settings(Integer.getInteger("bench.bookings", 70_000),
					Double.parseDouble(System.getProperty("bench.http-share", "0.2")),
					Integer.getInteger("bench.http-threads", 16), Integer.getInteger("bench.rate", 200),
					Integer.getInteger("bench.seconds", 20), Integer.getInteger("bench.steady-warmup-seconds", 5),
					Double.parseDouble(System.getProperty("bench.sms-per-second", "10000")),
					Boolean.getBoolean("bench.keep-data"), System.getProperty("bench.service-args", ""),
					Boolean.getBoolean("bench.coalesced-catch-up"));
		}

	}

}
