package com.geminihealth.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.AppInfoParser;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

import com.geminihealth.broker.KraftBroker;
import com.geminihealth.intake.IntakeApplication;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * End-to-end throughput of booking intake: HTTP request in, 202 out, which the intake
 * only answers once Kafka has acknowledged the booking command (acks=all). Compared, in
 * the same run and on the same broker, with what a bare Kafka producer achieves with
 * records of the same size.
 * <p>
 * Run it from the repository root in one command (builds what it needs first):
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am -DskipTests -Pbenchmark verify
 * </pre>
 *
 * Options, as {@code -D} on that command line (defaults in brackets):
 * <ul>
 * <li>{@code bench.seconds} [20]: measured seconds of the HTTP phase;
 * <li>{@code bench.warmup-seconds} [30]: load before measuring; on two cores the JIT
 * compilers are still busy well past ten seconds, and a short warm-up measures them, not
 * the intake;
 * <li>{@code bench.raw-seconds} [10] and {@code bench.raw-warmup-seconds} [5]: the same
 * for each raw producer phase;
 * <li>{@code bench.concurrency} [32]: HTTP requests, or raw sends, in flight;
 * <li>{@code bench.keep-data} [false]: keep the run's directory (broker data) afterwards;
 * <li>{@code bench.jvmArgs}: options for the benchmark's JVM, such as
 * {@code -XX:StartFlightRecording=filename=intake.jfr};
 * <li>{@code bench.args}: command-line arguments for the intake application, which
 * override its configuration, to try another setting:
 * {@code -Dbench.args=--spring.kafka.producer.properties.linger.ms=0};
 * <li>{@code bench.intake-sources}: names of extra configuration classes for the intake
 * application, comma-separated, to try a bean; they must be on the classpath, so this is
 * for running the class directly, as below.
 * </ul>
 * Without Maven, after {@code ./mvnw -q -DskipTests install}:
 *
 * <pre>
 * java -Dbench.seconds=20 -cp "$(./mvnw -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=/dev/stdout)":benchmarks/target/classes \
 *     com.geminihealth.benchmarks.IntakeBenchmark [--intake.property=value ...]
 * </pre>
 * <p>
 * Everything runs in one JVM on loopback: a fresh single-node KRaft broker in a new
 * directory under {@code benchmarks/target/}, only the booking-intake application on it
 * (with its Kafka Streams decider, as deployed, but without the per-address rate limit),
 * and the load generator, a closed loop of {@code bench.concurrency} threads each posting
 * a valid booking of its own over a kept-alive connection ({@link HttpConnection}) and
 * waiting for the answer. Load generator, intake and broker share the same cores, so the
 * numbers are a floor for a deployment where they don't. The raw producer phases run
 * after the intake has been stopped, with its settings (acks=all, idempotence,
 * linger.ms=1): first with the same number of sends in flight, each waiting for its
 * acknowledgement as an HTTP request does, then pipelined without limit. Surefire never
 * runs this: it is not a test.
 */
public final class IntakeBenchmark {

	private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Toronto");

	private static final String RAW_TOPIC = "benchmark-raw-producer";

	/** Valid combinations from booking-intake.yml, one per location. */
	private static final List<Choice> CHOICES = List.of(new Choice("burlington", "rmt-deep-tissue-60", "maya-chen"),
			new Choice("oakville", "physio-follow-up", "arjun-patel"),
			new Choice("hamilton", "chiro-visit", "elena-rossi"));

	private final Settings settings;

	private final String[] intakeArgs;

	private final List<String> starts;

