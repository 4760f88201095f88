package com.geminihealth.notifications;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.LoggerFactory;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;

import com.geminihealth.benchmarks.BenchmarkTopics;
import com.geminihealth.benchmarks.CpuUsage;
import com.geminihealth.benchmarks.Directories;
import com.geminihealth.benchmarks.Machine;
import com.geminihealth.benchmarks.Percentiles;
import com.geminihealth.benchmarks.TwilioApiStub;
import com.geminihealth.broker.KraftBroker;
import com.geminihealth.notifications.delivery.RetryBacklog;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.reminder.Channel;

/**
 * After an outage of the mail server: how long the backlog it left takes to drain once
 * the server is back, and how long new confirmations arriving meanwhile take to reach it.
 * New patients must not wait behind the backlog.
 * <p>
 * The backlog is of emails: a confirmation's patient gave an email address only. Texts
 * are paced per sender (one a second for a long code), so 10,000 of them take hours to
 * send however the service drains them; the retry path they take is the same one.
 * <ol>
 * <li>Warm-up: a few hundred confirmations with the mail server up, until all
 * arrived.</li>
 * <li>Outage: the mail server stops (connections refused, as when it is down) and
 * {@code bench.backlog} confirmations are published. Each first attempt fails, and so do
 * the retries: the service puts them on {@code notifications.retry} with the retry
 * schedule compressed by {@code bench.first-delay} and {@code bench.max-delay} (the
 * deployed 1 s and 15 min). The outage lasts until every confirmation's first attempt
 * failed and went onto the retry stream, and at least {@code bench.outage-seconds}, so
 * that the waits have grown towards the longest.</li>
 * <li>Return: the mail server starts again on the same port. The drain is the time from
 * then until every backlog email reached it; each must arrive exactly once.</li>
 * <li>During the drain, new confirmations at {@code bench.rate} a second, from the return
 * until the backlog is drained: the time from the clock read just before each is handed
 * to the producer to the moment the mail server received the whole email (p50, p99,
 * max).</li>
 * <li>Raw baseline, same run, service stopped: one plain consumer reading the backlog's
 * records and sending each as a plain text email over one kept-open SMTP connection, the
 * least any drain must do.</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests -Pdrain-benchmark verify}, with
 * the options {@code -Dbench.backlog=10000 -Dbench.drain-rate=20 -Dbench.first-delay=1s
 * -Dbench.max-delay=10s -Dbench.outage-seconds=30}.
 */
public final class BacklogDrainBenchmark {

	static final int WARMUP_EVENTS = 500;

	/** The consumer group of the service's listener that emails about appointments. */
	static final String EMAIL_LISTENER = "appointment-emails";

	/** The most new confirmations: at 20 a second, ten minutes of draining. */
	static final int MOST_NEW = 12_000;

	private BacklogDrainBenchmark() {
	}

