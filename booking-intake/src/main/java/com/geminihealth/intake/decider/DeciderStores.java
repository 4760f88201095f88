package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.schedule.ScheduleChanged;

/**
 * The decider's state, in named persistent stores backed by changelog topics: each
 * booking request's status (and appointment) by id, each practitioner's calendar in time
 * order, and the ids of other commands already applied.
 */
final class DeciderStores {

	static final String REQUESTS = "decider-requests";

	static final String CALENDAR = "decider-calendar";

	static final String HANDLED = "decider-handled-commands";

	/** When each entry of the other stores may go: see {@link Expiries}. */
	static final String EXPIRY = "decider-expiry";

	/** The waitlists of the task's locations: see {@link Waitlists}. */
	static final String WAITLIST = "decider-waitlist";

	/**
	 * The front desk's schedule changes, a global store every task reads: a changed day
	 * may move a practitioner to a location another task decides. Its topic is its
	 * changelog.
	 */
	static final String SCHEDULE = "decider-schedule-changes";

	/** Every store of the decider's tasks (the global store is not one of them). */
	static final List<String> NAMES = List.of(REQUESTS, CALENDAR, HANDLED, EXPIRY, WAITLIST);

	/**
	 * The changelogs are compacted as the catalogue's lasting topics are: a segment is
	 * compacted within a day, so what a pruned or erased entry held leaves the broker
	 * within two, and a restore reads only what the stores hold now.
	 */
	static final Map<String, String> CHANGELOG = Topics.KEPT_FOR_GOOD;

	private DeciderStores() {
	}

	/**
	 * The longest a practitioner is taken by one appointment: the range a calendar scan
	 * looks back.
	 */
	static Duration longestOccupancy(ClinicProperties clinic) {
		return clinic.services()
			.values()
			.stream()
			.map((service) -> service.duration().plus(service.buffer()))
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
	}

	static List<StoreBuilder<?>> builders() {
		return List.of(
				Stores
					.keyValueStoreBuilder(Stores.persistentKeyValueStore(REQUESTS), Serdes.String(),
							Json.serde(RequestStatus.class))
					.withLoggingEnabled(CHANGELOG),
				Stores
					.keyValueStoreBuilder(Stores.persistentKeyValueStore(CALENDAR), Serdes.String(),
							BookedSerde.serde())
					.withLoggingEnabled(CHANGELOG),
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HANDLED), Serdes.String(), Serdes.Long())
					.withLoggingEnabled(CHANGELOG),
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EXPIRY), Serdes.String(), Serdes.String())
					.withLoggingEnabled(CHANGELOG),
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WAITLIST), Serdes.String(), Serdes.String())
					.withLoggingEnabled(CHANGELOG));
	}

	/**
	 * The global store of schedule changes, keyed by change id as on the topic; its
	 * values are the records' JSON as they arrived, which a restore copies in unread.
	 */
	static StoreBuilder<KeyValueStore<String, ScheduleChanged>> scheduleBuilder() {
		return Stores
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCHEDULE), Serdes.String(),
					Json.serde(ScheduleChanged.class))
			.withLoggingDisabled();
	}

	/** The schedule changes as this instance's global store holds them, for queries. */
	static ScheduleChanges scheduleChangesOf(KafkaStreams streams) {
		return ScheduleChanges.over(streams.store(StoreQueryParameters.fromNameAndType(SCHEDULE,
				QueryableStoreTypes.<String, ScheduleChanged>keyValueStore())));
	}

	/**
	 * Keys of fixed width that sort by time, as calendar and expiry keys do:
	 * {@code 000001796137200}.
	 */
	static String sortableSeconds(Instant instant) {
		String seconds = Long.toString(instant.getEpochSecond());
		return "0".repeat(Math.max(0, 15 - seconds.length())) + seconds;
	}

	/**
	 * Calendar keys sort by location, practitioner and start:
	 * {@code burlington/maya-chen/
	 * 000001796137200}, so one range scan reads a practitioner's day in time order.
	 */
	static String calendarKey(String location, String practitioner, Instant start) {
		return practitionerKey(location, practitioner) + "/" + sortableSeconds(start);
	}

	/** What every calendar key of a practitioner at a location starts with. */
	static String practitionerKey(String location, String practitioner) {
		return location + "/" + practitioner;
	}

	/** The {@link #practitionerKey} a {@link #calendarKey} starts with. */
	static String practitionerKeyOf(String calendarKey) {
		return calendarKey.substring(0, calendarKey.lastIndexOf('/'));
	}

	/**
	 * The calendar store of the partition that holds {@code location}, for interactive
	 * queries: one store to scan instead of every partition's on this instance.
	 */
	static ReadOnlyKeyValueStore<String, Booked> calendarOf(KafkaStreams streams, LocationId location) {
		StoreQueryParameters<ReadOnlyKeyValueStore<String, Booked>> query = StoreQueryParameters
			.fromNameAndType(CALENDAR, QueryableStoreTypes.keyValueStore());
		KeyQueryMetadata holder = streams.queryMetadataForKey(CALENDAR, location,
				Topics.BOOKING_COMMANDS.keySerde().serializer());
		return streams.store((holder.partition() >= 0) ? query.withPartition(holder.partition()) : query);
	}

	/** A {@link Calendar} over the calendar store. */
	static Calendar calendar(ReadOnlyKeyValueStore<String, Booked> store, Duration longestOccupancy) {
		return (location, practitioner, from, until) -> {
			List<Booked> booked = new ArrayList<>();
			try (KeyValueIterator<String, Booked> range = store.range(
					calendarKey(location, practitioner, from.minus(longestOccupancy)),
					calendarKey(location, practitioner, until))) {
				while (range.hasNext()) {
					KeyValue<String, Booked> entry = range.next();
					if (entry.value.overlaps(from, until)) {
						booked.add(entry.value);
					}
				}
			}
			return booked;
		};
	}

}
