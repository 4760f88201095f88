package com.geminihealth.notifications;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

import com.geminihealth.benchmarks.BenchmarkTopics;
import com.geminihealth.benchmarks.CpuUsage;
import com.geminihealth.benchmarks.Directories;
import com.geminihealth.benchmarks.Machine;
import com.geminihealth.benchmarks.Percentiles;
import com.geminihealth.broker.KraftBroker;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * How many notifications the notifications service dispatches per second, and how long an
 * appointment event takes to reach the provider at a steady rate, with the providers
 * stubbed at the wire: Twilio's Messages API by a local HTTP stub (the real Twilio SDK
 * calls it), SMTP by GreenMail (the real Jakarta Mail client talks to it).
 * <p>
 * Every event is an {@link AppointmentConfirmed} for a patient with an email address, a
 * mobile phone and SMS consent, so each yields two notifications: one email and one SMS.
 * Each event's patient has a phone number and email address of its own, which is how the
 * stubs tell which event a message came from.
 * <ol>
 * <li>Warm-up: a few hundred events, until all their messages arrived (listeners
 * assigned, code compiled).</li>
 * <li>Throughput: {@code bench.events} events published as fast as possible;
 * notifications per second from the first provider call to the last.</li>
 * <li>Latency: {@code bench.rate} events per second for {@code bench.seconds} seconds;
 * latency from the clock read just before each event is handed to the producer to the
 * provider call: for SMS the moment the stub's handler starts (nanosecond clock), for
 * email the moment GreenMail received the whole message (millisecond clock, after the
 * SMTP DATA).</li>
 * <li>Raw-Kafka baseline: a plain {@code read_committed} consumer reading the same
 * appointment records as bytes.</li>
 * </ol>
 * Run: {@code cd benchmarks && mvn -Pnotifications-benchmark verify}, with the options
 * {@code -Dbench.events=5000 -Dbench.rate=200 -Dbench.seconds=20}.
 */
public final class NotificationsBenchmark {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	static final int WARMUP_EVENTS = 500;

	/** Where every email goes once GreenMail has received it: nowhere. */
	private static final GreenMailUser RECEIVED = new UserImpl("received@example.com", "received", "received", null) {

		@Override
		public void deliver(MovingMessage message) {
		}

	};

