package com.geminihealth.intake.decider;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import com.geminihealth.benchmarks.BenchmarkTopics;
import com.geminihealth.benchmarks.Directories;
import com.geminihealth.benchmarks.Machine;
import com.geminihealth.broker.KraftBroker;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.RescheduleAppointment;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * How big the decider's state grows over a year, how long it takes to restore, and what
 * pruning leaves of it.
 * <p>
 * A year of a three-location group's commands ({@code bench.bookings}, 70,000 by default,
 * plus a tenth as many cancellations and as many reschedules of earlier bookings), each
 * stamped with its day in the year that ended now, goes through the decider at
 * exactly_once_v2 with pruning held off. Then: state on disk, heap after a full GC, and
 * the restore from the changelogs with the local state wiped. Then the decider runs with
 * the default retention, pruning by the wall clock (now): the same figures after, once
 * the broker has compacted the changelogs (their segments are made small here, as a day
 * of the catalogue's settings would). The raw baseline is a plain consumer reading the
 * same changelogs from the start.
 * <p>
 * Run after {@code ./mvnw -o -q -pl benchmarks -am compile}: {@code java -cp <classpath>
 * com.geminihealth.intake.decider.DeciderStateBenchmark}.
 */
public final class DeciderStateBenchmark {

	static final String APPLICATION = "bench-decider-state";

	static final ZoneId TORONTO = DeciderBenchmark.TORONTO;

	private DeciderStateBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int bookings = Integer.getInteger("bench.bookings", 70_000);
		Path dir = Directories.createForRun("decider-state-benchmark");
		ClinicProperties clinic = DeciderBenchmark.clinic();
		CpuTimes machineBefore = CpuTimes.now();
		try (KraftBroker broker = KraftBroker.start(dir.resolve("kafka"), 0)) {
			String bootstrap = broker.bootstrapServers();
			BenchmarkTopics.create(bootstrap, Topics.ALL.stream().map(Topic::name).toList());
			keepForGood(bootstrap, Topics.ALL.stream().map(Topic::name).toList());
			Instant yearStart = Instant.now().minus(Duration.ofDays(365));
			int commands = produceYear(bootstrap, bookings, yearStart);

			DeciderProperties held = new DeciderProperties(
					new DeciderProperties.Retention(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(3650)),
					DeciderProperties.Waitlist.defaults());
			long start = System.nanoTime();
			KafkaStreams decider = start(bootstrap, dir, clinic, held);
			awaitDecisions(bootstrap, commands);
			double decideSeconds = (System.nanoTime() - start) / 1e9;
			Figures before = measure(decider, dir);
			close(decider);
			Restore restoreBefore = restoreWiped(bootstrap, dir, clinic, held);
			Changelogs logBefore = Changelogs.read(bootstrap);

			compactChangelogsQuickly(bootstrap);
			KafkaStreams pruning = start(bootstrap, dir, clinic, new DeciderProperties(
					new DeciderProperties.Retention(Duration.ofDays(30), Duration.ofDays(90), Duration.ofSeconds(2)),
					DeciderProperties.Waitlist.defaults()));
			long pruneStart = System.nanoTime();
			awaitStable(() -> entries(pruning, DeciderStores.REQUESTS) + entries(pruning, DeciderStores.EXPIRY));
			double pruneSeconds = (System.nanoTime() - pruneStart) / 1e9;
			Figures after = measure(pruning, dir);
			close(pruning);
			// The log cleaner looks for work every 15 s.
			awaitStable(() -> Changelogs.read(bootstrap).bytes(), 40);
			Changelogs logAfter = Changelogs.read(bootstrap);
			Restore restoreAfter = restoreWiped(bootstrap, dir, clinic, held);
			CpuTimes machine = CpuTimes.now().since(machineBefore);

			System.out.printf("%nDecider state benchmark on %s (%d cores, Java %s, max heap %d MB)%n", Machine.cpu(),
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					Runtime.getRuntime().maxMemory() >> 20);
			System.out.printf("  machine over the run: I/O wait %.1f %%, steal %.1f %%%n", machine.iowaitPercent(),
					machine.stealPercent());
			System.out.printf(
					"  workload: a year (%s to now) of 3 locations x 10 RMTs: %,d commands (%,d bookings, "
							+ "cancellations and reschedules), decided in %.1f s (%,.0f/s)%n",
					yearStart.atZone(TORONTO).toLocalDate(), commands, bookings, decideSeconds,
					commands / decideSeconds);
			System.out.printf("  %-16s %10s %10s %10s %14s %14s %14s %10s %11s%n", "", "requests", "calendar",
					"commands", "disk, running", "disk, restored", "decider heap", "restore", "to RUNNING");
			System.out.printf("  %-16s %,10d %,10d %,10d %11.1f MB %11.1f MB %11d MB %8.1f s %9.1f s%n",
					"before pruning", before.entries().get(DeciderStores.REQUESTS),
					before.entries().get(DeciderStores.CALENDAR), before.entries().get(DeciderStores.HANDLED),
					before.diskBytes() / 1e6, restoreBefore.diskBytes() / 1e6, restoreBefore.heapBytes() >> 20,
					restoreBefore.restoringSeconds(), restoreBefore.seconds());
			System.out.printf("  %-16s %,10d %,10d %,10d %11.1f MB %11.1f MB %11d MB %8.1f s %9.1f s%n",
					"after pruning", after.entries().get(DeciderStores.REQUESTS),
					after.entries().get(DeciderStores.CALENDAR), after.entries().get(DeciderStores.HANDLED),
					after.diskBytes() / 1e6, restoreAfter.diskBytes() / 1e6, restoreAfter.heapBytes() >> 20,
					restoreAfter.restoringSeconds(), restoreAfter.seconds());
			System.out.printf("  (with the local state deleted: restore = first changelog restore started to last "
					+ "ended, %,d and %,d records; to RUNNING = from start, joining the group included; decider heap: "
					+ "used after a full GC with the restored decider running, less after it closed)%n",
					restoreBefore.records(), restoreAfter.records());
			System.out.printf(
					"  pruning ran %.1f s; changelogs %,d records / %.1f MB before, %,d / %.1f MB after "
							+ "compaction%n",
					pruneSeconds, logBefore.records(), logBefore.bytes() / 1e6, logAfter.records(),
					logAfter.bytes() / 1e6);
			System.out.printf("  raw baseline: a plain consumer reads the changelogs in %.1f s before pruning, "
					+ "%.1f s after%n", logBefore.readSeconds(), logAfter.readSeconds());
			System.out.printf("  kept after pruning: appointments ending in the last 90 days or later, declines of "
					+ "the last 30 days, command ids of the last 90 days: a window, whatever the history before%n");
		}
		finally {
			Directories.delete(dir);
		}
	}

	/**
	 * A year of commands, day by day: bookings for 1 to 60 days ahead, and among them
	 * cancellations and reschedules of bookings made earlier. Each patient is a person of
	 * their own, as the state holds each one's details.
	 */
	static int produceYear(String bootstrap, int bookings, Instant yearStart) throws Exception {
		Random random = new Random(42);
		List<BookAppointment> earlier = new ArrayList<>();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
		int sent = 0;
		try (KafkaProducer<LocationId, BookingCommand> producer = new KafkaProducer<>(config,
				Topics.BOOKING_COMMANDS.keySerde().serializer(), Topics.BOOKING_COMMANDS.valueSerde().serializer())) {
			for (int i = 0; i < bookings; i++) {
				Instant at = yearStart.plus(Duration.ofSeconds((long) i * 365 * 86_400 / bookings));
				String location = DeciderBenchmark.LOCATIONS.get(random.nextInt(3));
				LocalDateTime start = at.atZone(TORONTO)
					.toLocalDate()
					.plusDays(1 + random.nextInt(60))
					.atTime(8, 0)
					.plusMinutes(15L * random.nextInt(46));
				Patient patient = new Patient("Patient " + i + " Lastname", "patient" + i + "@example.com",
						"+1905" + (5_000_000 + i), Language.EN, new Consent(true, false, false));
				BookAppointment book = new BookAppointment(RequestId.random(), new LocationId(location),
						new ServiceId("massage-30"), null, start, patient, "Lower back, since March", null,
						BookingChannel.ONLINE);
				send(producer, book, at);
				sent++;
				earlier.add(book);
				if (i % 10 == 5) {
					BookAppointment cancelled = earlier
						.get(earlier.size() - 1 - random.nextInt(Math.min(200, earlier.size())));
					send(producer, new CancelAppointment(CommandId.random(), cancelled.location(),
							AppointmentId.forRequest(cancelled.requestId()), "bench"), at);
					sent++;
				}
				if (i % 10 == 8) {
					BookAppointment moved = earlier
						.get(earlier.size() - 1 - random.nextInt(Math.min(200, earlier.size())));
					send(producer, new RescheduleAppointment(CommandId.random(), moved.location(),
							AppointmentId.forRequest(moved.requestId()), moved.requestedStart().plusDays(7), null), at);
					sent++;
				}
			}
			producer.flush();
		}
		return sent;
	}

	private static void send(KafkaProducer<LocationId, BookingCommand> producer, BookingCommand command, Instant at) {
		producer.send(new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), null, at.toEpochMilli(), command.location(),
				command));
	}

	static KafkaStreams start(String bootstrap, Path dir, ClinicProperties clinic, DeciderProperties decider)
			throws InterruptedException {
		return start(bootstrap, dir, clinic, decider, new Restoring());
	}

	static KafkaStreams start(String bootstrap, Path dir, ClinicProperties clinic, DeciderProperties decider,
			Restoring restoring) throws InterruptedException {
		StreamsBuilder builder = new StreamsBuilder();
		DeciderTopology.build(builder, clinic, decider, 3);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		KafkaStreams streams = new KafkaStreams(builder.build(), config);
		streams.setGlobalStateRestoreListener(restoring);
		streams.start();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (streams.state() != KafkaStreams.State.RUNNING) {
			if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
				throw new IllegalStateException("the decider did not start: " + streams.state());
			}
			Thread.sleep(20);
		}
		return streams;
	}

	/**
	 * Leaves the group on close, as a Streams application does not by default: the next
	 * start would otherwise wait out the old member's session before it is assigned
	 * anything, and the restore would seem 45 s longer.
	 */
	static void close(KafkaStreams streams) {
		streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
	}

	/**
	 * Restarts the decider with its local state deleted: the time until it runs is the
	 * time to restore every store from its changelog.
	 */
	static Restore restoreWiped(String bootstrap, Path dir, ClinicProperties clinic, DeciderProperties decider)
			throws Exception {
		Directories.delete(dir.resolve("state"));
		long start = System.nanoTime();
		Restoring restoring = new Restoring();
		KafkaStreams restored = start(bootstrap, dir, clinic, decider, restoring);
		double seconds = (System.nanoTime() - start) / 1e9;
		long disk = size(dir.resolve("state"));
		long heapWith = heapAfterGc();
		close(restored);
		return new Restore(seconds, restoring.seconds(), restoring.records(), disk, heapWith - heapAfterGc());
	}

	/** From the first changelog partition's restore starting to the last one's ending. */
	static final class Restoring implements StateRestoreListener {

		private final AtomicLong first = new AtomicLong();

		private final AtomicLong last = new AtomicLong();

		private final AtomicLong records = new AtomicLong();

		@Override
		public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
			this.first.compareAndSet(0, System.nanoTime());
		}

		@Override
		public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
			this.records.addAndGet(restored);
		}

		@Override
		public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
			this.last.set(System.nanoTime());
		}

		double seconds() {
			return (this.first.get() == 0) ? 0 : (this.last.get() - this.first.get()) / 1e9;
		}

		long records() {
			return this.records.get();
		}

	}

	/**
	 * A restore: seconds from start to running, of which restoring the stores, the
	 * records restored, the state on disk as restored, and the heap the decider holds
	 * (with it running, less without; the broker shares the JVM).
	 */
	record Restore(double seconds, double restoringSeconds, long records, long diskBytes, long heapBytes) {

	}

	static long heapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** Reads the committed decisions until there is one for every command. */
	private static void awaitDecisions(String bootstrap, int expected) {
		long decided = 0;
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
		try (KafkaConsumer<byte[], byte[]> consumer = Changelogs.consumer(bootstrap)) {
			List<TopicPartition> partitions = Changelogs.partitions(consumer, Topics.APPOINTMENTS.name());
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			while (decided < expected) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("only " + decided + " of " + expected + " commands decided");
				}
				decided += consumer.poll(Duration.ofMillis(500)).count();
			}
		}
	}

	record Figures(Map<String, Long> entries, long diskBytes) {

	}

	static Figures measure(KafkaStreams streams, Path dir) throws IOException {
		Map<String, Long> entries = new LinkedHashMap<>();
		for (String store : DeciderStores.NAMES) {
			entries.put(store, entries(streams, store));
		}
		return new Figures(entries, size(dir.resolve("state")));
	}

	static long entries(KafkaStreams streams, String store) {
		long count = 0;
		try (var all = streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()))
			.all()) {
			while (all.hasNext()) {
				all.next();
				count++;
			}
		}
		return count;
	}

	private static long size(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	/**
	 * Waits until {@code figure} stops changing for three seconds (or {@code seconds}):
	 * the end of a phase whose amount of work is known only to the decider or the broker.
	 */
	private static void awaitStable(ThrowingLongSupplier figure) throws Exception {
		awaitStable(figure, 3);
	}

	private static void awaitStable(ThrowingLongSupplier figure, int seconds) throws Exception {
		long last = -1;
		int unchanged = 0;
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (unchanged < seconds && System.nanoTime() < deadline) {
			Thread.sleep(1000);
			long now = figure.get();
			unchanged = (now == last) ? unchanged + 1 : 0;
			last = now;
		}
	}

	interface ThrowingLongSupplier {

		long get() throws Exception;

	}

	/**
	 * The catalogue's settings compact a changelog's segments within a day; here within
	 * seconds, so that the restore after pruning reads what a day later it would.
	 */
	private static void compactChangelogsQuickly(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
			for (String topic : Changelogs.topics()) {
				changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
						List.of(set("segment.ms", "1000"), set("min.cleanable.dirty.ratio", "0.01"),
								set("delete.retention.ms", "0"), set("max.compaction.lag.ms", "1000")));
			}
			admin.incrementalAlterConfigs(changes).all().get();
		}
	}

	/**
	 * The commands and decisions are stamped with their day in the past year: a broker's
	 * default week of retention would delete most of them before they are read.
	 */
	private static void keepForGood(String bootstrap, List<String> topics) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
			topics.forEach((topic) -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
					List.of(set("retention.ms", "-1"))));
			admin.incrementalAlterConfigs(changes).all().get();
		}
	}

	private static AlterConfigOp set(String name, String value) {
		return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
	}

	/** The decider's changelog topics on the broker. */
	record Changelogs(long records, long bytes, double readSeconds) {

		static List<String> topics() {
			return DeciderStores.NAMES.stream().map((store) -> APPLICATION + "-" + store + "-changelog").toList();
		}

		/** Reads every changelog from its start, as a restore would. */
		static Changelogs read(String bootstrap) {
			long records = 0;
			long bytes = 0;
			long start = System.nanoTime();
			try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
				List<TopicPartition> partitions = topics().stream()
					.flatMap((topic) -> partitions(consumer, topic).stream())
					.toList();
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
				while (partitions.stream()
					.anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
					for (var record : consumer.poll(Duration.ofMillis(200))) {
						records++;
						bytes += record.serializedKeySize() + Math.max(0, record.serializedValueSize());
					}
				}
			}
			return new Changelogs(records, bytes, (System.nanoTime() - start) / 1e9);
		}

		static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
			return consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
		}

		static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
			return new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
							"read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
					new ByteArrayDeserializer(), new ByteArrayDeserializer());
		}

	}

	/** The machine's CPU time by kind, from {@code /proc/stat}. */
	record CpuTimes(long total, long iowait, long steal) {

		static CpuTimes now() {
			try {
				String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long total = 0;
				for (int i = 1; i < cpu.length; i++) {
					total += Long.parseLong(cpu[i]);
				}
				return new CpuTimes(total, Long.parseLong(cpu[5]), (cpu.length > 8) ? Long.parseLong(cpu[8]) : 0);
			}
			catch (IOException | RuntimeException ex) {
				return new CpuTimes(1, 0, 0);
			}
		}

		CpuTimes since(CpuTimes before) {
			return new CpuTimes(this.total - before.total, this.iowait - before.iowait, this.steal - before.steal);
		}

		double iowaitPercent() {
			return 100.0 * this.iowait / Math.max(1, this.total);
		}

		double stealPercent() {
			return 100.0 * this.steal / Math.max(1, this.total);
		}

	}

}
