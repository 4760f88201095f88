package com.geminihealth.intake.decider;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

import com.geminihealth.intake.clinic.ClinicProperties;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.LocationId;

/**
 * Reads the decider's own state (interactive queries), so answers agree with decisions.
 * With several instances, each key lives on one of them: {@link #ownerOf} says which, and
 * the caller forwards the question there when it is not this instance.
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

	/** The request's status from this instance's state; PENDING until it is decided. */
	public RequestStatus status(AppointmentId request) {
		ReadOnlyKeyValueStore<AppointmentId, RequestStatus> statuses = kafkaStreams().store(StoreQueryParameters
			.fromNameAndType(DeciderTopology.REQUEST_STATUS, QueryableStoreTypes.keyValueStore()));
		return Optional.ofNullable(statuses.get(request)).orElse(RequestStatus.PENDING);
	}

	/**
	 * Open slots from this instance's calendars, as the decider would confirm them now.
	 */
	public List<Slot> openSlots(LocationId location, String service, String practitioner, LocalDate from,
			LocalDate to) {
		ReadOnlyKeyValueStore<String, Booked> calendar = kafkaStreams()
			.store(StoreQueryParameters.fromNameAndType(DeciderStores.CALENDAR, QueryableStoreTypes.keyValueStore()));
		return new Availability(this.clinic,
				DeciderStores.calendar(calendar, DeciderStores.longestOccupancy(this.clinic)))
			.open(location.value(), service, practitioner, from, to, this.clock.instant());
	}

	/** The instance holding a request's status, or empty when it is this one. */
	public Optional<HostInfo> ownerOf(AppointmentId request) {
		return remoteOwner(DeciderTopology.REQUEST_STATUS, request, Topics.APPOINTMENTS.keySerde().serializer());
	}

	/** The instance holding a location's calendar, or empty when it is this one. */
	public Optional<HostInfo> ownerOf(LocationId location) {
		return remoteOwner(DeciderStores.CALENDAR, location, Topics.BOOKING_COMMANDS.keySerde().serializer());
	}

	private <K> Optional<HostInfo> remoteOwner(String store, K key, Serializer<K> serializer) {
		KeyQueryMetadata owner = kafkaStreams().queryMetadataForKey(store, key, serializer);
		HostInfo self = this.streams.getKafkaStreams() != null ? selfHost() : null;
		if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner) || owner.activeHost().equals(self)) {
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
