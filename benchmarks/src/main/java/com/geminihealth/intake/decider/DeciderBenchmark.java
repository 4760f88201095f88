package com.geminihealth.intake.decider;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import com.geminihealth.benchmarks.BenchmarkTopics;
import com.geminihealth.benchmarks.CpuUsage;
import com.geminihealth.benchmarks.Directories;
import com.geminihealth.benchmarks.Percentiles;
import com.geminihealth.benchmarks.Machine;
import com.geminihealth.benchmarks.StreamsOverrides;
import com.geminihealth.broker.KraftBroker;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * How fast the decider decides, against a raw exactly-once pipe on the same broker, and
 * how fast an availability query answers from its state.
 * <p>
 * Calendar: 3 locations (one per partition) x 10 practitioners x 30 days (08:00-20:00,
 * 30-minute massages with a 10-minute buffer). A stream of booking commands for random
 * times (half for "anyone") is decided at exactly_once_v2; then the same records,
 * repeated {@code bench.raw-repeat} times so that the pass-through also runs for some
 * seconds and many commits, go through a pass-through (mapValues) Kafka Streams
 * application at exactly_once_v2. Both are timed from the first committed output to the
 * last: over a fraction of a second, a handful of commits, the first transaction's
 * records would all seem to arrive at once. Then availability queries for one location
 * and day run against the decider's state. Each run also counts the CPU its records cost,
 * by thread owner.
 * <p>
 * Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests -Pdecider-benchmark verify}, with
 * the options {@code -Dbench.commands=60000 -Dbench.queries=2000} and
 * {@code -Dbench.jvmArgs=-Dbench.warm-ups=3}.
 */
public final class DeciderBenchmark {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	static final LocalDate FIRST_DAY = LocalDate.now(TORONTO).plusDays(1);

	static final List<String> LOCATIONS = List.of("burlington", "mississauga", "hamilton");

	static final String RAW_INPUT = "bench-raw-in";

	static final String RAW_OUTPUT = "bench-raw-out";

