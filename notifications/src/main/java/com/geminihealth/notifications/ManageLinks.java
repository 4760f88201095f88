package com.geminihealth.notifications;

import org.springframework.stereotype.Component;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.link.ManageTokens;

/**
 * The link to a patient's "manage my appointment" page on the intake. Its token opens the
 * appointment only as it stands when the message is written: once the appointment moves,
 * the links sent for its old time stop working, and the messages about the move carry new
 * ones.
 */
@Component
public class ManageLinks {

	private final ManageTokens tokens;

	private final String page;

	public ManageLinks(ManageLinkProperties links, MessageProperties messages) {
		this.tokens = new ManageTokens(links.secret());
		String url = messages.manageUrl();
		this.page = url.endsWith("/") ? url : url + "/";
	}

	public String of(Appointment appointment) {
		return this.page + this.tokens.issue(appointment.appointmentId(), appointment.sequence());
	}

}
