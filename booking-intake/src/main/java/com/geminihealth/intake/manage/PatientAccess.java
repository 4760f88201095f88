package com.geminihealth.intake.manage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.apache.kafka.streams.state.HostInfo;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.decider.DeciderProperties;
import com.geminihealth.intake.decider.DeciderQueries;
import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.intake.web.Forwarding;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.link.ManageTokens;

/**
 * Opens an appointment for the holder of its manage link, and for nobody else: the token
 * must verify against the appointment as it stands now (moved since? the old links are
 * dead), and the appointment must not have ended. The same for the link in a waitlist's
 * offer, which opens the offer at the appointment's first time, and for the link that
 * asks about a session afterwards, which is signed for that alone and opens the session
 * once it is over too. The decider's state answers, on this instance or on the one that
 * owns the appointment.
 */
@Service
public class PatientAccess {

	/**
	 * The states of a booked appointment, which its manage link opens: not an offer, held
	 * or closed, that was never claimed.
	 */
	static final Set<RequestStatus.State> BOOKED = EnumSet.of(RequestStatus.State.CONFIRMED,
			RequestStatus.State.CANCELLED, RequestStatus.State.COMPLETED, RequestStatus.State.NO_SHOW);

	private final DeciderQueries queries;

	private final ManageTokens tokens;

	private final ClinicProperties clinic;

	private final Clock clock;

	private final Duration offerFor;

	private final RestClient http = RestClient.create();

	PatientAccess(DeciderQueries queries, ManageLinkProperties links, ClinicProperties clinic,
			DeciderProperties decider, Clock clock) {
		this.queries = queries;
		this.tokens = new ManageTokens(links.secret());
		this.clinic = clinic;
		this.offerFor = decider.waitlist().offerFor();
		this.clock = clock;
	}

	/**
	 * The appointment the token opens; empty for a token that is forged, for another time
	 * of the appointment, for an appointment that is over, and for anything not booked: a
	 * waitlist's offer opens on its own page ({@link #offer}) until it is claimed.
	 * @param forwarded when another instance already routed the question here
	 */
	public Optional<ManagedAppointment> open(String token, boolean forwarded) {
		return find(token, forwarded,
				(appointment, record) -> Optional.of(record)
					.filter(this::notOver)
					.filter((booked) -> BOOKED.contains(booked.state()))
					.filter((booked) -> this.tokens.opens(token, appointment, booked.appointment().sequence()))
					.map(this::view),
				(owner, appointment) -> ask(owner, AppointmentPaths.api(appointment), token, ManagedAppointment.class));
	}

	/**
	 * The waitlist offer the token of its offer opens: issued for the offer at sequence
	 * 0, it shows the offer while it is held, how it closed, or the appointment it
	 * became. Empty for a token that is forged or for another appointment, and once the
	 * time is over.
	 * @param forwarded when another instance already routed the question here
	 */
	public Optional<WaitlistOffer> offer(String token, boolean forwarded) {
		return find(token, forwarded,
				(offer, record) -> Optional.of(record)
					.filter(this::notOver)
					.filter((known) -> this.tokens.opens(token, offer, 0))
					.map((known) -> WaitlistOffer.of(known, heldUntil(known))),
				(owner, offer) -> ask(owner, AppointmentPaths.offerApi(offer), token, WaitlistOffer.class));
	}

	/**
	 * The session a feedback link asks about, before, during and after it: whether the
	 * question is open is the session's to say ({@link FeedbackSession#question}). Empty
	 * for a token that is forged, for a manage link's token, for anything not booked, and
	 * once the decider has forgotten the appointment.
	 * @param forwarded when another instance already routed the question here
	 */
	public Optional<FeedbackSession> feedback(String token, boolean forwarded) {
		return find(token, forwarded,
				(appointment, record) -> Optional.of(record)
					.filter((booked) -> BOOKED.contains(booked.state()))
					.filter((booked) -> this.tokens.opensFeedback(token, appointment))
					.map(FeedbackSession::of),
				(owner, appointment) -> ask(owner, AppointmentPaths.feedbackApi(appointment), token,
						FeedbackSession.class));
	}

	/**
	 * What the token opens, from the decider's record of the appointment it names, on
	 * this instance or else on the one that holds it.
	 */
	private <T> Optional<T> find(String token, boolean forwarded,
			BiFunction<AppointmentId, RequestStatus, Optional<T>> here,
			BiFunction<HostInfo, AppointmentId, Optional<T>> there) {
		Optional<AppointmentId> named = ManageTokens.appointmentOf(token);
		if (named.isEmpty()) {
			return Optional.empty();
		}
		Optional<RequestStatus> known = this.queries.status(named.get())
			.filter((record) -> record.appointment() != null);
		if (known.isPresent()) {
			return here.apply(named.get(), known.get());
		}
		if (forwarded) {
			return Optional.empty();
		}
		for (HostInfo other : this.queries.otherInstances()) {
			Optional<T> answer = there.apply(other, named.get());
			if (answer.isPresent()) {
				return answer;
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the appointment has not ended yet: a manage or offer link opens it until
	 * then.
	 */
	private boolean notOver(RequestStatus record) {
		return this.clock.instant().isBefore(record.appointment().end());
	}

	/**
	 * Until when an offer is held: from when it was made, as long as the decider holds
	 * offers.
	 */
	private Instant heldUntil(RequestStatus record) {
		return (record.decidedAt() != null) ? record.decidedAt().plus(this.offerFor) : Instant.EPOCH;
	}

	private ManagedAppointment view(RequestStatus record) {
		var appointment = record.appointment();
		LocalDateTime until = LocalDateTime.ofInstant(
				appointment.start().minus(this.clinic.changeNotice(appointment.service().value())), appointment.zone());
		return ManagedAppointment.of(record, until);
	}

	private <T> Optional<T> ask(HostInfo owner, String path, String token, Class<T> type) {
		try {
			return Optional.ofNullable(this.http.get()
				.uri("http://" + owner.host() + ":" + owner.port() + path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.header(Forwarding.HEADER, "true")
				.retrieve()
				.body(type));
		}
		catch (RestClientException ex) {
			// Not there, or not reachable: the next instance may own it.
			return Optional.empty();
		}
	}

}