	private IntakeBenchmark(Settings settings, String[] intakeArgs) {
		this.settings = settings;
		this.intakeArgs = intakeArgs;
		this.starts = futureStarts();
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		// Before anything logs: the broker starts before Spring Boot configures logging.
		LoggingSystem.get(IntakeBenchmark.class.getClassLoader())
			.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
		Files.createDirectories(settings.baseDir());
		Path runDir = Files.createTempDirectory(settings.baseDir(), "intake-benchmark-").toAbsolutePath();
		Path tmp = Files.createDirectories(runDir.resolve("tmp"));
		// Tomcat and Kafka Streams keep their scratch files with the rest of the run.
		System.setProperty("java.io.tmpdir", tmp.toString());
		int status = 0;
		try {
			new IntakeBenchmark(settings, args).run(runDir);
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
		// Some client threads of the intake outlive its context; don't wait for them.
		System.exit(status);
	}

	private void run(Path runDir) throws Exception {
		System.out.println(machine());
		System.out.printf(
				"Run directory %s; %d in flight; HTTP %d s after %d s warm-up; raw producer %d s "
						+ "after %d s warm-up per phase%n",
				runDir, this.settings.concurrency(), this.settings.seconds(), this.settings.warmUpSeconds(),
				this.settings.rawSeconds(), this.settings.rawWarmUpSeconds());
		long startNanos = System.nanoTime();
		try (KraftBroker broker = KraftBroker.start(runDir.resolve("kafka"), 0)) {
			System.out.printf("Broker %s up in %d ms%n", broker.bootstrapServers(), elapsedMs(startNanos));
			HttpPhase http = runIntake(broker, runDir);
			createRawTopic(broker);
			RawRecord record = rawRecord();
			System.out.printf("Raw producer records: key %d B, value %d B, headers %d B (a serialized %s)%n",
					record.keys().get(0).length, record.value().get(0).length, record.headerBytes(),
					BookAppointment.class.getSimpleName());
			ClosedLoop.Result rawClosed = rawClosedLoop(broker, record);
			ClosedLoop.Result rawPipelined = rawPipelined(broker, record);
			report(http, rawClosed, rawPipelined);
		}
	}

	// ---------------------------------------------------------------- HTTP

	private HttpPhase runIntake(KraftBroker broker, Path runDir) throws Exception {
		long startNanos = System.nanoTime();
		SpringApplicationBuilder builder = IntakeApplication.builder();
		for (String source : this.settings.intakeSources()) {
			builder.sources(Class.forName(source));
		}
		try (ConfigurableApplicationContext intake = builder.run(intakeArguments(broker, runDir))) {
			String port = intake.getEnvironment().getProperty("local.server.port");
			URI bookings = URI.create("http://localhost:" + port + "/api/bookings");
			System.out.printf("Intake on port %s up in %d ms%s%n", port, elapsedMs(startNanos),
					(this.intakeArgs.length != 0) ? " with " + String.join(" ", this.intakeArgs) : "");
			smokeTest(bookings);
			Queue<HttpConnection> connections = new ConcurrentLinkedQueue<>();
			ThreadLocal<HttpConnection> connection = ThreadLocal.withInitial(() -> {
				HttpConnection opened = new HttpConnection(bookings);
				connections.add(opened);
				return opened;
			});
			Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
			System.out.printf("Posting bookings: %d s warm-up, %d s measured...%n", this.settings.warmUpSeconds(),
					this.settings.seconds());
			ClosedLoop.Result result = ClosedLoop.run("http", this.settings.concurrency(),
					Duration.ofSeconds(this.settings.warmUpSeconds()), Duration.ofSeconds(this.settings.seconds()),
					(sequence) -> {
						int status = connection.get().post(bookingJson(sequence)).status();
						if (status == 202) {
							return true;
						}
						statuses.computeIfAbsent(status, (code) -> new LongAdder()).increment();
						return false;
					});
			for (HttpConnection opened : connections) {
				opened.close();
			}
			Map<Integer, Long> failures = new TreeMap<>();
			statuses.forEach((status, count) -> failures.put(status, count.sum()));
			System.out.println("Stopping the intake...");
			return new HttpPhase(result, failures);
		}
	}

	/**
	 * The benchmark's settings for the intake, then those given to {@code main}, which
	 * win. As command-line arguments because the builder's {@code properties(...)} are
	 * only defaults, which booking-intake.yml overrides (its bootstrap servers, port and
	 * structured logging).
	 */
	private String[] intakeArguments(KraftBroker broker, Path runDir) {
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
		arguments.put("server.port", "0");
		arguments.put("pipeline.manage-links.secret", "benchmark-only-manage-links-secret-of-32-characters");
		arguments.put("intake.rate-limit.enabled", "false");
		arguments.put("pipeline.data-dir", runDir.toString());
		arguments.put("logging.level.root", "WARN");
		arguments.put("logging.structured.format.console", "");
		// Two warnings at every start that springdoc is on, as booking-intake wants.
		arguments.put("logging.level.org.springdoc.core.events", "ERROR");
		arguments.put("spring.main.banner-mode", "off");
		// The intake's publishing producer outlives its context and, once the broker has
		// stopped at the end, warns about it every few hundred milliseconds.
		arguments.put("logging.level.org.apache.kafka.clients.NetworkClient", "ERROR");
		List<String> others = new ArrayList<>();
		for (String argument : this.intakeArgs) {
			int equals = argument.indexOf('=');
			if (argument.startsWith("--") && equals > 2) {
				arguments.put(argument.substring(2, equals), argument.substring(equals + 1));
			}
			else {
				others.add(argument);
			}
		}
		List<String> all = new ArrayList<>();
		arguments.forEach((name, value) -> all.add("--" + name + "=" + value));
		all.addAll(others);
		return all.toArray(String[]::new);
	}

	/** One booking first, reading the answer, so a broken setup fails with a reason. */
	private void smokeTest(URI bookings) throws IOException {
		try (HttpConnection connection = new HttpConnection(bookings)) {
			HttpConnection.Answer answer = connection.post(bookingJson(-1));
			if (answer.status() != 202) {
				throw new IllegalStateException(
						"The intake answered a booking with " + answer.status() + ": " + answer.body());
			}
		}
	}

	/** A booking as the online form's JSON API takes it, for a patient of its own. */
	private String bookingJson(long sequence) {
		Choice choice = choice(sequence);
		long patient = sequence + 1;
		return "{\"patientName\": \"Bench Patient " + patient + "\", \"email\": \"patient" + patient
				+ "@example.com\", \"mobilePhone\": \"" + mobilePhone(patient) + "\", \"language\": \"en\", "
				+ "\"smsConsent\": true, \"followUpConsent\": false, \"location\": \"" + choice.location()
				+ "\", \"service\": \"" + choice.service() + "\", \"practitioner\": \"" + choice.practitioner()
				+ "\", \"requestedStart\": \"" + start(sequence) + "\", \"notes\": \"Lower back\"}";
	}

	/**
	 * A mobile number of the patient's own, as the public doors count texts per number: 8
	 * million distinct valid Ontario numbers.
	 */
	private static String mobilePhone(long patient) {
		long exchange = 200 + Math.floorMod(patient / 10_000, 800);
		return String.format("(289) %03d-%04d", exchange, Math.floorMod(patient, 10_000));
	}

	private static Choice choice(long sequence) {
		return CHOICES.get((int) Math.floorMod(sequence, CHOICES.size()));
	}

	private String start(long sequence) {
		return this.starts.get((int) Math.floorMod(sequence / CHOICES.size(), this.starts.size()));
	}

	/** Half-hour slots from 09:00 to 16:30 over the coming three months. */
	private static List<String> futureStarts() {
		LocalDate first = LocalDate.now(CLINIC_ZONE).plusDays(2);
		List<String> starts = new ArrayList<>();
		for (int day = 0; day < 90; day++) {
			for (int slot = 0; slot < 16; slot++) {
				starts.add(first.plusDays(day).atTime(9 + slot / 2, (slot % 2) * 30).toString());
			}
		}
		return starts;
	}

	// ---------------------------------------------------------------- raw producer

	/**
	 * A topic for the raw producer, like the pipeline's (three partitions, one replica),
	 * returning once every partition has a leader.
	 */
	private static void createRawTopic(KraftBroker broker) throws InterruptedException, ExecutionException {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 3, (short) 1))).all().get();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!hasLeaders(admin)) {
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException(RAW_TOPIC + " has partitions without a leader after 30 s");
				}
				Thread.sleep(50);
			}
		}
	}

	private static boolean hasLeaders(Admin admin) throws InterruptedException {
		try {
			TopicDescription topic = admin.describeTopics(List.of(RAW_TOPIC)).allTopicNames().get().get(RAW_TOPIC);
			return topic.partitions()
				.stream()
				.allMatch((partition) -> partition.leader() != null && !partition.leader().isEmpty());
		}
		catch (ExecutionException ex) {
			// Not known everywhere yet
			return false;
		}
	}

	/**
	 * The bytes the intake would send for one booking of each location: key, CloudEvents
	 * headers and JSON value, from the catalogue's own serdes.
	 */
	private RawRecord rawRecord() {
		List<byte[]> keys = new ArrayList<>();
		List<byte[]> values = new ArrayList<>();
		List<Header[]> headers = new ArrayList<>();
		for (int i = 0; i < CHOICES.size(); i++) {
			Choice choice = CHOICES.get(i);
			BookAppointment command = new BookAppointment(RequestId.random(), new LocationId(choice.location()),
					new ServiceId(choice.service()), new PractitionerId(choice.practitioner()),
					LocalDateTime.parse(start(i)),
					new Patient("Bench Patient " + (i + 1), "patient" + (i + 1) + "@example.com", "+12892348001",
							Language.EN, new Consent(true, false, false)),
					"Lower back", null, BookingChannel.ONLINE);
			RecordHeaders recordHeaders = new RecordHeaders();
			String topic = Topics.BOOKING_COMMANDS.name();
			keys.add(Topics.BOOKING_COMMANDS.keySerde().serializer().serialize(topic, command.location()));
			values.add(Topics.BOOKING_COMMANDS.valueSerde().serializer().serialize(topic, recordHeaders, command));
			headers.add(recordHeaders.toArray());
		}
		return new RawRecord(keys, values, headers);
	}

	private KafkaProducer<byte[], byte[]> producer(KraftBroker broker, String clientId) {
		// As booking-intake.yml configures the intake's producer.
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.CLIENT_ID_CONFIG, clientId, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return new KafkaProducer<>(config);
	}

	/**
	 * One acknowledged record per key before the clock starts: the producer has its id
	 * and metadata, and the new topic's partitions have leaders (the first sends to a
	 * topic just created can wait a second for them).
	 */
	private static void prime(KafkaProducer<byte[], byte[]> producer, RawRecord record) throws InterruptedException {
		try {
			for (int i = 0; i < record.keys().size(); i++) {
				producer.send(record.next(i)).get(60, TimeUnit.SECONDS);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The raw producer could not send to " + RAW_TOPIC, ex);
		}
	}

	private ClosedLoop.Result rawClosedLoop(KraftBroker broker, RawRecord record) throws InterruptedException {
		System.out.printf("Raw producer, %d in flight: %d s warm-up, %d s measured...%n", this.settings.concurrency(),
				this.settings.rawWarmUpSeconds(), this.settings.rawSeconds());
		try (KafkaProducer<byte[], byte[]> producer = producer(broker, "benchmark-closed-loop")) {
			prime(producer, record);
			return ClosedLoop.run("raw", this.settings.concurrency(),
					Duration.ofSeconds(this.settings.rawWarmUpSeconds()),
					Duration.ofSeconds(this.settings.rawSeconds()), (sequence) -> {
						producer.send(record.next(sequence)).get(30, TimeUnit.SECONDS);
						return true;
					});
		}
	}

	/**
	 * One thread sending as fast as the producer takes records; {@code send} blocks only
	 * when the producer's buffer is full. Latency is from {@code send} to the callback,
	 * so it includes the time spent queued in that buffer.
	 */
	private ClosedLoop.Result rawPipelined(KraftBroker broker, RawRecord record) throws InterruptedException {
		System.out.printf("Raw producer, pipelined: %d s warm-up, %d s measured...%n", this.settings.rawWarmUpSeconds(),
				this.settings.rawSeconds());
		// Written only by the producer's I/O thread, which runs the callbacks, and read
		// after close(), which waits for it.
		LatencyHistogram latencies = new LatencyHistogram();
		AtomicLong errors = new AtomicLong();
		Throwable[] firstFailure = new Throwable[1];
		long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(this.settings.rawWarmUpSeconds());
		long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(this.settings.rawSeconds());
		CpuUsage cpu = null;
		CpuUsage.Used used;
		try (KafkaProducer<byte[], byte[]> producer = producer(broker, "benchmark-pipelined")) {
			prime(producer, record);
			long sequence = 0;
			long now;
			while ((now = System.nanoTime()) - measureUntil < 0) {
				if (cpu == null && now - measureFrom >= 0) {
					cpu = CpuUsage.start();
				}
				long start = now;
				producer.send(record.next(sequence++), (metadata, exception) -> {
					long end = System.nanoTime();
					if (end - measureFrom < 0 || end - measureUntil >= 0) {
						return;
					}
					if (exception == null) {
						latencies.record(end - start);
					}
					else if (errors.getAndIncrement() == 0) {
						firstFailure[0] = exception;
					}
				});
			}
			used = (cpu != null) ? cpu.stop() : CpuUsage.start().stop();
			producer.flush();
		}
		ClosedLoop.Result result = new ClosedLoop.Result(Duration.ofSeconds(this.settings.rawSeconds()), latencies,
				used);
		result.errors = errors.get();
		result.firstFailure = firstFailure[0];
		return result;
	}

	// ---------------------------------------------------------------- report

	private void report(HttpPhase http, ClosedLoop.Result rawClosed, ClosedLoop.Result rawPipelined) {
		int n = this.settings.concurrency();
		String format = "%-32s %11s %8s %8s %8s %8s  %s%n";
		System.out.println();
		System.out.printf(format, "", "rate", "p50", "p99", "max", "errors", "CPU cores (JVM / machine)");
		row(format, "intake HTTP→ack (" + n + " in flight)", "req/s", http.result());
		row(format, "raw producer (" + n + " in flight)", "rec/s", rawClosed);
		row(format, "raw producer (pipelined)", "rec/s", rawPipelined);
		cpuBreakdown(List.of(http.result(), rawClosed, rawPipelined));
		System.out.println();
		System.out.printf(
				"intake HTTP→ack: %s req/s, p50 %s ms, p99 %s ms, max %s ms; raw producer (%d in flight): %s rec/s, "
						+ "p50 %s ms, p99 %s ms; raw producer (pipelined): %s rec/s, p50 %s ms, p99 %s ms; "
						+ "ratio intake/raw: %.2f (%d in flight), %.3f (pipelined)%n",
				rate(http.result()), ms(http.result().latencies.percentileNanos(50)),
				ms(http.result().latencies.percentileNanos(99)), ms(http.result().latencies.maxNanos()), n,
				rate(rawClosed), ms(rawClosed.latencies.percentileNanos(50)),
				ms(rawClosed.latencies.percentileNanos(99)), rate(rawPipelined),
				ms(rawPipelined.latencies.percentileNanos(50)), ms(rawPipelined.latencies.percentileNanos(99)),
				ratio(http.result(), rawClosed), n, ratio(http.result(), rawPipelined));
		boolean met = http.result().perSecond() >= 2000 && http.result().latencies.percentileNanos(99) <= 50_000_000L
				&& http.result().errors == 0;
		System.out.printf("Target (>= 2,000 bookings/s, p99 <= 50 ms, no errors): %s%n", met ? "met" : "NOT met");
		if (!http.failures().isEmpty()) {
			System.out.println("intake answers other than 202: " + http.failures());
		}
		failure("intake", http.result());
		failure("raw producer (" + n + " in flight)", rawClosed);
		failure("raw producer (pipelined)", rawPipelined);
	}

	/** Where the CPU went, per request or record, so phases compare at any rate. */
	private static void cpuBreakdown(List<ClosedLoop.Result> results) {
		System.out.println();
		String format = "%-34s %12s %12s %12s%n";
		System.out.printf(format, "CPU µs per operation (cores)", "intake HTTP", "raw N", "raw pipelined");
		double[] totals = new double[results.size()];
		for (String user : results.get(0).cpu.byUser().keySet()) {
			String[] cells = new String[results.size()];
			boolean any = false;
			for (int i = 0; i < results.size(); i++) {
				ClosedLoop.Result result = results.get(i);
				double cores = result.cpu.byUser().getOrDefault(user, 0.0);
				double micros = (result.perSecond() > 0) ? cores / result.perSecond() * 1e6 : 0;
				totals[i] += micros;
				cells[i] = String.format("%.0f (%.2f)", micros, cores);
				any |= cores >= 0.005;
			}
			if (any) {
				System.out.printf(format, user, cells[0], cells[1], cells[2]);
			}
		}
		System.out.printf(format, "total", String.format("%.0f", totals[0]), String.format("%.0f", totals[1]),
				String.format("%.0f", totals[2]));
	}

	private static void row(String format, String name, String unit, ClosedLoop.Result result) {
		LatencyHistogram latencies = result.latencies;
		System.out.printf(format, name, rate(result) + " " + unit, ms(latencies.percentileNanos(50)) + " ms",
				ms(latencies.percentileNanos(99)) + " ms", ms(latencies.maxNanos()) + " ms", result.errors,
				result.cpu.describe());
	}

	private static void failure(String phase, ClosedLoop.Result result) {
		if (result.firstFailure != null) {
			System.out.println("first failure in " + phase + ": " + result.firstFailure);
		}
	}

	private static String rate(ClosedLoop.Result result) {
		return String.format("%,.0f", result.perSecond());
	}

	private static double ratio(ClosedLoop.Result intake, ClosedLoop.Result raw) {
		return (raw.perSecond() > 0) ? intake.perSecond() / raw.perSecond() : 0;
	}

	private static String ms(long nanos) {
		double millis = nanos / 1e6;
		return (millis < 10) ? String.format("%.2f", millis) : String.format("%.1f", millis);
	}

	private static String machine() {
		Runtime runtime = Runtime.getRuntime();
		return String.format(
				"Machine: %d cores (%s), %s %s %s, Java %s (%s), max heap %d MiB, load average %.2f; "
						+ "Spring Boot %s, Kafka %s",
				runtime.availableProcessors(), Machine.cpu(), System.getProperty("os.name"),
				System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.version"),
				System.getProperty("java.vm.name"), runtime.maxMemory() / (1024 * 1024),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), SpringBootVersion.getVersion(),
				AppInfoParser.getVersion());
	}

	private static long elapsedMs(long startNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
	}

	// ---------------------------------------------------------------- types

	/** A location with a service and practitioner it offers. */
	private record Choice(String location, String service, String practitioner) {
	}

	/** What the HTTP phase measured, and the statuses of the answers that weren't 202. */
	private record HttpPhase(ClosedLoop.Result result, Map<Integer, Long> failures) {
	}

	/**
	 * The serialized bookings the raw producer sends, round robin like the HTTP phase.
	 */
	private record RawRecord(List<byte[]> keys, List<byte[]> value, List<Header[]> headers) {

		ProducerRecord<byte[], byte[]> next(long sequence) {
			int i = (int) Math.floorMod(sequence, this.keys.size());
			return new ProducerRecord<>(RAW_TOPIC, null, this.keys.get(i), this.value.get(i),
					new RecordHeaders(this.headers.get(i)));
		}

		int headerBytes() {
			int bytes = 0;
			for (Header header : this.headers.get(0)) {
				bytes += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
			}
			return bytes;
		}

	}

	/** What to run, from {@code -Dbench.*} system properties. */
	private record Settings(int seconds, int warmUpSeconds, int rawSeconds, int rawWarmUpSeconds, int concurrency,
			boolean keepData, Path baseDir, List<String> intakeSources) {

		static Settings fromSystemProperties() {
			Path defaultBase = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "target")
					: Path.of("target");
			return new Settings(Integer.getInteger("bench.seconds", 20), Integer.getInteger("bench.warmup-seconds", 30),
					Integer.getInteger("bench.raw-seconds", 10), Integer.getInteger("bench.raw-warmup-seconds", 5),
					Integer.getInteger("bench.concurrency", 32), Boolean.getBoolean("bench.keep-data"),
					Path.of(System.getProperty("bench.dir", defaultBase.toString())),
					Stream.of(System.getProperty("bench.intake-sources", "").split(","))
						.map(String::trim)
						.filter((name) -> !name.isEmpty())
						.toList());
		}

	}

}
