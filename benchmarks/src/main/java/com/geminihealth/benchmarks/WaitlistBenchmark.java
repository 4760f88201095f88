package com.geminihealth.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import com.geminihealth.local.LocalPipeline;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistOffered;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

/**
 * How fast a freed slot reaches the waitlist: the whole pipeline as {@link LocalPipeline}
 * runs it, with Twilio and SMTP stubbed at the wire ({@link ProviderStubs}).
 * <ol>
 * <li>Set-up, not timed: appointments are booked at the clinic's three locations until
 * there is one for every cancellation to come, and for each a patient joins the waitlist
 * for exactly its time and practitioner.</li>
 * <li>Cancellations on the booking-commands topic, as an integration sends them,
 * {@code bench.rate} a second (50 by default) for {@code bench.warmup-seconds} unmeasured
 * and {@code bench.seconds} measured. Latency: from the cancellation's acknowledgement by
 * Kafka to the offer's text reaching the Twilio stub for the waiting patient (one
 * nanosecond clock): decider, waitlist topic, notifications, provider.</li>
 * <li>Raw: the same rate through three plain Kafka hops on the same broker
 * ({@link RawChain}).</li>
 * </ol>
 * Settings the benchmark changes: quiet hours are off and offers are made around the
 * clock (the run may be at night in Toronto); texts are paced at 10,000 a second (a
 * messaging service's pool).
 * <p>
 * Run: {@code ./mvnw -o -q -pl benchmarks -am -DskipTests -Pwaitlist-benchmark verify}.
 */
public final class WaitlistBenchmark {

	private static final List<String> LOCATIONS = List.of("burlington", "oakville", "hamilton");

	/** One short service per discipline, so that every practitioner's hours fill. */
	private static final List<String> SERVICES = List.of("rmt-swedish-30", "physio-follow-up", "chiro-visit");

	private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private final int rate;

	private final int seconds;

	private final int warmUpSeconds;

	private final int count;

	private final AtomicLongArray cancelledNanos;

	private final AtomicLongArray decidedNanos;

	private final AtomicLongArray offeredNanos;

	private WaitlistBenchmark(int rate, int seconds, int warmUpSeconds) {
		this.rate = rate;
		this.seconds = seconds;
		this.warmUpSeconds = warmUpSeconds;
		this.count = rate * (seconds + warmUpSeconds);
		this.cancelledNanos = new AtomicLongArray(this.count);
		this.decidedNanos = new AtomicLongArray(this.count);
		this.offeredNanos = new AtomicLongArray(this.count);
	}

	public static void main(String[] args) throws Exception {
		LoggingSystem.get(WaitlistBenchmark.class.getClassLoader())
			.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
		Path runDir = Directories.createForRun("waitlist-benchmark").toAbsolutePath();
		System.setProperty("java.io.tmpdir", Files.createDirectories(runDir.resolve("tmp")).toString());
		int status = 0;
		try {
			new WaitlistBenchmark(Integer.getInteger("bench.rate", 50), Integer.getInteger("bench.seconds", 30),
					Integer.getInteger("bench.warmup-seconds", 5))
				.run(runDir);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			status = 1;
		}
		finally {
			Directories.delete(runDir);
		}
		System.exit(status);
	}

	private void run(Path runDir) throws Exception {
		System.out.printf("Waitlist benchmark: %d cancellations a second for %d s (+%d s warm-up), each freeing a "
				+ "slot one patient waits for%n", this.rate, this.seconds, this.warmUpSeconds);
		try (ProviderStubs stubs = ProviderStubs.start(new Offers());
				LocalPipeline pipeline = LocalPipeline.start(runDir.resolve("data"), 0, LocalPipeline.PortPlan.ANY_FREE,
						arguments(stubs))) {
			String bootstrap = pipeline.bootstrapServers();
			try (KafkaProducer<Object, Object> producer = producer(bootstrap)) {
				List<Appointment> booked = book(producer, bootstrap);
				join(producer, bootstrap, booked);
				Thread offers = followOffers(bootstrap);
				cancel(producer, booked);
				offers.interrupt();
				long[] raw = raw(bootstrap);
				int measuredFrom = this.rate * this.warmUpSeconds;
				report(latencies(this.decidedNanos, measuredFrom), latencies(this.offeredNanos, measuredFrom), raw);
			}
		}
	}

	private static String[] arguments(ProviderStubs stubs) {
		return new String[] { "--management.server.port=0", "--intake.rate-limit.enabled=false",
				"--spring.mail.host=localhost", "--spring.mail.port=" + stubs.smtpPort(),
				"--notifications.sms.account-sid=AC00000000000000000000000000000001",
				"--notifications.sms.auth-token=secret",
				"--notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
				"--notifications.sms.api-base-url=" + stubs.twilioBaseUrl(),
				"--notifications.sms.messages-per-second=10000", "--notifications.sms.quiet-hours.start=00:00",
				"--notifications.sms.quiet-hours.end=00:00", "--decider.waitlist.offers-from=00:00",
				"--decider.waitlist.offers-until=23:59:59.999", "--logging.level.root=WARN",
				"--logging.level.org.apache.kafka.common.utils.AppInfoParser=ERROR",
				"--logging.level.org.apache.kafka.clients.NetworkClient=ERROR" };
	}

