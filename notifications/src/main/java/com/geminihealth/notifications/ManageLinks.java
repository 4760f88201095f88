package com.geminihealth.notifications;

import org.springframework.stereotype.Component;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.link.ManageTokens;

/**
 * The link to a patient's "manage my appointment" page on the intake. Its token opens the
 * appointment only as it stands when the message is written: once the appointment moves,
 * the links sent for its old time stop working, and the messages about the move carry new
 * ones.
 * <p>
 * A waitlist offer's claim link carries the same kind of token, for the appointment the
 * offer becomes if claimed, as it first stands (sequence 0): once claimed, the same token
 * opens that appointment's manage page.
 * <p>
 * The link that asks about a session afterwards carries a token signed for that purpose:
 * it opens the feedback page only, and no manage link opens that page.
 */
@Component
public class ManageLinks {

	private final ManageTokens tokens;

	private final String page;

	private final String offerPage;

	private final String feedbackPage;

	public ManageLinks(ManageLinkProperties links, MessageProperties messages) {
		this.tokens = new ManageTokens(links.secret());
		this.page = withSlash(messages.manageUrl());
		this.offerPage = withSlash(messages.offerUrl());
		this.feedbackPage = withSlash(messages.feedbackUrl());
	}

	public String of(Appointment appointment) {
		return this.page + this.tokens.issue(appointment.appointmentId(), appointment.sequence());
	}

	/** The link that claims the waitlist offer {@code offer} for its patient. */
	public String claim(AppointmentId offer) {
		return this.offerPage + this.tokens.issue(offer, 0);
	}

	/**
	 * The link that asks the patient how {@code session} went, whatever became of it
	 * since: it names the session, not a time.
	 */
	public String feedback(Appointment session) {
		return this.feedbackPage + this.tokens.issueFeedback(session.appointmentId());
	}

	private static String withSlash(String url) {
		return url.endsWith("/") ? url : url + "/";
	}

}
