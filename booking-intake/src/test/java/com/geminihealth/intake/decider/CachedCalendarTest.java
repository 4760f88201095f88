package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachedCalendarTest {

	static final Instant NINE = Instant.parse("2026-12-01T14:00:00Z");

	static final Duration LONGEST = Duration.ofMinutes(105);

	KeyValueStore<String, Booked> store;

	@BeforeEach
	void openStore() {
		this.store = Stores
			.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DeciderStores.CALENDAR), Serdes.String(),
					BookedSerde.serde())
			.withLoggingDisabled()
			.build();
		this.store.init(new MockProcessorContext<>().getStateStoreContext(), this.store);
	}

	@Test
	void timeRestoredIntoTheStoreBeforeTheTaskStartsIsStillTaken() {
		Booked restored = booked("a-1", NINE, 75);
		this.store.put(DeciderStores.calendarKey("burlington", "maya-chen", NINE), restored);

		CachedCalendar calendar = new CachedCalendar(this.store, LONGEST);

		assertThat(calendar.booked("burlington", "maya-chen", NINE.plusSeconds(3600), NINE.plusSeconds(7200)))
			.containsExactly(restored);
		assertThat(calendar.booked("burlington", "james-okafor", NINE, NINE.plusSeconds(3600))).isEmpty();
		assertThat(calendar.booked("oakville", "maya-chen", NINE, NINE.plusSeconds(3600))).isEmpty();
	}

	@Test
	void holdingAndReleasingWriteThroughToTheStore() {
		CachedCalendar calendar = new CachedCalendar(this.store, LONGEST);
		Booked held = booked("a-1", NINE, 60);

		calendar.hold("burlington", "maya-chen", held);
		assertThat(this.store.get(DeciderStores.calendarKey("burlington", "maya-chen", NINE))).isEqualTo(held);
		assertThat(
				new CachedCalendar(this.store, LONGEST).booked("burlington", "maya-chen", NINE, NINE.plusSeconds(60)))
			.containsExactly(held);

		calendar.release("burlington", "maya-chen", NINE);
		assertThat(this.store.get(DeciderStores.calendarKey("burlington", "maya-chen", NINE))).isNull();
		assertThat(calendar.booked("burlington", "maya-chen", NINE, NINE.plusSeconds(3600))).isEmpty();
	}

	@Test
	void answersWhatOverlapsInOrderOfStartIncludingTimeBookedBeforeTheRange() {
		CachedCalendar calendar = new CachedCalendar(this.store, LONGEST);
		Booked earlier = booked("a-1", NINE, 75);
		Booked touching = booked("a-2", NINE.plusSeconds(75 * 60), 60);
		Booked later = booked("a-3", NINE.plusSeconds(4 * 3600), 60);
		calendar.hold("burlington", "maya-chen", later);
		calendar.hold("burlington", "maya-chen", touching);
		calendar.hold("burlington", "maya-chen", earlier);

		assertThat(calendar.booked("burlington", "maya-chen", NINE.plusSeconds(3600), NINE.plusSeconds(3 * 3600)))
			.containsExactly(earlier, touching);
		assertThat(calendar.booked("burlington", "maya-chen", NINE.plusSeconds(75 * 60), NINE.plusSeconds(4 * 3600)))
			.containsExactly(touching);
	}

	static Booked booked(String id, Instant start, int minutes) {
		return new Booked(id, start, start.plusSeconds(60L * minutes));
	}

}