	/**
	 * Books every half hour of the coming weeks at each location, anyone qualified, until
	 * there are enough appointments; the rest are declined.
	 */
	private List<Appointment> book(KafkaProducer<Object, Object> producer, String bootstrap) {
		long started = System.nanoTime();
		LocalDate first = LocalDate.now(TORONTO).plusDays(1);
		int sent = 0;
		for (int day = 0; day < 88; day++) {
			for (String location : LOCATIONS) {
				for (String service : SERVICES) {
					for (LocalTime time = LocalTime.of(7, 30); time
						.isBefore(LocalTime.of(20, 0)); time = time.plusMinutes(15)) {
						command(producer,
								new BookAppointment(RequestId.random(), new LocationId(location),
										new ServiceId(service), null, LocalDateTime.of(first.plusDays(day), time),
										patient("Booked", 2_000_000 + sent), null, null, BookingChannel.INTEGRATION));
						sent++;
					}
				}
			}
		}
		producer.flush();
		List<Appointment> booked = new ArrayList<>();
		int answered = 0;
		try (KafkaConsumer<AppointmentId, AppointmentEvent> decisions = consumer(bootstrap, Topics.APPOINTMENTS)) {
			while (answered < sent) {
				for (ConsumerRecord<AppointmentId, AppointmentEvent> record : decisions.poll(Duration.ofSeconds(1))) {
					answered++;
					if (record.value() instanceof AppointmentConfirmed confirmed && booked.size() < this.count) {
						booked.add(confirmed.appointment());
					}
				}
			}
		}
		if (booked.size() < this.count) {
			throw new IllegalStateException("only " + booked.size() + " of " + this.count + " slots could be booked");
		}
		System.out.printf("  set-up: %,d bookings decided, %,d kept, in %.1f s%n", sent, booked.size(),
				(System.nanoTime() - started) / 1e9);
		return booked;
	}

