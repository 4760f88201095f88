package com.geminihealth.intake.decider;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.LocationId;

/**
 * Reads the decider's own state (interactive queries), so answers agree with decisions.
 * With several instances, each location lives on one of them: {@link #ownerOf} says
 * which, and the caller forwards the question there when it is not this instance. A
 * request's status lives with its location, which its id does not name: the caller asks
 * the {@link #otherInstances() other instances} when this one does not know it.
 */
@Component
public class DeciderQueries {

	private final StreamsBuilderFactoryBean streams;

	private final ClinicProperties clinic;

	private final Clock clock;

	DeciderQueries(StreamsBuilderFactoryBean streams, ClinicProperties clinic, Clock clock) {
		this.streams = streams;
		this.clinic = clinic;
		this.clock = clock;
	}

	/**
	 * The request's status, if this instance holds it: empty until it is decided, or when
	 * another instance owns its location.
	 */
	public Optional<RequestStatus> status(AppointmentId request) {
		ReadOnlyKeyValueStore<String, RequestStatus> statuses = kafkaStreams()
			.store(StoreQueryParameters.fromNameAndType(DeciderStores.REQUESTS, QueryableStoreTypes.keyValueStore()));
		return Optional.ofNullable(statuses.get(request.value()));
	}

	/** The other instances that run the decider. */
	public List<HostInfo> otherInstances() {
		HostInfo self = selfHost();
		return kafkaStreams().streamsMetadataForStore(DeciderStores.REQUESTS)
			.stream()
			.map(StreamsMetadata::hostInfo)
			.filter((host) -> !host.equals(self))
			.distinct()
			.toList();
	}

	/**
	 * Open slots from this instance's calendars, as the decider would confirm them now.
	 */
	public List<Slot> openSlots(LocationId location, String service, String practitioner, LocalDate from,
			LocalDate to) {
		return availabilityAt(kafkaStreams(), this.clinic, location).open(location.value(), service, practitioner, from,
				to, this.clock.instant());
	}

	/**
	 * The booking rules over the calendars of {@code location}'s partition on this
	 * instance, as queries read them.
	 */
	static Availability availabilityAt(KafkaStreams streams, ClinicProperties clinic, LocationId location) {
		return new Availability(clinic, DeciderStores.calendar(DeciderStores.calendarOf(streams, location),
				DeciderStores.longestOccupancy(clinic)), DeciderStores.scheduleChangesOf(streams));
	}

	/** The instance holding a location's calendar, or empty when it is this one. */
	public Optional<HostInfo> ownerOf(LocationId location) {
		KeyQueryMetadata owner = kafkaStreams().queryMetadataForKey(DeciderStores.CALENDAR, location,
				Topics.BOOKING_COMMANDS.keySerde().serializer());
		if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner) || owner.activeHost().equals(selfHost())) {
			return Optional.empty();
		}
		return Optional.of(owner.activeHost());
	}

	private HostInfo selfHost() {
		Object server = this.streams.getStreamsConfiguration().get("application.server");
		return (server != null) ? HostInfo.buildFromEndpoint(server.toString()) : null;
	}

	private KafkaStreams kafkaStreams() {
		KafkaStreams running = this.streams.getKafkaStreams();
		if (running == null) {
			throw new StreamsNotStartedException("the decider has not started yet");
		}
		return running;
	}

}
