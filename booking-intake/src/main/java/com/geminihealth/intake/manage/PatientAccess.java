package com.geminihealth.intake.manage;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import org.apache.kafka.streams.state.HostInfo;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.decider.DeciderQueries;
import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.intake.web.Forwarding;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.link.ManageTokens;

/**
 * Opens an appointment for the holder of its manage link, and for nobody else: the token
 * must verify against the appointment as it stands now (moved since? the old links are
 * dead), and the appointment must not have ended. The decider's state answers, on this
 * instance or on the one that owns the appointment.
 */
@Service
public class PatientAccess {

	private final DeciderQueries queries;

	private final ManageTokens tokens;

	private final ClinicProperties clinic;

	private final Clock clock;

	private final RestClient http = RestClient.create();

	PatientAccess(DeciderQueries queries, ManageLinkProperties links, ClinicProperties clinic, Clock clock) {
		this.queries = queries;
		this.tokens = new ManageTokens(links.secret());
		this.clinic = clinic;
		this.clock = clock;
	}

	/**
	 * The appointment the token opens; empty for a token that is forged, for another time
	 * of the appointment, or for an appointment that is over.
	 * @param forwarded when another instance already routed the question here
	 */
	public Optional<ManagedAppointment> open(String token, boolean forwarded) {
		Optional<AppointmentId> named = ManageTokens.appointmentOf(token);
		if (named.isEmpty()) {
			return Optional.empty();
		}
		Optional<RequestStatus> known = this.queries.status(named.get())
			.filter((record) -> record.appointment() != null);
		if (known.isPresent()) {
			return known.filter((record) -> this.tokens.opens(token, named.get(), record.appointment().sequence()))
				.filter((record) -> this.clock.instant().isBefore(record.appointment().end()))
				.map(this::view);
		}
		if (forwarded) {
			return Optional.empty();
		}
		for (HostInfo other : this.queries.otherInstances()) {
			Optional<ManagedAppointment> answer = ask(other, named.get(), token);
			if (answer.isPresent()) {
				return answer;
			}
		}
		return Optional.empty();
	}

	private ManagedAppointment view(RequestStatus record) {
		var appointment = record.appointment();
		LocalDateTime until = LocalDateTime.ofInstant(
				appointment.start().minus(this.clinic.changeNotice(appointment.service().value())), appointment.zone());
		return ManagedAppointment.of(record, until);
	}

	private Optional<ManagedAppointment> ask(HostInfo owner, AppointmentId appointment, String token) {
		try {
			return Optional.ofNullable(this.http.get()
				.uri("http://" + owner.host() + ":" + owner.port() + AppointmentPaths.api(appointment))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.header(Forwarding.HEADER, "true")
				.retrieve()
				.body(ManagedAppointment.class));
		}
		catch (RestClientException ex) {
			// Not there, or not reachable: the next instance may own it.
			return Optional.empty();
		}
	}

}
