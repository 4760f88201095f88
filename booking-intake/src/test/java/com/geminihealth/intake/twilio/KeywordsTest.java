package com.geminihealth.intake.twilio;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.patient.HelpRequested;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a patient's text means: a digit from 1 to 5 answers the question after their
 * session, and every other reply keeps its meaning.
 */
class KeywordsTest {

	private static final PatientContact FROM = new PatientContact("+12895550190");

	private static final Instant AT = Instant.parse("2026-12-08T15:00:00Z");

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1|1", "3|3", "5|5", " 4 |4", "4.|4", "'2!'|2" })
	void takesOneDigitFromOneToFiveAsTheScoreOfTheLastSession(String body, int score) {
		assertThat(Keywords.read(FROM, body, AT)).isEqualTo(new FeedbackAnswered(FROM, null, score, null, AT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "6", "9", "45", "4/5", "10", "4 stars", "I'd say 5", "５" })
	void passesAnyOtherNumberToTheFrontDeskAsText(String body) {
		assertThat(Keywords.read(FROM, body, AT)).isEqualTo(new FreeTextReply(FROM, body.strip(), AT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "C", "y", "Oui" })
	void stillTakesCYAndOuiAsConfirmingAttendance(String body) {
		assertThat(Keywords.read(FROM, body, AT)).isEqualTo(new AttendanceConfirmed(FROM, AT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "STOP", "Arrêt", "cancel" })
	void stillTakesTheOptOutWords(String body) {
		assertThat(Keywords.read(FROM, body, AT)).isInstanceOf(OptedOut.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HELP", "aide" })
	void stillAnswersHelp(String body) {
		assertThat(Keywords.read(FROM, body, AT)).isInstanceOf(HelpRequested.class);
	}

}