	public static void main(String[] args) {
		try {
			run();
		}
		catch (Throwable ex) {
			// Or the service's listeners keep the JVM alive, retrying on a broker gone.
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	private static void run() throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		int backlog = Integer.getInteger("bench.backlog", 10_000);
		int rate = Integer.getInteger("bench.rate", 20);
		String firstDelay = System.getProperty("bench.first-delay", "1s");
		String maxDelay = System.getProperty("bench.max-delay", "10s");
		int outageSeconds = Integer.getInteger("bench.outage-seconds", 30);
		int outageTimeoutSeconds = Integer.getInteger("bench.outage-timeout-seconds", 600);
		int drainTimeoutSeconds = Integer.getInteger("bench.drain-timeout-seconds", 600);
		boolean keepData = Boolean.getBoolean("bench.keep-data");
		String serviceArgs = System.getProperty("bench.service-args", "").strip();
		int backlogFrom = WARMUP_EVENTS;
		int newFrom = backlogFrom + backlog;
		int mostNew = Math.min(MOST_NEW, rate * drainTimeoutSeconds);
		Path dir = Directories.createForRun("drain-benchmark");
		Arrivals arrivals = new Arrivals(newFrom + mostNew);
		SmtpStub smtp = new SmtpStub(arrivals).start();
		Machine.CpuTimes machineBefore = Machine.CpuTimes.now();
		double loadBefore = Machine.loadAverage();
		try (KraftBroker broker = KraftBroker.start(dir.resolve("kafka"), 0);
				TwilioApiStub twilio = TwilioApiStub.start(
						(to, body, nanos, millis) -> arrivals.sms(BenchmarkPatients.seqOfPhone(to), nanos, millis))) {
			String bootstrap = broker.bootstrapServers();
			BenchmarkTopics.create(bootstrap, Topics.ALL.stream().map(Topic::name).toList());
			List<String> extra = new ArrayList<>(List.of("--notifications.retry.first-delay=" + firstDelay,
					"--notifications.retry.max-delay=" + maxDelay));
			if (!serviceArgs.isEmpty()) {
				extra.addAll(Arrays.asList(serviceArgs.split("\\s+")));
			}
			ConfigurableApplicationContext service = BenchmarkService.start(bootstrap, smtp.port(), twilio.baseUrl(), 1,
					dir.resolve("data"), extra);
			RetryBacklog retries = service.getBean(RetryBacklog.class);
			MeterRegistry meters = service.getBean(MeterRegistry.class);
			Drain drain;
			long[] newLatencies;
			int published;
			CpuUsage.Used cpuDrain;
			long duplicates;
			long outageMillis;
			long waitingAtReturn;
			long attemptsDuringOutage;
			Duration oldestAtReturn;
			try (KafkaProducer<AppointmentId, AppointmentEvent> producer = NotificationsBenchmark.producer(bootstrap)) {
				// Warm-up
				publishBurst(producer, arrivals, 0, WARMUP_EVENTS);
				awaitEmails(arrivals, 0, WARMUP_EVENTS, Duration.ofMinutes(3), "warm-up");

				// Outage
				smtp.stop();
				long down = System.currentTimeMillis();
				publishBurst(producer, arrivals, backlogFrom, backlog);
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(outageTimeoutSeconds);
				long nextProgress = down + 5_000;
				try (Offsets offsets = new Offsets(bootstrap)) {
					long firstAttempts;
					while ((firstAttempts = failedHandlings(meters, EMAIL_LISTENER)) < backlog
							|| System.currentTimeMillis() - down < outageSeconds * 1000L) {
						if (System.nanoTime() > deadline) {
							throw new IllegalStateException("outage: only " + firstAttempts + " of " + backlog
									+ " confirmations were tried within " + outageTimeoutSeconds + " s");
						}
						if (System.currentTimeMillis() >= nextProgress) {
							nextProgress += 5_000;
							System.out.printf(
									"outage %5.1f s: first attempts failed %,6d, failed attempts queued for retry %,7d, emails seen waiting by the retry listener %,6d (load %.1f)%n",
									(System.currentTimeMillis() - down) / 1000.0, firstAttempts,
									offsets.end(Topics.NOTIFICATIONS_RETRIES.name()), retries.count(Channel.EMAIL),
									Machine.loadAverage());
						}
						Thread.sleep(200);
					}
					attemptsDuringOutage = offsets.end(Topics.NOTIFICATIONS_RETRIES.name());
				}
				if (arrivals.missingEmail(backlogFrom, backlog) != backlog) {
					throw new IllegalStateException("emails arrived while the mail server was down");
				}
				waitingAtReturn = retries.count(Channel.EMAIL);
				oldestAtReturn = retries.oldestWait(Channel.EMAIL);

				// Return, and new confirmations during the drain
				CpuUsage cpu = CpuUsage.start();
				long back = System.currentTimeMillis();
				outageMillis = back - down;
				smtp.start();
				drain = new Drain(arrivals, backlogFrom, backlog, newFrom, back, retries);
				published = publishDuring(producer, arrivals, newFrom, mostNew, rate, drain,
						Duration.ofSeconds(drainTimeoutSeconds));
				awaitEmails(arrivals, newFrom, published, Duration.ofMinutes(2), "new confirmations");
				cpuDrain = cpu.stop();
				newLatencies = arrivals.emailLatencyMillis(newFrom, published);
				// Anything sent twice would arrive soon after: the longest retry wait.
				Thread.sleep(Math.max(5_000, DurationStyle.detectAndParse(maxDelay).toMillis() + 2_000));
				duplicates = arrivals.duplicateEmails(0, newFrom + published);
			}
			service.close();

			// Raw: the backlog's records read by a plain consumer and sent over one SMTP
			// connection
			Raw raw = raw(bootstrap, smtp, backlogFrom, backlog);
			Machine.CpuTimes machine = Machine.CpuTimes.now().since(machineBefore);
			double loadAfter = Machine.loadAverage();

			long drainMillis = arrivals.lastEmailMillis(backlogFrom, backlog) - drain.back;
			long firstBacklog = arrivals.firstEmailMillis(backlogFrom, backlog) - drain.back;
			double backlogSeconds = (arrivals.lastEmailMillis(backlogFrom, backlog)
					- arrivals.firstEmailMillis(backlogFrom, backlog)) / 1000.0;
			long p99 = Percentiles.of(newLatencies, 99);
			System.out.printf("%nBacklog drain benchmark on %s (%d cores, Java %s)%n", Machine.cpu(),
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
			System.out.printf(
					"  machine over the run: load average (1 min) %.2f before / %.2f after, "
							+ "I/O wait %.1f %%, steal %.1f %%%n",
					loadBefore, loadAfter, machine.iowaitPercent(), machine.stealPercent());
			System.out.printf(
					"  mail server: GreenMail over SMTP with TCP_NODELAY (real Jakarta Mail), stopped for the outage (connections refused); emails only (patients without a phone)%n");
			System.out.printf(
					"  retry schedule compressed: first delay %s, x2, max delay %s (deployed: 1s, x2, 15m); quiet hours off; extra service args: %s%n",
					firstDelay, maxDelay, serviceArgs.isEmpty() ? "none" : serviceArgs);
			System.out.printf(
					"  outage: %,d confirmations published, mail server down %.1f s, %,d failed attempts queued for retry; at its return %,d emails seen waiting by the retry listener (the oldest for %.1f s)%n",
					backlog, outageMillis / 1000.0, attemptsDuringOutage, waitingAtReturn,
					oldestAtReturn.toMillis() / 1000.0);
			System.out.printf(
					"  drain: all %,d backlog emails at the mail server %.2f s after its return (first after %.2f s; first to last %.2f s, %,.0f emails/s)%n",
					backlog, drainMillis / 1000.0, firstBacklog / 1000.0, backlogSeconds,
					(backlog - 1) / Math.max(0.001, backlogSeconds));
			System.out.printf("    exactly once: %,d missing, %,d received more than once (of %,d emails in the run)%n",
					arrivals.missingEmail(backlogFrom, backlog), duplicates, newFrom + published);
			System.out.printf(
					"  new confirmations during the drain: %,d at %d/s, event send -> mail server received (ms clock): p50 %,d ms  p99 %,d ms  max %,d ms%n",
					published, rate, Percentiles.of(newLatencies, 50), p99, newLatencies[newLatencies.length - 1]);
			System.out.printf("    CPU over the drain (this JVM / machine, cores): %.2f / %.2f%n", cpuDrain.process(),
					cpuDrain.machine());
			System.out.printf("  progress, seconds after the return:%n");
			drain.timeline().forEach((line) -> System.out.printf("    %s%n", line));
			System.out.printf(
					"  raw baseline, same run (service stopped): one plain read_committed consumer -> one kept-open SMTP connection, the %,d backlog records as plain text emails: %.2f s (%,.0f emails/s)%n",
					raw.count(), raw.seconds(), (raw.count() - 1) / raw.seconds());
			System.out.printf("  target: p99 < 5 s for new confirmations during the drain: %s (%,d ms)%n",
					(p99 < 5_000) ? "MET" : "NOT MET", p99);
		}
		finally {
			smtp.close();
			if (!keepData) {
				Directories.delete(dir);
			}
		}
	}

	private static void publishBurst(KafkaProducer<AppointmentId, AppointmentEvent> producer, Arrivals arrivals,
			int from, int count) {
		AppointmentConfirmed[] prepared = new AppointmentConfirmed[count];
		for (int i = 0; i < count; i++) {
			prepared[i] = BenchmarkPatients.confirmedByEmail(from + i);
		}
		for (int i = 0; i < count; i++) {
			NotificationsBenchmark.send(producer, arrivals, from + i, prepared[i]);
		}
		producer.flush();
	}

	/**
	 * Publishes new confirmations at {@code rate} a second until the backlog is drained;
	 * returns how many.
	 */
	private static int publishDuring(KafkaProducer<AppointmentId, AppointmentEvent> producer, Arrivals arrivals,
			int from, int most, int rate, Drain drain, Duration timeout) {
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		int count = 0;
		while (!drain.done()) {
			if (count == most || System.nanoTime() - start > timeout.toNanos()) {
				throw new IllegalStateException("the backlog did not drain within " + timeout + ": "
						+ arrivals.missingEmail(drain.backlogFrom, drain.backlog) + " emails missing");
			}
			AppointmentConfirmed event = BenchmarkPatients.confirmedByEmail(from + count);
			long due = start + count * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(20)));
				drain.sample(count);
			}
			NotificationsBenchmark.send(producer, arrivals, from + count, event);
			count++;
		}
		producer.flush();
		return count;
	}

	/**
	 * How many records the listener {@code id} failed, from Spring Kafka's listener
	 * timers: its committed offsets trail, since a record recovered onto the retry stream
	 * is committed only with a later one handled.
	 */
	private static long failedHandlings(MeterRegistry meters, String id) {
		return meters.find("spring.kafka.listener")
			.tag("result", "failure")
			.timers()
			.stream()
			.filter((timer) -> String.valueOf(timer.getId().getTag("name")).startsWith(id + "-"))
			.mapToLong(Timer::count)
			.sum();
	}

	private static void awaitEmails(Arrivals arrivals, int from, int count, Duration timeout, String phase)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long missing;
		while ((missing = arrivals.missingEmail(from, count)) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(phase + ": " + missing + " emails did not arrive within " + timeout);
			}
			Thread.sleep(50);
		}
	}

	/**
	 * Reads the backlog's appointment records with a plain consumer and sends each
	 * patient a plain text email over one SMTP connection kept open; the time from the
	 * first record read to the last email sent.
	 */
	private static Raw raw(String bootstrap, SmtpStub smtp, int backlogFrom, int backlog) throws Exception {
		Properties mail = new Properties();
		mail.put("mail.smtp.host", "localhost");
		mail.put("mail.smtp.port", String.valueOf(smtp.port()));
		mail.put("mail.smtp.localhost", "localhost");
		Session session = Session.getInstance(mail);
		long before = smtp.othersReceived();
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(), ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		int sent = 0;
		long first = 0;
		try (KafkaConsumer<AppointmentId, AppointmentEvent> consumer = new KafkaConsumer<>(config,
				Topics.APPOINTMENTS.keySerde().deserializer(), Topics.APPOINTMENTS.valueSerde().deserializer());
				Transport transport = session.getTransport("smtp")) {
			consumer.subscribe(List.of(Topics.APPOINTMENTS.name()));
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			while (sent < backlog && System.nanoTime() < deadline) {
				for (ConsumerRecord<AppointmentId, AppointmentEvent> record : consumer.poll(Duration.ofMillis(100))) {
					if (!(record.value() instanceof AppointmentConfirmed confirmed)) {
						continue;
					}
					int seq = BenchmarkPatients.seqOfEmail(confirmed.appointment().patient().email());
					if (seq < backlogFrom || seq >= backlogFrom + backlog) {
						continue;
					}
					if (first == 0) {
						first = System.nanoTime();
						transport.connect();
					}
					transport.sendMessage(plainEmail(session, confirmed, seq),
							new InternetAddress[] { new InternetAddress("raw-" + seq + "@example.com") });
					sent++;
				}
			}
		}
		double seconds = (System.nanoTime() - first) / 1e9;
		long received = smtp.othersReceived() - before;
		if (received != sent) {
			throw new IllegalStateException("raw: " + sent + " sent but " + received + " received");
		}
		return new Raw(sent, seconds);
	}

	private static MimeMessage plainEmail(Session session, AppointmentConfirmed confirmed, int seq)
			throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		message.setFrom("appointments@geminihealth.example");
		message.setRecipients(Message.RecipientType.TO, "raw-" + seq + "@example.com");
		message.setSubject("Your appointment is confirmed");
		message.setText("Hello " + confirmed.appointment().patient().name() + ", your appointment with "
				+ confirmed.appointment().practitionerName() + " on " + confirmed.appointment().start()
				+ " is confirmed.");
		return message;
	}

	private record Raw(int count, double seconds) {
	}

	/** A topic's end offsets, summed over its partitions. */
	private static final class Offsets implements AutoCloseable {

		private final Admin admin;

		Offsets(String bootstrap) {
			this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
		}

		long end(String topic) throws Exception {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (int partition = 0; partition < 3; partition++) {
				latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
			}
			return this.admin.listOffsets(latest)
				.all()
				.get(10, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
				.sum();
		}

		@Override
		public void close() {
			this.admin.close(Duration.ofSeconds(1));
		}

	}

	/** Where the drain stands, sampled about once a second from the return on. */
	private static final class Drain {

		final Arrivals arrivals;

		final int backlogFrom;

		final int backlog;

		final int newFrom;

		final long back;

		final RetryBacklog retries;

		private final List<String> timeline = new ArrayList<>();

		private long nextSample;

		private boolean done;

		Drain(Arrivals arrivals, int backlogFrom, int backlog, int newFrom, long back, RetryBacklog retries) {
			this.arrivals = arrivals;
			this.backlogFrom = backlogFrom;
			this.backlog = backlog;
			this.newFrom = newFrom;
			this.back = back;
			this.retries = retries;
			this.nextSample = back + 1_000;
		}

		boolean done() {
			if (!this.done) {
				this.done = this.arrivals.missingEmail(this.backlogFrom, this.backlog) == 0;
			}
			return this.done;
		}

		/**
		 * Notes the progress once a second; {@code published} new confirmations so far.
		 */
		void sample(int published) {
			long now = System.currentTimeMillis();
			if (now < this.nextSample) {
				return;
			}
			this.nextSample += 1_000;
			long arrived = this.backlog - this.arrivals.missingEmail(this.backlogFrom, this.backlog);
			long newArrived = published - this.arrivals.missingEmail(this.newFrom, published);
			String line = String.format(
					"%5.1f s: backlog at the mail server %,6d, waiting on retry %,6d; "
							+ "new confirmations published %,5d, arrived %,5d",
					(now - this.back) / 1000.0, arrived, this.retries.count(Channel.EMAIL), published, newArrived);
			System.out.println("drain " + line);
			this.timeline.add(line);
		}

		List<String> timeline() {
			return this.timeline;
		}

	}

}
