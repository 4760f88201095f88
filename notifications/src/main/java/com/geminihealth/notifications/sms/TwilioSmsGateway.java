package com.geminihealth.notifications.sms;

import java.net.SocketTimeoutException;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

import org.springframework.web.util.UriComponentsBuilder;

import com.geminihealth.notifications.delivery.NotificationDelivery.OutcomeUnknown;
import com.geminihealth.notifications.delivery.NotificationDelivery.PermanentFailure;
import com.geminihealth.schemas.notification.NotificationId;

/**
 * Texts through the Twilio SDK. Errors Twilio calls permanent (an invalid number, 21211;
 * an opted-out number, 21610; a number that cannot receive texts, 21614) fail at once;
 * rate limits, server errors, refused credentials and connections refused are thrown on
 * for the listener to retry. A request that got no answer in time may have been taken:
 * its outcome is unknown, and Twilio's delivery report settles it.
 */
class TwilioSmsGateway implements SmsGateway {

	private final TwilioRestClient client;

	private final SmsProperties properties;

	TwilioSmsGateway(TwilioRestClient client, SmsProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	@Override
	public String send(Sms sms, NotificationId notification) {
		PhoneNumber to = new PhoneNumber(sms.to());
		MessageCreator creator = (this.properties.messagingServiceSid() != null)
				? Message.creator(to, this.properties.messagingServiceSid(), sms.body())
				: Message.creator(to, new PhoneNumber(this.properties.from()), sms.body());
		if (this.properties.statusCallbackUrl() != null) {
			// Twilio's reports then name the notification, not only its own message id.
			creator.setStatusCallback(UriComponentsBuilder.fromUri(this.properties.statusCallbackUrl())
				.queryParam("notification", notification.value())
				.encode()
				.build()
				.toUri());
		}
		try {
			return creator.create(this.client).getSid();
		}
		catch (ApiException ex) {
			// The SDK wraps an I/O failure in an ApiException without a status.
			if (answerLost(ex)) {
				throw new OutcomeUnknown("Twilio did not answer in time", ex);
			}
			Integer status = ex.getStatusCode();
			if (status != null && status >= 400 && status < 500 && status != 429 && !credentialsRefused(status)) {
				throw new PermanentFailure("Twilio refused the message",
						(ex.getCode() != null) ? String.valueOf(ex.getCode()) : String.valueOf(status), ex);
			}
			throw ex;
		}
	}

	/**
	 * Whether Twilio refused the account's credentials (401, error 20003): a
	 * configuration fault an operator fixes in minutes, so the message is retried until
	 * its horizon, not failed for good.
	 */
	static boolean credentialsRefused(int status) {
		return status == 401;
	}

	/**
	 * Whether the request may have reached Twilio with its answer lost: a read timeout or
	 * a connection closed without an answer, but not a connection that never opened.
	 */
	static boolean answerLost(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectTimeoutException) {
				return false;
			}
			if (cause instanceof SocketTimeoutException || cause instanceof NoHttpResponseException) {
				return true;
			}
		}
		return false;
	}

}
