package com.geminihealth.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.booking.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a patient reads exists in both languages: a key added to one bundle only
 * would send a French patient an English word, or fail their message.
 */
class PatientWordsTest {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	final PatientWords words = new PatientWords();

	@Test
	void bothBundlesHaveTheSameWords() throws IOException {
		Properties english = bundle(PatientWords.BUNDLE + ".properties");
		Properties french = bundle(PatientWords.BUNDLE + "_fr.properties");

		assertThat(english).isNotEmpty();
		assertThat(french.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
	}

	@Test
	void saysWhenInEachLanguagesOwnWay() {
		Instant tenAmInToronto = Instant.parse("2026-12-07T15:00:00Z");

		assertThat(this.words.emailWhen(tenAmInToronto, TORONTO, Language.EN))
			.isEqualTo("Monday, December 7, 2026 at 10:00 a.m.");
		assertThat(this.words.emailWhen(tenAmInToronto, TORONTO, Language.FR))
			.isEqualTo("lundi 7 décembre 2026 à 10 h 00");
		assertThat(this.words.smsWhen(tenAmInToronto, TORONTO, Language.EN)).isEqualTo("Mon Dec 7, 10:00 AM");
		assertThat(this.words.smsWhen(tenAmInToronto, TORONTO, Language.FR)).isEqualTo("7/12 à 10h00");
	}

	@Test
	void readsQuotesAsWritten() {
		assertThat(this.words.emailSubject("appointment-declined", Language.FR))
			.isEqualTo("Nous n'avons pas pu réserver ce créneau");
	}

	static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = PatientWordsTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