	private DeciderBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int commands = Integer.getInteger("bench.commands", 30_000);
		int queries = Integer.getInteger("bench.queries", 2_000);
		int rawRepeat = Integer.getInteger("bench.raw-repeat", 10);
		int warmUps = Integer.getInteger("bench.warm-ups", 3);
		Path dir = Directories.createForRun("decider-benchmark");
		ClinicProperties clinic = clinic();
		try (KraftBroker broker = KraftBroker.start(dir.resolve("kafka"), 0)) {
			BenchmarkTopics.create(broker.bootstrapServers(), Topics.ALL.stream().map(Topic::name).toList());
			BenchmarkTopics.create(broker.bootstrapServers(), List.of(RAW_INPUT, RAW_OUTPUT));
			produce(broker.bootstrapServers(), Topics.BOOKING_COMMANDS.name(), commands);
			for (int i = 0; i < rawRepeat; i++) {
				produce(broker.bootstrapServers(), RAW_INPUT, commands);
			}

			Supplier<StreamsBuilder> deciderTopology = () -> {
				StreamsBuilder builder = new StreamsBuilder();
				DeciderTopology.build(builder, clinic, DeciderProperties.defaults(), LOCATIONS.size());
				return builder;
			};
			Supplier<StreamsBuilder> rawTopology = () -> {
				StreamsBuilder builder = new StreamsBuilder();
				builder.stream(RAW_INPUT, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
					.mapValues((value) -> value)
					.to(RAW_OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
				return builder;
			};
			// Each application first runs over its whole stream under other ids, so that
			// the measured run finds its code compiled, as a long-running service does:
			// on two cores the compilers need about three passes of the decider.
			List<String> warmUpRates = new ArrayList<>();
			for (int i = 0; i < warmUps; i++) {
				for (Supplier<StreamsBuilder> topology : List.of(deciderTopology, rawTopology)) {
					boolean raw = topology == rawTopology;
					Run warmUp = run(topology.get(), broker.bootstrapServers(), "bench-warm-up-" + UUID.randomUUID(),
							dir, raw ? RAW_OUTPUT : Topics.APPOINTMENTS.name(), raw ? commands * rawRepeat : commands);
					warmUp.streams().close(Duration.ofSeconds(30));
					if (!raw) {
						warmUpRates.add(String.format("%,.0f", warmUp.rate()));
					}
				}
			}
			Run decider = run(deciderTopology.get(), broker.bootstrapServers(), "bench-decider", dir,
					Topics.APPOINTMENTS.name(), commands);
			double latencyP99 = queryAvailability(decider.streams(), clinic, queries);
			decider.streams().close(Duration.ofSeconds(30));

			// The median of three runs.
			List<Run> raws = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Run raw = run(rawTopology.get(), broker.bootstrapServers(), "bench-raw-pipe-" + i, dir, RAW_OUTPUT,
						commands * rawRepeat);
				raw.streams().close(Duration.ofSeconds(30));
				raws.add(raw);
			}
			raws.sort(Comparator.comparingDouble(Run::rate));
			Run raw = raws.get(1);
			double rawRate = raw.rate();

			System.out.printf("%nDecider benchmark on %s (%d cores, Java %s)%n", Machine.cpu(),
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
			System.out.printf("  calendar: 3 locations x 10 practitioners x 30 days; %d booking commands%n", commands);
			System.out.printf("  decider (exactly_once_v2):    %,8.0f decisions/s  (%d confirmed)%n", decider.rate(),
					decider.confirmed());
			System.out.printf(
					"  raw EOS pipe (mapValues):     %,8.0f records/s (the same commands %d times; median of %,.0f, %,.0f, %,.0f)%n",
					rawRate, rawRepeat, raws.get(0).rate(), raws.get(1).rate(), raws.get(2).rate());
			System.out.printf("  decider / raw:                %8.0f %%%n", 100 * decider.rate() / rawRate);
			System.out.printf("  decider warm-up passes before: %s decisions/s%n", String.join(", ", warmUpRates));
			System.out.printf("  availability query (1 location, 1 day, anyone), %d queries: p99 %.2f ms%n", queries,
					latencyP99);
			System.out.printf("  CPU µs per decision:   %s%n", decider.cpuPerRecord());
			System.out.printf("  CPU µs per raw record: %s%n", raw.cpuPerRecord());
			System.out.printf("  at 30 %% of the raw pipe, a decision may use %.0f µs of the machine's CPU%n",
					Runtime.getRuntime().availableProcessors() / (0.3 * rawRate) * 1e6);
		}
		finally {
			Directories.delete(dir);
		}
	}

	/** Ten RMTs at each location, every day 08:00-20:00. */
	static ClinicProperties clinic() {
		Map<String, ClinicProperties.Location> locations = new LinkedHashMap<>();
		Map<String, ClinicProperties.Practitioner> practitioners = new LinkedHashMap<>();
		Map<DayOfWeek, ClinicProperties.Shift> everyDay = new EnumMap<>(DayOfWeek.class);
		Arrays.stream(DayOfWeek.values())
			.forEach((day) -> everyDay.put(day, new ClinicProperties.Shift(LocalTime.of(8, 0), LocalTime.of(20, 0))));
		for (String location : LOCATIONS) {
			locations.put(location, new ClinicProperties.Location(location, TORONTO, "1 " + location + " St"));
			for (int i = 0; i < 10; i++) {
				practitioners.put(location + "-rmt-" + i, new ClinicProperties.Practitioner("RMT " + i + " " + location,
						Set.of("rmt"), Map.of(location, everyDay), List.of()));
			}
		}
		return new ClinicProperties("Benchmark Clinic", "+12892348001", locations,
				Map.of("massage-30", new ClinicProperties.Service("Massage", Set.of("rmt"), 30, 10)), practitioners,
				new ClinicProperties.BookingRules(Duration.ofHours(2), Duration.ofDays(90), Duration.ofMinutes(15), 3));
	}

	/**
	 * Writes {@code commands} booking commands to {@code topic}: the same places and
	 * times on every call.
	 */
	private static void produce(String bootstrap, String topic, int commands) throws Exception {
		Random random = new Random(42);
		Patient patient = new Patient("Bench Patient", "bench@example.com", "+12892348001", Language.EN,
				new Consent(true, false, false));
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
		try (KafkaProducer<LocationId, BookingCommand> producer = new KafkaProducer<>(config,
				Topics.BOOKING_COMMANDS.keySerde().serializer(), Topics.BOOKING_COMMANDS.valueSerde().serializer())) {
			for (int i = 0; i < commands; i++) {
				String location = LOCATIONS.get(random.nextInt(LOCATIONS.size()));
				PractitionerId practitioner = random.nextBoolean()
						? new PractitionerId(location + "-rmt-" + random.nextInt(10)) : null;
				BookAppointment book = new BookAppointment(RequestId.random(), new LocationId(location),
						new ServiceId("massage-30"), practitioner,
						FIRST_DAY.plusDays(random.nextInt(30)).atTime(8, 0).plusMinutes(15L * random.nextInt(46)),
						patient, null, null, BookingChannel.INTEGRATION);
				producer.send(new ProducerRecord<>(topic, book.location(), book));
			}
			producer.flush();
		}
	}

	private static Run run(StreamsBuilder builder, String bootstrap, String applicationId, Path dir, String output,
			int expected) throws Exception {
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		StreamsOverrides.applyTo(config);
		try (KafkaConsumer<byte[], byte[]> outputs = endOf(bootstrap, output)) {
			KafkaStreams streams = new KafkaStreams(builder.build(), config);
			streams.start();
			return countCommitted(streams, outputs, expected);
		}
	}

	/**
	 * A read_committed consumer of {@code topic} placed at its end, so that it sees only
	 * what the next run writes.
	 */
	private static KafkaConsumer<byte[], byte[]> endOf(String bootstrap, String topic) {
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> partitions = consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	/**
	 * Reads committed outputs of {@code streams} until {@code expected} arrived. Timing
	 * (and CPU) from the first output leaves start-up out.
	 */
	private static Run countCommitted(KafkaStreams streams, KafkaConsumer<byte[], byte[]> consumer, int expected) {
		long all = 0;
		long confirmed = 0;
		long first = 0;
		CpuUsage cpu = null;
		while (all < expected) {
			for (var record : consumer.poll(Duration.ofMillis(100))) {
				if (all == 0) {
					first = System.nanoTime();
					cpu = CpuUsage.start();
				}
				all++;
				var type = record.headers().lastHeader("ce_type");
				if (type != null && new String(type.value()).contains("AppointmentConfirmed")) {
					confirmed++;
				}
			}
		}
		double seconds = (System.nanoTime() - first) / 1e9;
		return new Run(streams, (expected - 1) / seconds, confirmed, cpu.stop());
	}

	private static double queryAvailability(KafkaStreams streams, ClinicProperties clinic, int queries) {
		Random random = new Random(7);
		Instant now = Instant.now();
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < queries; i++) {
			String location = LOCATIONS.get(random.nextInt(LOCATIONS.size()));
			LocalDate day = FIRST_DAY.plusDays(random.nextInt(30));
			long start = System.nanoTime();
			DeciderQueries.availabilityAt(streams, clinic, new LocationId(location))
				.open(location, "massage-30", null, day, day, now);
			nanos.add(System.nanoTime() - start);
		}
		return Percentiles.of(nanos.stream().mapToLong(Long::longValue).sorted().toArray(), 99) / 1e6;
	}

	private record Run(KafkaStreams streams, double rate, long confirmed, CpuUsage.Used cpu) {

		/** Where each record's CPU went, by whom it was used for. */
		String cpuPerRecord() {
			StringBuilder line = new StringBuilder();
			this.cpu.byUser().forEach((user, cores) -> {
				if (cores >= 0.005) {
					line.append(String.format("%s %.1f, ", user, cores / this.rate * 1e6));
				}
			});
			return line.append(String.format("total %.1f", this.cpu.process() / this.rate * 1e6)).toString();
		}

	}

}
