package com.geminihealth.intake.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.streams.state.HostInfo;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.decider.DeciderQueries;
import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.intake.web.Forwarding;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.LocationId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Request statuses and open slots, answered from the decider's state on whichever
 * instance owns the key: here, or asked over HTTP. The API and the booking page both read
 * through it.
 */
@Service
public class ReadSide {

	private final DeciderQueries queries;

	private final Forwarding forwarding;

	private final ClinicProperties clinic;

	private final JsonMapper json;

	ReadSide(DeciderQueries queries, Forwarding forwarding, ClinicProperties clinic, JsonMapper json) {
		this.queries = queries;
		this.forwarding = forwarding;
		this.clinic = clinic;
		this.json = json;
	}

	/** {@code forwarded} when another instance already routed the question here. */
	StatusView status(UUID requestId, boolean forwarded) {
		Optional<RequestStatus> known = this.queries.status(new AppointmentId(requestId));
		if (known.isPresent() || forwarded) {
			return StatusView.of(requestId.toString(), known.orElse(RequestStatus.PENDING));
		}
		for (HostInfo other : this.queries.otherInstances()) {
			StatusView answer = this.json.readValue(this.forwarding.get(other, BookingController.statusPath(requestId)),
					StatusView.class);
			if (!RequestStatus.State.PENDING.name().equals(answer.status())) {
				return answer;
			}
		}
		return StatusView.of(requestId.toString(), RequestStatus.PENDING);
	}

	public List<StatusView.SlotView> openSlots(String location, String service, String practitioner, LocalDate from,
			LocalDate to, boolean forwarded) {
		LocationId id = new LocationId(location);
		Optional<HostInfo> owner = forwarded ? Optional.empty() : this.queries.ownerOf(id);
		if (owner.isPresent()) {
			String path = UriComponentsBuilder.fromPath("/api/availability")
				.queryParam("location", location)
				.queryParam("service", service)
				.queryParam("from", from)
				.queryParam("to", to)
				.queryParamIfPresent("practitioner", Optional.ofNullable(practitioner))
				.build()
				.toUriString();
			return List.of(this.json.readValue(this.forwarding.get(owner.get(), path), StatusView.SlotView[].class));
		}
		return this.queries.openSlots(id, service, practitioner, from, to)
			.stream()
			.map((slot) -> StatusView.SlotView.of(slot, this.clinic.locations().get(location).zone()))
			.toList();
	}

}
