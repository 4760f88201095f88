package com.geminihealth.reminders.scheduler;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import com.geminihealth.benchmarks.BenchmarkTopics;
import com.geminihealth.benchmarks.Directories;
import com.geminihealth.benchmarks.Machine;
import com.geminihealth.benchmarks.Percentiles;
import com.geminihealth.benchmarks.StreamsOverrides;
import com.geminihealth.broker.KraftBroker;
import com.geminihealth.reminders.policy.FollowUps;
import com.geminihealth.reminders.policy.Policy;
import com.geminihealth.reminders.policy.QuietHours;
import com.geminihealth.reminders.policy.ReminderRule;
import com.geminihealth.reminders.policy.RemindersProperties;
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
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.ReminderDue;

/**
 * The reminders scheduler at a month's scale, against a raw exactly-once pipe on the same
 * broker, all in this JVM.
 * <p>
 * 1. Schedule: {@code bench.appointments} confirmations (default 500,000, two reminders
 * each under the default policy, so 1,000,000 reminders) starting at random over the next
 * 30 days are produced first. A scheduler under another application id runs on them for
 * ten seconds to warm the JVM up and is discarded; then the scheduler (exactly_once_v2,
 * as deployed) starts and is timed until every reminder is scheduled. Heap is measured
 * after a full GC before and after.
 * <p>
 * 2. Restart: the scheduler is closed and started again on its local state; then closed,
 * its local state deleted, and started again, so that it restores everything from the
 * changelog.
 * <p>
 * 3. Burst: {@code bench.burst} more confirmations (default 10,000) whose one reminder
 * falls due at the same instant; lateness is the notice's firedAt minus dueAt, and also
 * when an independent read_committed consumer saw it minus dueAt.
 * <p>
 * 4. Baseline: a pass-through Kafka Streams application (mapValues) at exactly_once_v2
 * over the same appointment records on the same broker.
 * <p>
 * Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests -Preminders-benchmark verify},
 * with the options {@code -Dbench.appointments=500000 -Dbench.burst=10000}.
 */
public final class RemindersBenchmark {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	static final String BURST_LOCATION = "burst";

	static final Duration WARM_UP = Duration.ofSeconds(10);

