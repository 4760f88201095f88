package com.geminihealth.intake.destination;

import java.util.Locale;

import org.springframework.util.StringUtils;

import com.geminihealth.intake.web.PhoneNumbers;
import com.geminihealth.schemas.intake.Digest;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Where one message of a request goes, and the field of the request that says so.
 *
 * @param field the request's field, where a refusal is shown
 * @param channel how the message goes
 * @param address the phone number in E.164 form, or the email address as counted: lower
 * case, without a {@code +tag}, so that one inbox is one destination
 */
public record Destination(String field, Channel channel, String address) {

	/** The address a request emails, or {@code null} if it gives none. */
	public static Destination email(String field, String email) {
		if (!StringUtils.hasText(email)) {
			return null;
		}
		String address = email.strip().toLowerCase(Locale.ROOT);
		int at = address.lastIndexOf('@');
		int plus = address.indexOf('+');
		if (plus > 0 && plus < at) {
			address = address.substring(0, plus) + address.substring(at);
		}
		return new Destination(field, Channel.EMAIL, address);
	}

	/** The number a request texts, or {@code null} if it gives none it can text. */
	public static Destination text(String field, String phone) {
		return PhoneNumbers.toE164(phone).map((number) -> new Destination(field, Channel.SMS, number)).orElse(null);
	}

	Digest digest() {
		return Digest.of(this.channel.name().toLowerCase(Locale.ROOT) + ":" + this.address);
	}

	@Override
	public String toString() {
		return "Destination[" + this.field + ", " + this.channel + "]";
	}

}