	private NotificationsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// The JDK's HTTP server leaves Nagle's algorithm on by default: with the client's
		// delayed ACK every stubbed Twilio answer would wait ~40 ms, which Twilio does
		// not.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		// The broker logs at INFO until the service's logging.level.root=WARN takes over.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		int events = Integer.getInteger("bench.events", 5_000);
		int rate = Integer.getInteger("bench.rate", 200);
		int seconds = Integer.getInteger("bench.seconds", 20);
		double smsPerSecond = Double.parseDouble(System.getProperty("bench.sms-per-second", "10000"));
		boolean keepData = Boolean.getBoolean("bench.keep-data");
		String serviceArgs = System.getProperty("bench.service-args", "").strip();
		int steadyEvents = rate * seconds;
		int total = WARMUP_EVENTS + events + steadyEvents;
		Path dir = Directories.createForRun("notifications-benchmark");
		Arrivals arrivals = new Arrivals(total);
		Managers mail = new Managers();
		// GreenMail takes each email over SMTP and notes when its DATA ended, for
		// whom. It does not parse the email into a mailbox: a remote SMTP server
		// does that on its own CPU, not on the two cores the service uses here. The
		// integration tests read what is sent from GreenMail's mailboxes.
		mail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
			arrivals.email(seqOfEmail(recipient.getEmail()), System.currentTimeMillis());
			return RECEIVED;
		});
		SmtpServer smtp = new NoDelaySmtpServer(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_SMTP), mail);
		smtp.startService();
		if (!smtp.waitTillRunning(10_000)) {
			throw new IllegalStateException("GreenMail's SMTP server did not start");
		}
		try (KraftBroker broker = KraftBroker.start(dir.resolve("kafka"), 0);
				TwilioStub twilio = new TwilioStub(arrivals)) {
			BenchmarkTopics.create(broker.bootstrapServers(), Topics.ALL.stream().map(Topic::name).toList());
			List<String> arguments = new java.util.ArrayList<>(
					List.of("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(), "--server.port=0",
							"--spring.mail.host=localhost", "--spring.mail.port=" + smtp.getPort(),
							"--notifications.sms.account-sid=AC00000000000000000000000000000001",
							"--notifications.sms.auth-token=secret",
							"--pipeline.manage-links.secret=benchmark-only-manage-links-secret-of-32-characters",
							"--notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
							"--notifications.sms.api-base-url=" + twilio.baseUrl(),
							"--notifications.sms.messages-per-second=" + smsPerSecond,
							"--notifications.sms.quiet-hours.start=00:00", "--notifications.sms.quiet-hours.end=00:00",
							"--logging.level.root=WARN", "--logging.structured.format.console=",
							"--pipeline.data-dir=" + dir.resolve("data").toAbsolutePath()));
			if (!serviceArgs.isEmpty()) {
				arguments.addAll(Arrays.asList(serviceArgs.split("\\s+")));
			}
			ConfigurableApplicationContext service = NotificationsApplication.builder()
				.run(arguments.toArray(String[]::new));
			try (KafkaProducer<AppointmentId, AppointmentEvent> producer = producer(broker.bootstrapServers())) {
				// Warm-up
				publishBurst(producer, arrivals, 0, WARMUP_EVENTS);
				awaitAll(arrivals, 0, WARMUP_EVENTS, Duration.ofMinutes(3), "warm-up");

				// Throughput
				double loadBefore = loadAverage();
				CpuUsage cpu = CpuUsage.start();
				publishBurst(producer, arrivals, WARMUP_EVENTS, events);
				awaitAll(arrivals, WARMUP_EVENTS, events, Duration.ofMinutes(5), "throughput");
				CpuUsage.Used cpuBurst = cpu.stop();
				long first = arrivals.firstProviderMillis(WARMUP_EVENTS, events);
				long last = arrivals.lastProviderMillis(WARMUP_EVENTS, events);
				double burstSeconds = Math.max(1, last - first) / 1000.0;
				double perSecond = (2.0 * events - 1) / burstSeconds;
				long smsFirst = arrivals.firstSmsNanos(WARMUP_EVENTS, events);
				long smsLast = arrivals.lastSmsNanos(WARMUP_EVENTS, events);
				double smsPerSecondMeasured = (events - 1) / ((smsLast - smsFirst) / 1e9);
				double emailPerSecond = (events - 1) / (Math.max(1, arrivals.lastEmailMillis(WARMUP_EVENTS, events)
						- arrivals.firstEmailMillis(WARMUP_EVENTS, events)) / 1000.0);
				long burstPublishToLastMillis = last - arrivals.firstPublishMillis(WARMUP_EVENTS);

				// Latency at a steady rate
				int steadyFrom = WARMUP_EVENTS + events;
				cpu = CpuUsage.start();
				publishSteady(producer, arrivals, steadyFrom, steadyEvents, rate);
				awaitAll(arrivals, steadyFrom, steadyEvents, Duration.ofMinutes(3), "steady");
				CpuUsage.Used cpuSteady = cpu.stop();
				long[] sms = arrivals.smsLatencyNanos(steadyFrom, steadyEvents);
				long[] email = arrivals.emailLatencyMillis(steadyFrom, steadyEvents);
				double loadAfter = loadAverage();

				service.close();

				// Raw Kafka: the same records, read as bytes
				double raw = 0;
				for (int pass = 0; pass < 3; pass++) {
					raw = Math.max(raw, rawConsume(broker.bootstrapServers(), total));
				}

				System.out.printf("%nNotifications benchmark on %s (%d cores, Java %s)%n", Machine.cpu(),
						Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
				System.out.printf("  load average (1 min) before / after: %.2f / %.2f%n", loadBefore, loadAfter);
				System.out.printf(
						"  providers: Twilio Messages API stubbed over HTTP with TCP_NODELAY (real SDK), SMTP by GreenMail with TCP_NODELAY (real Jakarta Mail)%n");
				System.out.printf(
						"  SMS pacing: %.0f texts/s (a messaging service; the default of 1/s is for a single long code)%n",
						smsPerSecond);
				System.out.printf(
						"  each AppointmentConfirmed -> 1 email + 1 SMS; quiet hours off; extra service args: %s%n",
						serviceArgs.isEmpty() ? "none (as deployed)" : serviceArgs);
				System.out.printf("  throughput, %,d events published at once (%,d notifications):%n", events,
						2 * events);
				System.out.printf(
						"    dispatched:                %,8.0f notifications/s (first to last provider call, %.2f s)%n",
						perSecond, burstSeconds);
				System.out.printf("      of which SMS:            %,8.0f texts/s%n", smsPerSecondMeasured);
				System.out.printf("      of which email:          %,8.0f emails/s%n", emailPerSecond);
				System.out.printf("    first publish to last provider call: %.2f s%n",
						burstPublishToLastMillis / 1000.0);
				System.out.printf("    CPU (this JVM / machine, cores): %.2f / %.2f%n", cpuBurst.process(),
						cpuBurst.machine());
				System.out.printf(
						"  latency, %d events/s for %d s (%,d events, %,d notifications), event send -> provider call:%n",
						rate, seconds, steadyEvents, 2 * steadyEvents);
				System.out.printf(
						"    SMS   (HTTP request arrival, ns clock): p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
						Percentiles.of(sms, 50) / 1e6, Percentiles.of(sms, 99) / 1e6, sms[sms.length - 1] / 1e6);
				System.out.printf("    email (GreenMail received, ms clock):   p50 %6d ms  p99 %6d ms  max %6d ms%n",
						Percentiles.of(email, 50), Percentiles.of(email, 99), email[email.length - 1]);
				long[] both = both(sms, email);
				System.out.printf("    both channels (ms):                     p50 %6.1f ms  p99 %6.1f ms%n",
						Percentiles.of(both, 50) / 1e6, Percentiles.of(both, 99) / 1e6);
				System.out.printf("    CPU (this JVM / machine, cores): %.2f / %.2f%n", cpuSteady.process(),
						cpuSteady.machine());
				System.out.printf(
						"  raw Kafka (plain consumer, read_committed, bytes), %,d appointment records, best of 3 passes: %,8.0f records/s%n",
						total, raw);
				System.out.printf(
						"  target: >= 1,000 notifications/s: %s (%.0f); p99 <= 200 ms event -> provider call: %s (SMS %.1f ms, email %d ms)%n",
						(perSecond >= 1000) ? "MET" : "NOT MET", perSecond,
						(Percentiles.of(both, 99) / 1e6 <= 200) ? "MET" : "NOT MET", Percentiles.of(sms, 99) / 1e6,
						Percentiles.of(email, 99));
			}
		}
		finally {
			smtp.stopService();
			if (!keepData) {
				Directories.delete(dir);
			}
		}
		System.exit(0);
	}

	private static KafkaProducer<AppointmentId, AppointmentEvent> producer(String bootstrap) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0);
		return new KafkaProducer<>(config, Topics.APPOINTMENTS.keySerde().serializer(),
				Topics.APPOINTMENTS.valueSerde().serializer());
	}

	private static void publishBurst(KafkaProducer<AppointmentId, AppointmentEvent> producer, Arrivals arrivals,
			int from, int count) {
		AppointmentConfirmed[] prepared = new AppointmentConfirmed[count];
		for (int i = 0; i < count; i++) {
			prepared[i] = confirmed(from + i);
		}
		for (int i = 0; i < count; i++) {
			send(producer, arrivals, from + i, prepared[i]);
		}
		producer.flush();
	}

	private static void publishSteady(KafkaProducer<AppointmentId, AppointmentEvent> producer, Arrivals arrivals,
			int from, int count, int rate) {
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			AppointmentConfirmed event = confirmed(from + i);
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			send(producer, arrivals, from + i, event);
		}
		producer.flush();
	}

	private static void send(KafkaProducer<AppointmentId, AppointmentEvent> producer, Arrivals arrivals, int seq,
			AppointmentConfirmed event) {
		arrivals.published(seq);
		producer.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), event.appointmentId(), event));
	}

	/** A confirmation for a patient of its own, reachable by email and by text. */
	static AppointmentConfirmed confirmed(int seq) {
		Patient patient = new Patient("Olivia Martin", email(seq), phone(seq), Language.EN, new Consent(true, false));
		AppointmentId id = AppointmentId.random();
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		return new AppointmentConfirmed(new RequestId(id.uuid()),
				new Appointment(id, new LocationId("burlington"), new ServiceId("massage-60"),
						new PractitionerId("maya-chen"), "Maya Chen", start, start.plus(Duration.ofHours(1)), TORONTO,
						patient, null, 0));
	}

	static String phone(int seq) {
		return "+1289" + (2_000_000 + seq);
	}

	static String email(int seq) {
		return "patient-" + seq + "@example.com";
	}

	static int seqOfPhone(String phone) {
		return (phone != null && phone.startsWith("+1289")) ? Integer.parseInt(phone.substring(5)) - 2_000_000 : -1;
	}

	static int seqOfEmail(String address) {
		if (address == null || !address.startsWith("patient-")) {
			return -1;
		}
		return Integer.parseInt(address.substring("patient-".length(), address.indexOf('@')));
	}

	private static void awaitAll(Arrivals arrivals, int from, int count, Duration timeout, String phase)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long missingSms = arrivals.missingSms(from, count);
			long missingEmail = arrivals.missingEmail(from, count);
			if (missingSms == 0 && missingEmail == 0) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(phase + ": " + missingSms + " texts and " + missingEmail
						+ " emails did not arrive within " + timeout);
			}
			Thread.sleep(100);
		}
	}

	/**
	 * Reads all {@code total} appointment records as bytes; records per second from the
	 * first record to the last (the best of three passes is reported).
	 */
	private static double rawConsume(String bootstrap, int total) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(), ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		long count = 0;
		long first = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.APPOINTMENTS.name()));
			while (count < total) {
				for (var record : consumer.poll(Duration.ofMillis(100))) {
					first = (count == 0) ? System.nanoTime() : first;
					count++;
				}
			}
		}
		return (total - 1) / ((System.nanoTime() - first) / 1e9);
	}

	/** SMS latencies (ns) and email latencies (ms, as ns) together, sorted. */
	private static long[] both(long[] smsNanos, long[] emailMillis) {
		long[] all = new long[smsNanos.length + emailMillis.length];
		System.arraycopy(smsNanos, 0, all, 0, smsNanos.length);
		for (int i = 0; i < emailMillis.length; i++) {
			all[smsNanos.length + i] = emailMillis[i] * 1_000_000;
		}
		Arrays.sort(all);
		return all;
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * When each event was handed to the producer and when each of its two messages
	 * reached its provider; 0 until it did.
	 */
	static final class Arrivals {

		final AtomicLongArray publishedNanos;

		final AtomicLongArray publishedMillis;

		final AtomicLongArray smsNanos;

		final AtomicLongArray smsMillis;

		final AtomicLongArray emailMillis;

		Arrivals(int total) {
			this.publishedNanos = new AtomicLongArray(total);
			this.publishedMillis = new AtomicLongArray(total);
			this.smsNanos = new AtomicLongArray(total);
			this.smsMillis = new AtomicLongArray(total);
			this.emailMillis = new AtomicLongArray(total);
		}

		void published(int seq) {
			this.publishedMillis.set(seq, System.currentTimeMillis());
			this.publishedNanos.set(seq, System.nanoTime());
		}

		void sms(int seq, long nanos, long millis) {
			if (seq >= 0 && seq < this.smsNanos.length()) {
				this.smsNanos.compareAndSet(seq, 0, nanos);
				this.smsMillis.compareAndSet(seq, 0, millis);
			}
		}

		void email(int seq, long millis) {
			if (seq >= 0 && seq < this.emailMillis.length()) {
				this.emailMillis.compareAndSet(seq, 0, millis);
			}
		}

		long missingSms(int from, int count) {
			return count(from, count, (i) -> this.smsNanos.get(i) == 0);
		}

		long missingEmail(int from, int count) {
			return count(from, count, (i) -> this.emailMillis.get(i) == 0);
		}

		long firstPublishMillis(int from) {
			return this.publishedMillis.get(from);
		}

		long firstProviderMillis(int from, int count) {
			return Math.min(extreme(this.smsMillis, from, count, true), extreme(this.emailMillis, from, count, true));
		}

		long lastProviderMillis(int from, int count) {
			return Math.max(extreme(this.smsMillis, from, count, false), extreme(this.emailMillis, from, count, false));
		}

		long firstSmsNanos(int from, int count) {
			return extreme(this.smsNanos, from, count, true);
		}

		long lastSmsNanos(int from, int count) {
			return extreme(this.smsNanos, from, count, false);
		}

		long firstEmailMillis(int from, int count) {
			return extreme(this.emailMillis, from, count, true);
		}

		long lastEmailMillis(int from, int count) {
			return extreme(this.emailMillis, from, count, false);
		}

		long[] smsLatencyNanos(int from, int count) {
			return latencies(this.publishedNanos, this.smsNanos, from, count);
		}

		long[] emailLatencyMillis(int from, int count) {
			return latencies(this.publishedMillis, this.emailMillis, from, count);
		}

		/** Arrival minus publication for each event, on one clock, sorted. */
		private static long[] latencies(AtomicLongArray published, AtomicLongArray arrived, int from, int count) {
			long[] latencies = new long[count];
			for (int i = 0; i < count; i++) {
				latencies[i] = arrived.get(from + i) - published.get(from + i);
			}
			Arrays.sort(latencies);
			return latencies;
		}

		private static long extreme(AtomicLongArray values, int from, int count, boolean min) {
			long result = min ? Long.MAX_VALUE : Long.MIN_VALUE;
			for (int i = from; i < from + count; i++) {
				result = min ? Math.min(result, values.get(i)) : Math.max(result, values.get(i));
			}
			return result;
		}

		private static long count(int from, int count, java.util.function.IntPredicate predicate) {
			long n = 0;
			for (int i = from; i < from + count; i++) {
				if (predicate.test(i)) {
					n++;
				}
			}
			return n;
		}

	}

	/**
	 * Twilio's Messages API as a local stub: 201 with a message SID, the moment each
	 * request arrives noted against the event its number belongs to.
	 */
	static final class TwilioStub implements AutoCloseable {

		private final HttpServer server;

		private final ExecutorService executor = Executors.newFixedThreadPool(8);

		private final Arrivals arrivals;

		private final AtomicLong sids = new AtomicLong();

		TwilioStub(Arrivals arrivals) throws IOException {
			this.arrivals = arrivals;
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 256);
			this.server.setExecutor(this.executor);
			this.server.createContext("/", this::answer);
			this.server.start();
		}

		String baseUrl() {
			return "http://localhost:" + this.server.getAddress().getPort() + "/";
		}

		private void answer(HttpExchange exchange) throws IOException {
			long nanos = System.nanoTime();
			long millis = System.currentTimeMillis();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String to = null;
			for (String pair : body.split("&")) {
				if (pair.startsWith("To=")) {
					to = URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
				}
			}
			this.arrivals.sms(seqOfPhone(to), nanos, millis);
			String json = "{\"sid\": \"SM" + String.format("%032x", this.sids.incrementAndGet())
					+ "\", \"status\": \"queued\", \"to\": \"" + to + "\"}";
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(201, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

		@Override
		public void close() {
			this.server.stop(0);
			this.executor.shutdownNow();
		}

	}

	/**
	 * GreenMail's SMTP server with Nagle's algorithm off: it writes a multi-line reply
	 * (the EHLO's) line by line, and with the client's delayed ACK each connection would
	 * stall ~40 ms on it, which a mail server that writes its reply at once does not.
	 */
	static final class NoDelaySmtpServer extends SmtpServer {

		NoDelaySmtpServer(ServerSetup setup, Managers managers) {
			super(setup, managers);
		}

		@Override
		protected void handleClientSocket(Socket socket) throws SocketException {
			socket.setTcpNoDelay(true);
			super.handleClientSocket(socket);
		}

	}

}