	private RemindersBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		quietKafkaLogs();
		int appointments = Integer.getInteger("bench.appointments", 500_000);
		int burst = Integer.getInteger("bench.burst", 10_000);
		Path dir = Directories.createForRun("reminders-benchmark");
		RemindersProperties properties = properties();
		try (KraftBroker broker = KraftBroker.start(dir.resolve("kafka"), 0)) {
			String bootstrap = broker.bootstrapServers();
			BenchmarkTopics.create(bootstrap,
					Stream.concat(Topics.ALL.stream().map(Topic::name), Stream.of("bench-raw-out")).toList());
			Instant now = Instant.now();
			long produceStart = System.nanoTime();
			produce(bootstrap, appointments,
					(i, random) -> now.plus(Duration.ofDays(2))
						.plusSeconds(random.nextInt(30 * 24 * 3600))
						.truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
					"burlington", 0);
			double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
			long reminders = 2L * appointments;
			long entries = reminders + appointments;

			// A scheduler of another application id schedules for WARM_UP first, so
			// that the measured one finds its code compiled, as a long-running
			// service does.
			Path warmUpState = dir.resolve("warm-up-state");
			KafkaStreams warmUp = startScheduler(bootstrap, warmUpState, properties,
					new SchedulerMetrics(new SimpleMeterRegistry()), "bench-warm-up");
			waitFor(() -> warmUp.state() == KafkaStreams.State.RUNNING, Duration.ofMinutes(2));
			Thread.sleep(WARM_UP.toMillis());
			warmUp.close(leaving());
			Directories.delete(warmUpState);

			long heapBefore = usedHeapAfterGc();
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			SchedulerMetrics metrics = new SchedulerMetrics(registry);
			Path state = dir.resolve("state");
			long startNanos = System.nanoTime();
			KafkaStreams first = startScheduler(bootstrap, state, properties, metrics);
			long firstNanos = waitFor(() -> metrics.scheduled() > 0, Duration.ofMinutes(2));
			long scheduledNanos = waitFor(() -> metrics.scheduled() >= entries, Duration.ofMinutes(30));
			double scheduleSeconds = (scheduledNanos - firstNanos) / 1e9;
			double withStartSeconds = (scheduledNanos - startNanos) / 1e9;
			long heapAfter = usedHeapAfterGc();
			long rss = rssBytes();

			first.close(leaving());
			long restartNanos = System.nanoTime();
			RESTORED.records.set(0);
			KafkaStreams restarted = startScheduler(bootstrap, state, properties, metrics);
			long warmRunning = waitFor(() -> restarted.state() == KafkaStreams.State.RUNNING, Duration.ofMinutes(5))
					- restartNanos;
			waitFor(() -> metrics.scheduled() >= entries, Duration.ofMinutes(5));
			restarted.close(leaving());
			Directories.delete(state);
			long warmRestored = RESTORED.records.getAndSet(0);
			long restoreNanos = System.nanoTime();
			KafkaStreams restored = startScheduler(bootstrap, state, properties, metrics);
			long coldRunning = waitFor(() -> restored.state() == KafkaStreams.State.RUNNING, Duration.ofMinutes(10))
					- restoreNanos;
			waitFor(() -> metrics.scheduled() >= entries, Duration.ofMinutes(5));
			long coldScheduled = System.nanoTime() - restoreNanos;
			long coldRestored = RESTORED.records.get();

			Instant due = Instant.now().plusSeconds(15).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
			produce(bootstrap, burst, (i, random) -> due.plus(Duration.ofHours(2)), BURST_LOCATION, appointments);
			waitFor(() -> metrics.scheduled() >= entries + 2L * burst, Duration.ofMinutes(2));
			if (Instant.now().isAfter(due)) {
				throw new IllegalStateException("the burst was not scheduled before it fell due; raise its lead");
			}
			Burst fired = consumeBurst(bootstrap, burst, due);
			restored.close(leaving());

			double raw = rawPipe(bootstrap, dir.resolve("raw-state"), appointments + burst);

			System.out.printf("%nReminders benchmark on %s (%d cores, Java %s, max heap %d MB, %d stream threads)%n",
					Machine.cpu(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					Runtime.getRuntime().maxMemory() >> 20, Integer.getInteger("bench.threads", 2));
			System.out.printf(
					"  workload: %,d confirmations over 30 days = %,d reminders (+ %,d end-of-session "
							+ "entries); produced at %,.0f/s%n",
					appointments, reminders, appointments, appointments / produceSeconds);
			System.out.printf(
					"  scheduling (exactly_once_v2):  %,9.0f reminders/s  (%,.0f confirmations/s; "
							+ "%.1f s from the first; %.1f s with start-up)%n",
					reminders / scheduleSeconds, appointments / scheduleSeconds, scheduleSeconds, withStartSeconds);
			System.out.printf("  raw EOS pipe (mapValues):      %,9.0f records/s  (same appointment records)%n", raw);
			System.out.printf(
					"  heap used after full GC:       %,9d MB before the scheduler, %,d MB with %,d "
							+ "scheduled (+%,d MB); process RSS %,d MB%n",
					heapBefore >> 20, heapAfter >> 20, entries, (heapAfter - heapBefore) >> 20, rss >> 20);
			System.out.printf("  restart on local state:        %9.1f s to RUNNING (%,d changelog records restored)%n",
					warmRunning / 1e9, warmRestored);
			System.out.printf(
					"  restart with state wiped:      %9.1f s to RUNNING (%,d changelog records restored), "
							+ "%.1f s until all %,d entries were counted%n",
					coldRunning / 1e9, coldRestored, coldScheduled / 1e9, entries);
			System.out.printf(
					"  burst: %,d reminders due at %s: all fired %.0f ms after, %,.0f/s; "
							+ "all visible to a read_committed consumer %.0f ms after, %,.0f/s%n",
					burst, due, fired.lastFiredMillis(), burst / (Math.max(1, fired.lastFiredMillis()) / 1e3),
					fired.lastSeenMillis(), burst / (Math.max(1, fired.lastSeenMillis()) / 1e3));
			System.out.printf("  lateness (firedAt - dueAt):    p50 %d ms, p99 %d ms, max %d ms%n",
					fired.firedPercentile(50), fired.firedPercentile(99), fired.firedPercentile(100));
			System.out.printf("  lateness as a consumer sees:   p50 %d ms, p99 %d ms, max %d ms%n",
					fired.seenPercentile(50), fired.seenPercentile(99), fired.seenPercentile(100));
			System.out.printf("  early fires: %d in the notices, %.0f on the scheduler's counter%n", fired.early(),
					metrics.earlyFires());
		}
		finally {
			if (!Boolean.getBoolean("bench.keep-data")) {
				Directories.delete(dir);
			}
		}
	}

