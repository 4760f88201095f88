package com.geminihealth.notifications.sms;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.geminihealth.notifications.MessageProperties;
import com.geminihealth.schemas.booking.Language;

import static org.assertj.core.api.Assertions.assertThat;

class SmsMessagesTest {

	/** The GSM 03.38 basic character set: texts in it fit 160 characters a segment. */
	static final String GSM_7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	final SmsMessages messages = new SmsMessages(new MessageProperties("appointments@geminihealth.example",
			"Gemini Health Group", "+1 289-234-8001", "http://localhost:8080/book", "http://localhost:8080/m/",
			Map.of("burlington",
					new MessageProperties.Location("Gemini Health Burlington", "1450 Brant Street", "Burlington"))));

	@Test
	void keepsEveryTemplateToOneGsm7SegmentWithRealisticValues() {
		// The longest month, weekday, hour and a long first name and place.
		Instant lateInLongestMonth = Instant.parse("2026-09-30T01:45:00Z");
		for (Language language : Language.values()) {
			for (String purpose : SmsMessages.TEMPLATES.get(language).keySet()) {
				String text = this.messages.render(language, purpose, "Alexandrine", lateInLongestMonth,
						ZoneId.of("America/Toronto"), "Stoney Creek");
				assertThat(segments(text)).as("%s %s: %s", language, purpose, text).isEqualTo(1);
			}
		}
	}

	@Test
	void neverAsksForCancelWhichIsAnOptOutWord() {
		SmsMessages.TEMPLATES.values()
			.forEach((templates) -> templates.values()
				.forEach((template) -> assertThat(template).doesNotContainIgnoringCase("reply cancel")
					.doesNotContainIgnoringCase("répondez annul")));
	}

	@Test
	void rendersLocalTimeWithAnExplicitLocale() {
		Instant tenAmInToronto = Instant.parse("2026-12-07T15:00:00Z");

		assertThat(this.messages.render(Language.EN, "appointment-confirmed", "Maya", tenAmInToronto,
				ZoneId.of("America/Toronto"), "Burlington"))
			.contains("Mon Dec 7, 10:00 AM");
		assertThat(this.messages.render(Language.FR, "appointment-confirmed", "Maya", tenAmInToronto,
				ZoneId.of("America/Toronto"), "Burlington"))
			.contains("7/12 à 10h00");
	}

	/**
	 * Segments a text takes as GSM-7 (160, or 153 when split), or as UCS-2 (70, or 67).
	 */
	static int segments(String text) {
		boolean gsm = text.chars().allMatch((c) -> GSM_7.indexOf(c) >= 0);
		int length = text.length();
		if (gsm) {
			return (length <= 160) ? 1 : (int) Math.ceil(length / 153.0);
		}
		return (length <= 70) ? 1 : (int) Math.ceil(length / 67.0);
	}

}
