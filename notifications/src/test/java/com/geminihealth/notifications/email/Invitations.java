package com.geminihealth.notifications.email;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads an invitation back as a calendar application would, after checking its form. */
final class Invitations {

	private Invitations() {
	}

	/**
	 * The invitation's only event, once its lines are seen to end in CRLF and to be
	 * folded at 75 octets (RFC 5545 3.1), and ical4j finds it valid for its METHOD (RFC
	 * 5546).
	 */
	static VEvent parse(String ics) throws Exception {
		assertThat(ics).endsWith("\r\n");
		assertThat(ics.replace("\r\n", "")).as("line ends other than CRLF").doesNotContain("\r").doesNotContain("\n");
		assertThat(ics.split("\r\n"))
			.allSatisfy((line) -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets in %s", line)
				.isLessThanOrEqualTo(75));
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		assertThat(calendar.validate().getEntries()).as("validation of%n%s", ics).isEmpty();
		assertThat(calendar.<VEvent>getComponents()).hasSize(1);
		return calendar.<VEvent>getComponents().get(0);
	}

	/** The invitation's METHOD. */
	static String method(String ics) throws Exception {
		return new CalendarBuilder().build(new StringReader(ics)).getProperty("METHOD").orElseThrow().getValue();
	}

}
