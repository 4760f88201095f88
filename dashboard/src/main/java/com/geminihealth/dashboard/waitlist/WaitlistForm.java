package com.geminihealth.dashboard.waitlist;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.StringUtils;

import com.geminihealth.dashboard.booking.CallerDetails;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

/**
 * A caller the front desk puts on the waitlist, as typed, so a form with a mistake comes
 * back filled in, with a message beside each field that needs one. The service and
 * practitioner are checked against the catalogue the decider uses, the caller as the
 * phone booking checks them ({@link CallerDetails}).
 *
 * @param location the location's id
 * @param service the service's id
 * @param practitioner a practitioner's id, or empty for anyone who gives the service
 * there
 * @param firstDay the first day they can come, yyyy-mm-dd
 * @param lastDay the last day they can come, yyyy-mm-dd
 * @param earliest the earliest start they can take, HH:mm, or empty for any
 * @param latest the latest start they can take, HH:mm, or empty for any
 * @param patientName the caller's full name
 * @param mobilePhone their mobile phone
 * @param email their email address
 * @param language EN or FR
 * @param smsConsent whether they agree to texts (the offer comes by text when they do)
 * @param feedbackConsent whether they agree to one question after each session
 */
record WaitlistForm(String location, String service, String practitioner, String firstDay, String lastDay,
		String earliest, String latest, String patientName, String mobilePhone, String email, String language,
		Boolean smsConsent, Boolean feedbackConsent) {

	static WaitlistForm startingOn(LocalDate today) {
		return new WaitlistForm(null, null, null, today.toString(), today.plusWeeks(2).toString(), null, null, null,
				null, null, Language.EN.name(), false, false);
	}

	/**
	 * The problem with each field, by field name; empty when the caller can join.
	 * {@code today} is the clinic's date: a window cannot start in the past.
	 */
	Map<String, String> problems(ClinicProperties clinic, LocalDate today) {
		Map<String, String> problems = new LinkedHashMap<>();
		boolean knownLocation = StringUtils.hasText(this.location) && clinic.locations().containsKey(this.location);
		boolean knownService = StringUtils.hasText(this.service) && clinic.services().containsKey(this.service);
		if (!knownLocation) {
			problems.put("location", "Choose a location.");
		}
		if (!knownService) {
			problems.put("service", "Choose a service.");
		}
		if (knownLocation && knownService) {
			List<String> qualified = clinic.qualifiedAt(this.location, this.service);
			if (qualified.isEmpty()) {
				problems.put("service", "Nobody gives this service at this location.");
			}
			else if (StringUtils.hasText(this.practitioner) && !qualified.contains(this.practitioner)) {
				problems.put("practitioner", "Choose a practitioner who gives this service here, or anyone.");
			}
		}
		windowProblems(today, problems);
		if (chosenLanguage() == null) {
			problems.put("language", "Choose English or French.");
		}
		problems.putAll(caller().problems());
		return problems;
	}

	private void windowProblems(LocalDate today, Map<String, String> problems) {
		LocalDate first = date(this.firstDay);
		LocalDate last = date(this.lastDay);
		if (first == null) {
			problems.put("firstDay", "Enter the first day as yyyy-mm-dd.");
		}
		else if (first.isBefore(today)) {
			problems.put("firstDay", "Choose today or a later day.");
		}
		if (last == null) {
			problems.put("lastDay", "Enter the last day as yyyy-mm-dd.");
		}
		else if (first != null && last.isBefore(first)) {
			problems.put("lastDay", "Choose a last day on or after the first.");
		}
		LocalTime from = time(this.earliest);
		LocalTime until = time(this.latest);
		if (StringUtils.hasText(this.earliest) && from == null) {
			problems.put("earliest", "Enter the earliest start as HH:mm, or leave it empty for any.");
		}
		if (StringUtils.hasText(this.latest) && until == null) {
			problems.put("latest", "Enter the latest start as HH:mm, or leave it empty for any.");
		}
		else if (from != null && until != null && until.isBefore(from)) {
			problems.put("latest", "Enter a latest start at or after the earliest.");
		}
	}

	/** The command, once {@link #problems} found none; a new entry each time. */
	JoinWaitlist join(String user) {
		PractitionerId chosen = StringUtils.hasText(this.practitioner) ? new PractitionerId(this.practitioner) : null;
		WaitlistWindow window = new WaitlistWindow(date(this.firstDay), date(this.lastDay), time(this.earliest),
				time(this.latest));
		return new JoinWaitlist(WaitlistEntryId.random(), new LocationId(this.location), new ServiceId(this.service),
				chosen, window, caller().patient(), Author.frontDesk(user));
	}

	private CallerDetails caller() {
		return new CallerDetails(this.patientName, this.mobilePhone, this.email, chosenLanguage(),
				Boolean.TRUE.equals(this.smsConsent), Boolean.TRUE.equals(this.feedbackConsent));
	}

	private Language chosenLanguage() {
		try {
			return StringUtils.hasText(this.language) ? Language.of(this.language) : Language.EN;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static LocalDate date(String typed) {
		try {
			return StringUtils.hasText(typed) ? LocalDate.parse(typed.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static LocalTime time(String typed) {
		try {
			return StringUtils.hasText(typed) ? LocalTime.parse(typed.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
