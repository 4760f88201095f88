package com.geminihealth.notifications;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What only the messages need to know: who emails come from and where their links lead.
 * The clinic's name, number and locations come from the one clinic catalogue; see
 * {@link MessagesConfiguration}.
 *
 * @param from the sender address
 * @param bookingUrl the public booking page, for picking an alternative
 * @param manageUrl the intake's "manage my appointment" page, to which each link adds its
 * token
 * @param offerUrl the intake's page for claiming a waitlist offer
 * ({@code {public-base-url}/waitlist/offers/}), to which each claim link adds its token
 * @param feedbackUrl the intake's page that asks a patient about their session
 * ({@code {public-base-url}/feedback/}), to which each feedback link adds its token
 */
@Validated
@ConfigurationProperties("notifications.messages")
public record MessageSettings(@NotBlank @Email String from, @NotBlank String bookingUrl, @NotBlank String manageUrl,
		@NotBlank String offerUrl, @NotBlank String feedbackUrl) {

}
