package com.geminihealth.intake.twilio;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.patient.HelpRequested;
import com.geminihealth.schemas.patient.OptedIn;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Reads an SMS reply, in English or French: an opt-out or opt-in keyword, HELP, C or Y to
 * confirm attendance, a single digit from 1 to 5 answering the question asked after a
 * session, or free text for the front desk. Case, accents and surrounding punctuation do
 * not matter.
 */
final class Keywords {

	static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET",
			"ARRETER", "DESABONNER");

	static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "DEBUT", "REPRENDRE");

	static final Set<String> HELP = Set.of("HELP", "INFO", "AIDE");

	static final Set<String> CONFIRM = Set.of("C", "Y", "YES", "O", "OUI");

	private Keywords() {
	}

	static PatientReply read(PatientContact from, String body, Instant at) {
		String word = normalise(body);
		if (OPT_OUT.contains(word)) {
			return new OptedOut(from, Channel.SMS, word, ReplySource.SMS_KEYWORD, at);
		}
		if (OPT_IN.contains(word)) {
			return new OptedIn(from, Channel.SMS, word, ReplySource.SMS_KEYWORD, at);
		}
		if (HELP.contains(word)) {
			return new HelpRequested(from, word, at);
		}
		if (CONFIRM.contains(word)) {
			return new AttendanceConfirmed(from, at);
		}
		int score = score(word);
		if (SessionFeedback.scores(score)) {
			return new FeedbackAnswered(from, null, score, null, at);
		}
		return new FreeTextReply(from, body.strip(), at);
	}

	/**
	 * The score a reply of one digit gives; -1 for any other reply. It names no session:
	 * it answers the last one the patient was asked about.
	 */
	private static int score(String word) {
		return (word.length() == 1) ? Character.digit(word.charAt(0), 10) : -1;
	}

	private static String normalise(String body) {
		String plain = Normalizer.normalize(body.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
	}

}
