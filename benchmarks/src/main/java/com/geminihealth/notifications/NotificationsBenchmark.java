package com.geminihealth.notifications;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
import com.geminihealth.benchmarks.TwilioApiStub;
import com.geminihealth.broker.KraftBroker;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;

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

	static final int WARMUP_EVENTS = 500;

	private NotificationsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
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
		SmtpStub smtp = new SmtpStub(arrivals).start();
		try (KraftBroker broker = KraftBroker.start(dir.resolve("kafka"), 0);
				TwilioApiStub twilio = TwilioApiStub.start(
						(to, body, nanos, millis) -> arrivals.sms(BenchmarkPatients.seqOfPhone(to), nanos, millis))) {
			BenchmarkTopics.create(broker.bootstrapServers(), Topics.ALL.stream().map(Topic::name).toList());
			List<String> extra = serviceArgs.isEmpty() ? List.of() : Arrays.asList(serviceArgs.split("\\s+"));
			ConfigurableApplicationContext service = BenchmarkService.start(broker.bootstrapServers(), smtp.port(),
					twilio.baseUrl(), smsPerSecond, dir.resolve("data"), extra);
			try (KafkaProducer<AppointmentId, AppointmentEvent> producer = producer(broker.bootstrapServers())) {
				// Warm-up
				publishBurst(producer, arrivals, 0, WARMUP_EVENTS);
				awaitAll(arrivals, 0, WARMUP_EVENTS, Duration.ofMinutes(3), "warm-up");

				// Throughput
				double loadBefore = Machine.loadAverage();
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
				double loadAfter = Machine.loadAverage();

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
			smtp.close();
			if (!keepData) {
				Directories.delete(dir);
			}
		}
		System.exit(0);
	}

	static KafkaProducer<AppointmentId, AppointmentEvent> producer(String bootstrap) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0);
		return new KafkaProducer<>(config, Topics.APPOINTMENTS.keySerde().serializer(),
				Topics.APPOINTMENTS.valueSerde().serializer());
	}

	private static void publishBurst(KafkaProducer<AppointmentId, AppointmentEvent> producer, Arrivals arrivals,
			int from, int count) {
		AppointmentConfirmed[] prepared = new AppointmentConfirmed[count];
		for (int i = 0; i < count; i++) {
			prepared[i] = BenchmarkPatients.confirmed(from + i);
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
			AppointmentConfirmed event = BenchmarkPatients.confirmed(from + i);
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			send(producer, arrivals, from + i, event);
		}
		producer.flush();
	}

	static void send(KafkaProducer<AppointmentId, AppointmentEvent> producer, Arrivals arrivals, int seq,
			AppointmentConfirmed event) {
		arrivals.published(seq);
		producer.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), event.appointmentId(), event));
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

}
