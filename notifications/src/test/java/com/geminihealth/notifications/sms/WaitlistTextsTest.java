package com.geminihealth.notifications.sms;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.geminihealth.notifications.ManageLinkProperties;
import com.geminihealth.notifications.ManageLinks;
import com.geminihealth.notifications.MessageProperties;
import com.geminihealth.notifications.PatientWords;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.link.ManageTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist offer's text says what the appointment texts say, plus until when the time
 * is held and the link that claims it, within two GSM-7 segments in both languages.
 */
class WaitlistTextsTest {

	static final String DEPLOYED_OFFERS = "https://rendezvous.geminihealthgroup.ca/waitlist/offers/";

	static final Instant TEN_AM = Instant.parse("2026-12-07T15:00:00Z");

	static final Instant OFFERED_AT = Instant.parse("2026-12-07T14:00:00Z");

	static final Instant HELD_UNTIL = OFFERED_AT.plusSeconds(15 * 60);

	final AppointmentId offer = AppointmentId.random();

	@Test
	void saysWhoWhenWhereUntilWhenItIsHeldAndHowToClaimIt() {
		String link = links("http://localhost:8080/waitlist/offers/").claim(this.offer);

		assertThat(texts("http://localhost:8080/waitlist/offers/").render(Language.EN, "Maya", TEN_AM,
				SmsMessagesTest.TORONTO, "Burlington", link, OFFERED_AT, HELD_UNTIL))
			.isEqualTo("Gemini Health Group: a time opened with Maya, Mon Dec 7, 10:00 AM, Burlington,"
					+ " held for you until 9:15 AM. STOP to opt out. Claim it: " + link + " or call +1 289-234-8001");
		assertThat(texts("http://localhost:8080/waitlist/offers/").render(Language.FR, "Maya", TEN_AM,
				SmsMessagesTest.TORONTO, "Burlington", link, OFFERED_AT, HELD_UNTIL))
			.contains("un créneau libre avec Maya le 7/12 à 10h00 à Burlington, réservé pour vous jusqu'à 9h15.")
			.contains("Le prendre : " + link);
	}

	@Test
	void claimsTheOfferWithTheTokenOfTheAppointmentItBecomes() {
		String link = links("http://localhost:8080/waitlist/offers").claim(this.offer);

		assertThat(link).startsWith("http://localhost:8080/waitlist/offers/");
		String token = link.substring(link.lastIndexOf('/') + 1);
		assertThat(new ManageTokens(SmsMessagesTest.SECRET).opens(token, this.offer, 0)).isTrue();
	}

	@Test
	void staysWithinTwoGsm7SegmentsWithTheLongestNamePlaceDateAndLink() {
		Instant lateInSeptember = Instant.parse("2026-09-30T16:45:00Z");
		String link = links(DEPLOYED_OFFERS).claim(this.offer);
		for (Language language : Language.values()) {
			String text = texts(DEPLOYED_OFFERS).render(language, "Marie-Christine", lateInSeptember,
					SmsMessagesTest.TORONTO, "Saint-Jean-sur-Richelieu", link, lateInSeptember.minusSeconds(3600),
					lateInSeptember.minusSeconds(2700));
			assertThat(SmsMessagesTest.segments(text)).as("%s: %s", language, text).isLessThanOrEqualTo(2);
			assertThat(text.chars()).as(text).allMatch((c) -> SmsMessagesTest.GSM_7.indexOf(c) >= 0);
			assertThat(text).contains(" " + link);
		}
	}

	@Test
	void neverAsksForCancelWhichIsAnOptOutWord() {
		PatientWords words = new PatientWords();
		for (Language language : Language.values()) {
			assertThat(words.smsTemplate(WaitlistTexts.OFFERED, language)).doesNotContainIgnoringCase("cancel")
				.doesNotContainIgnoringCase("annul");
		}
	}

	private static WaitlistTexts texts(String offerUrl) {
		MessageProperties properties = SmsMessagesTest.properties("http://localhost:8080/m/", offerUrl);
		// Rendering reads no catalogue: it is asked only for a practitioner the offer
		// does not name.
		return new WaitlistTexts(properties, null,
				new ManageLinks(new ManageLinkProperties(SmsMessagesTest.SECRET), properties), new PatientWords());
	}

	private static ManageLinks links(String offerUrl) {
		return new ManageLinks(new ManageLinkProperties(SmsMessagesTest.SECRET),
				SmsMessagesTest.properties("http://localhost:8080/m/", offerUrl));
	}

}