	/** One patient joins the waitlist for exactly each booked time, and nothing else. */
	private void join(KafkaProducer<Object, Object> producer, String bootstrap, List<Appointment> booked) {
		for (int i = 0; i < booked.size(); i++) {
			Appointment appointment = booked.get(i);
			LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), appointment.zone());
			command(producer,
					new JoinWaitlist(WaitlistEntryId.random(), appointment.location(), appointment.service(),
							appointment.practitioner(),
							new WaitlistWindow(start.toLocalDate(), start.toLocalDate(), start.toLocalTime(),
									start.toLocalTime()),
							patient("Waiting", 3_000_000 + i), Author.integration("waitlist-benchmark")));
		}
		producer.flush();
		int joined = 0;
		int offered = 0;
		try (KafkaConsumer<WaitlistEntryId, WaitlistEvent> waitlist = consumer(bootstrap, Topics.WAITLIST)) {
			while (joined < booked.size()) {
				for (ConsumerRecord<WaitlistEntryId, WaitlistEvent> record : waitlist.poll(Duration.ofSeconds(1))) {
					joined += (record.value() instanceof WaitlistJoined) ? 1 : 0;
					offered += (record.value() instanceof WaitlistOffered) ? 1 : 0;
				}
			}
		}
		if (offered > 0) {
			throw new IllegalStateException(offered + " patients were offered a time before any was freed");
		}
		System.out.printf("  set-up: %,d patients on the waitlists%n", joined);
	}

	/**
	 * Cancels the booked appointments at the steady rate, noting when Kafka acknowledged
	 * each; waits up to a minute for the offers' texts.
	 */
	private void cancel(KafkaProducer<Object, Object> producer, List<Appointment> booked) throws InterruptedException {
		long interval = 1_000_000_000L / this.rate;
		long start = System.nanoTime();
		for (int i = 0; i < this.count; i++) {
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			Appointment appointment = booked.get(i);
			int seq = i;
			CancelAppointment cancel = new CancelAppointment(CommandId.random(), appointment.location(),
					appointment.appointmentId(), null, Author.integration("waitlist-benchmark"));
			producer.send(record(Topics.BOOKING_COMMANDS, cancel.location(), cancel), (metadata, exception) -> {
				if (exception == null) {
					this.cancelledNanos.set(seq, System.nanoTime());
				}
			});
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (arrived(0) < this.count && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	/**
	 * Each measured cancellation's nanoseconds from its acknowledgement to
	 * {@code reached}, sorted; one that never arrived counts as infinitely late.
	 */
	private long[] latencies(AtomicLongArray reached, int measuredFrom) {
		long[] latencies = new long[this.count - measuredFrom];
		for (int i = measuredFrom; i < this.count; i++) {
			long at = reached.get(i);
			long cancelled = this.cancelledNanos.get(i);
			latencies[i - measuredFrom] = (at > 0 && cancelled > 0) ? at - cancelled : Long.MAX_VALUE;
		}
		java.util.Arrays.sort(latencies);
		return latencies;
	}

	/**
	 * Notes when each offer is readable on the waitlist topic (read_committed): the
	 * decider's part of the path.
	 */
	private Thread followOffers(String bootstrap) {
		Thread follower = new Thread(() -> {
			try (KafkaConsumer<WaitlistEntryId, WaitlistEvent> waitlist = consumer(bootstrap, Topics.WAITLIST)) {
				while (!Thread.currentThread().isInterrupted()) {
					for (ConsumerRecord<WaitlistEntryId, WaitlistEvent> record : waitlist.poll(Duration.ofMillis(50))) {
						if (record.value() instanceof WaitlistOffered offered) {
							int seq = Integer.parseInt(offered.patient().mobilePhone().substring(5)) - 3_000_000;
							this.decidedNanos.compareAndSet(seq, 0, System.nanoTime());
						}
					}
				}
			}
			catch (org.apache.kafka.common.errors.InterruptException ex) {
				// Done.
			}
		}, "waitlist-offers-follower");
		follower.start();
		return follower;
	}

	private int arrived(int from) {
		int arrived = 0;
		for (int i = from; i < this.count; i++) {
			arrived += (this.offeredNanos.get(i) > 0) ? 1 : 0;
		}
		return arrived;
	}

	private long[] raw(String bootstrap) throws Exception {
		BookingCommand sample = new CancelAppointment(CommandId.random(), new LocationId("burlington"),
				AppointmentId.random(), null, Author.integration("waitlist-benchmark"));
		byte[] value = Topics.BOOKING_COMMANDS.valueSerde()
			.serializer()
			.serialize(Topics.BOOKING_COMMANDS.name(), new RecordHeaders(), sample);
		int warmUp = this.rate * this.warmUpSeconds;
		try (RawChain chain = new RawChain(bootstrap, value, warmUp + this.rate * this.seconds)) {
			chain.steady(this.rate, this.warmUpSeconds);
			return chain.steady(this.rate, this.seconds);
		}
	}

	private void report(long[] decided, long[] latencies, long[] raw) {
		System.out.printf("%nMachine: %s, %d cores, load average %.1f%n", Machine.cpu(),
				Runtime.getRuntime().availableProcessors(), Machine.loadAverage());
		System.out.println("| path | rate | p50 | p99 | max |");
		System.out.println("| --- | --- | --- | --- | --- |");
		row("cancellation -> offer readable on the waitlist topic (decider)", decided);
		row("cancellation -> waitlist offer text at the provider", latencies);
		row("raw Kafka, three hops", raw);
		long p99 = Percentiles.of(latencies, 99);
		System.out.printf("%nTarget p99 <= 1000 ms: %s%n", (p99 <= 1_000_000_000L) ? "met" : "NOT MET");
	}

	private void row(String path, long[] sorted) {
		System.out.printf("| %s | %d/s | %s | %s | %s |%n", path, this.rate, ms(Percentiles.of(sorted, 50)),
				ms(Percentiles.of(sorted, 99)), ms(sorted[sorted.length - 1]));
	}

	private static String ms(long nanos) {
		return (nanos == Long.MAX_VALUE) ? "never" : String.format("%.1f ms", nanos / 1e6);
	}

	private static Patient patient(String name, int seq) {
		return new Patient(name + seq + " Bench", "patient-" + seq + "@example.com", "+1289" + seq, Language.EN,
				new Consent(true, false, false));
	}

	private static void command(KafkaProducer<Object, Object> producer, BookingCommand command) {
		producer.send(record(Topics.BOOKING_COMMANDS, command.location(), command));
	}

	private static <K, V> ProducerRecord<Object, Object> record(Topic<K, V> topic, K key, V value) {
		return new ProducerRecord<>(topic.name(), key, value);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static KafkaProducer<Object, Object> producer(String bootstrap) {
		Serializer keys = Topics.BOOKING_COMMANDS.keySerde().serializer();
		Serializer values = Topics.BOOKING_COMMANDS.valueSerde().serializer();
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.CLIENT_ID_CONFIG,
						"waitlist-integration", ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1),
				keys, values);
	}

	private static <K, V> KafkaConsumer<K, V> consumer(String bootstrap, Topic<K, V> topic) {
		KafkaConsumer<K, V> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"waitlist-benchmark-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				topic.keySerde().deserializer(), topic.valueSerde().deserializer());
		consumer.subscribe(List.of(topic.name()));
		return consumer;
	}

	/** Notes the first offer text to each waiting patient; everything else is ignored. */
	private final class Offers implements ProviderStubs.Listener {

		@Override
		public void text(String to, String body, long nanos, long millis) {
			int seq = Integer.parseInt(to.substring(5)) - 3_000_000;
			if (seq >= 0 && seq < WaitlistBenchmark.this.count) {
				WaitlistBenchmark.this.offeredNanos.compareAndSet(seq, 0, nanos);
			}
		}

		@Override
		public void email(String to, String subject, long nanos, long millis) {
		}

	}

}