	/**
	 * The clinic's default policy; the burst location has one email 2 h before, so that
	 * every burst appointment has exactly one reminder at the burst instant.
	 */
	static RemindersProperties properties() {
		Policy policy = new Policy(
				List.of(ReminderRule.before("email-24h", Channel.EMAIL, Duration.ofHours(24)),
						ReminderRule.before("sms-2h", Channel.SMS, Duration.ofHours(2))),
				new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), false);
		Policy burst = new Policy(List.of(ReminderRule.before("email-2h", Channel.EMAIL, Duration.ofHours(2))), null,
				null);
		return new RemindersProperties(Duration.ofMillis(200), policy, Map.of(BURST_LOCATION, burst), Map.of(),
				Map.of(), new FollowUps(Duration.ofHours(2), Duration.ofDays(28), "Rest.", Map.of()));
	}

	/** Changelog records restored since the last start. */
	static final RestoreCount RESTORED = new RestoreCount();

	static final class RestoreCount implements org.apache.kafka.streams.processor.StateRestoreListener {

		final java.util.concurrent.atomic.AtomicLong records = new java.util.concurrent.atomic.AtomicLong();

		@Override
		public void onRestoreStart(org.apache.kafka.common.TopicPartition partition, String store, long start,
				long end) {
		}

		@Override
		public void onBatchRestored(org.apache.kafka.common.TopicPartition partition, String store, long end,
				long restored) {
			this.records.addAndGet(restored);
		}

		@Override
		public void onRestoreEnd(org.apache.kafka.common.TopicPartition partition, String store, long restored) {
		}

	}

	static KafkaStreams startScheduler(String bootstrap, Path state, RemindersProperties properties,
			SchedulerMetrics metrics) {
		return startScheduler(bootstrap, state, properties, metrics, "bench-reminders");
	}

	static KafkaStreams startScheduler(String bootstrap, Path state, RemindersProperties properties,
			SchedulerMetrics metrics, String applicationId) {
		StreamsBuilder builder = new StreamsBuilder();
		RemindersTopology.build(builder, properties, metrics);
		KafkaStreams streams = new KafkaStreams(builder.build(), config(bootstrap, applicationId, state));
		streams.setGlobalStateRestoreListener(RESTORED);
		streams.start();
		return streams;
	}

	static Properties config(String bootstrap, String applicationId, Path state) {
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.STATE_DIR_CONFIG, state.toAbsolutePath().toString());
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.getInteger("bench.commit-ms", 100));
		// as reminders.yml sets them (threads: both the scheduler and the raw pipe)
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
		config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.getInteger("bench.threads", 2));
		config.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 262_144);
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		StreamsOverrides.applyTo(config);
		return config;
	}

	interface StartAt {

		Instant start(int index, Random random);

	}

	private static void produce(String bootstrap, int count, StartAt startAt, String location, int firstPatient) {
		Random random = new Random(42 + firstPatient);
		java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
		try (KafkaProducer<AppointmentId, AppointmentEvent> producer = new KafkaProducer<>(config,
				Topics.APPOINTMENTS.keySerde().serializer(), Topics.APPOINTMENTS.valueSerde().serializer())) {
			for (int i = 0; i < count; i++) {
				int number = firstPatient + i;
				Patient patient = new Patient("Patient " + number, "patient" + number + "@example.com",
						String.format("+1289%07d", number), Language.EN, new Consent(true, number % 2 == 0, false));
				Instant start = startAt.start(i, random);
				Appointment appointment = new Appointment(AppointmentId.random(), new LocationId(location),
						new ServiceId("rmt-swedish-60"), new PractitionerId("rmt-" + (number % 30)), "RMT", start,
						start.plus(Duration.ofHours(1)), TORONTO, patient, null, 0);
				producer.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), appointment.appointmentId(),
						new AppointmentConfirmed(RequestId.random(), appointment)), (metadata, exception) -> {
							if (exception != null) {
								failure.compareAndSet(null, exception);
							}
						});
				if (failure.get() != null) {
					throw new IllegalStateException("producing the workload failed", failure.get());
				}
			}
			producer.flush();
			if (failure.get() != null) {
				throw new IllegalStateException("producing the workload failed", failure.get());
			}
		}
	}

	private static Burst consumeBurst(String bootstrap, int expected, Instant due) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-burst-" + UUID.randomUUID(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		long[] fired = new long[expected];
		long[] seen = new long[expected];
		int count = 0;
		int early = 0;
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		try (KafkaConsumer<AppointmentId, DueNotice> consumer = new KafkaConsumer<>(config,
				Topics.DUE_NOTICES.keySerde().deserializer(), Topics.DUE_NOTICES.valueSerde().deserializer())) {
			consumer.subscribe(List.of(Topics.DUE_NOTICES.name()));
			while (count < expected && System.nanoTime() < deadline) {
				for (ConsumerRecord<AppointmentId, DueNotice> record : consumer.poll(Duration.ofMillis(20))) {
					long now = System.currentTimeMillis();
					if (record.value() instanceof ReminderDue reminder && count < expected) {
						fired[count] = reminder.firedAt().toEpochMilli() - reminder.dueAt().toEpochMilli();
						seen[count] = now - reminder.dueAt().toEpochMilli();
						early += (fired[count] < 0) ? 1 : 0;
						count++;
					}
				}
			}
		}
		if (count < expected) {
			throw new IllegalStateException("only " + count + " of " + expected + " burst reminders arrived");
		}
		Arrays.sort(fired);
		Arrays.sort(seen);
		return new Burst(fired, seen, early, due);
	}

	private static double rawPipe(String bootstrap, Path state, int expected) throws Exception {
		StreamsBuilder builder = new StreamsBuilder();
		builder.stream(Topics.APPOINTMENTS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
			.mapValues((value) -> value)
			.to("bench-raw-out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
		try (KafkaStreams streams = new KafkaStreams(builder.build(), config(bootstrap, "bench-raw-pipe", state))) {
			streams.start();
			Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
					ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-counter-" + UUID.randomUUID(),
					ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
					"earliest");
			long count = 0;
			long first = 0;
			try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
					new ByteArrayDeserializer())) {
				consumer.subscribe(List.of("bench-raw-out"));
				while (count < expected) {
					int polled = consumer.poll(Duration.ofMillis(100)).count();
					if (count == 0 && polled > 0) {
						first = System.nanoTime();
					}
					count += polled;
				}
			}
			double rate = (expected - 1) / ((System.nanoTime() - first) / 1e9);
			streams.close(Duration.ofSeconds(30));
			return rate;
		}
	}

	/**
	 * Closes and leaves the consumer group, so the next start gets its tasks at once
	 * instead of after the old member's session timeout.
	 */
	private static KafkaStreams.CloseOptions leaving() {
		return new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(60));
	}

	private static void quietKafkaLogs() {
		for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger", "org.apache.zookeeper")) {
			((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
				.setLevel(ch.qos.logback.classic.Level.WARN);
		}
	}

	private static long waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("timed out after " + timeout);
			}
			Thread.sleep(5);
		}
		return System.nanoTime();
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long rssBytes() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.findFirst()
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
				.orElse(0L);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Burst lateness in milliseconds, sorted. */
	private record Burst(long[] fired, long[] seen, int early, Instant due) {

		long firedPercentile(double percentile) {
			return Percentiles.of(this.fired, percentile);
		}

		long seenPercentile(double percentile) {
			return Percentiles.of(this.seen, percentile);
		}

		double lastFiredMillis() {
			return this.fired[this.fired.length - 1];
		}

		double lastSeenMillis() {
			return this.seen[this.seen.length - 1];
		}

	}

}
