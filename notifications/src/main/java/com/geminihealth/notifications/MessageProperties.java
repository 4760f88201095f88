package com.geminihealth.notifications;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * What messages to patients say about the clinic, and who emails come from: built by
 * {@link MessagesConfiguration} from {@link MessageSettings} and the one clinic
 * catalogue.
 *
 * @param from the sender address
 * @param clinicName as patients know it
 * @param clinicPhone the front desk, for questions and cancellations
 * @param bookingUrl the public booking page, for picking an alternative
 * @param manageUrl the intake's "manage my appointment" page, to which each link adds its
 * token
 * @param offerUrl the intake's page for claiming a waitlist offer, to which each claim
 * link adds its token
 * @param feedbackUrl the intake's page that asks a patient about their session, to which
 * each feedback link adds its token
 * @param locations each location's name and address, by id
 */
public record MessageProperties(@NotBlank @Email String from, @NotBlank String clinicName, @NotBlank String clinicPhone,
		@NotBlank String bookingUrl, @NotBlank String manageUrl, @NotBlank String offerUrl,
		@NotBlank String feedbackUrl, @NotEmpty Map<String, @Valid Location> locations) {

	/**
	 * @param name as patients see it
	 * @param address street address
	 * @param shortName a word or two for text messages
	 */
	public record Location(@NotBlank String name, @NotBlank String address, @NotBlank String shortName) {
	}

	public Location location(String id) {
		return this.locations.getOrDefault(id, new Location(this.clinicName, "", this.clinicName));
	}

}
