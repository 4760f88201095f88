package com.geminihealth.intake.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.geminihealth.platform.clinic.ClinicProperties;

/**
 * Puts what each step of the booking page shows into its model: the choices of the step,
 * and a summary of those already made, each with a way back to change it. The page asks
 * location, service, practitioner (or anyone), then shows a week of open times, then the
 * patient's details.
 */
@Component
class BookingSteps {

	/**
	 * How far past a week with no open times the page looks for the next open day: what
	 * one availability query may cover.
	 */
	static final int LOOK_AHEAD_DAYS = 28;

	private final ClinicProperties clinic;

	private final ReadSide readSide;

	private final Clock clock;

	BookingSteps(ClinicProperties clinic, ReadSide readSide, Clock clock) {
		this.clinic = clinic;
		this.readSide = readSide;
		this.clock = clock;
	}

	/**
	 * The step {@code choice} has reached, its model filled in.
	 * @param week the first day of the week of open times to show, or null for from today
	 * (or from {@code day})
	 * @param day the day whose open times to show, or null for the week's first open one
	 */
	BookingStep show(BookingChoice choice, LocalDate week, LocalDate day, Model model) {
		BookingStep step = choice.step(this.clinic);
		model.addAttribute("step", step);
		model.addAttribute("stepNumber", step.number());
		model.addAttribute("stepCount", BookingStep.count());
		model.addAttribute("choice", choice);
		summary(choice, step, model);
		switch (step) {
			case LOCATION -> model.addAttribute("locations", this.clinic.locations());
			case SERVICE -> model.addAttribute("services", servicesAt(choice.location()));
			case PRACTITIONER -> model.addAttribute("practitioners", practitioners(choice));
			case TIME -> week(choice, week, day, model);
			case DETAILS -> model.addAttribute("screeningQuestions", ScreeningAnswers.QUESTIONS);
		}
		return step;
	}

	/**
	 * The details step again, shown with the errors of a form sent back: whatever its
	 * hidden choices hold, the patient keeps what they typed, and the summary shows what
	 * it can name, each with a link to choose again.
	 */
	void details(BookingChoice choice, Model model) {
		model.addAttribute("step", BookingStep.DETAILS);
		model.addAttribute("stepNumber", BookingStep.DETAILS.number());
		model.addAttribute("stepCount", BookingStep.count());
		model.addAttribute("choice", choice);
		model.addAttribute("screeningQuestions", ScreeningAnswers.QUESTIONS);
		summary(choice, BookingStep.DETAILS, model);
	}

	/**
	 * The choices made before {@code step} that the clinic knows, for the summary at the
	 * top of the page: the names of the location and practitioner, and the service
	 * itself, which the page names in its own language.
	 */
	private void summary(BookingChoice choice, BookingStep step, Model model) {
		if (step.compareTo(BookingStep.LOCATION) > 0) {
			model.addAttribute("locationName", name(this.clinic.locations(), choice.location()));
		}
		if (step.compareTo(BookingStep.SERVICE) > 0) {
			model.addAttribute("service",
					(choice.service() != null) ? this.clinic.services().get(choice.service()) : null);
		}
		if (step.compareTo(BookingStep.PRACTITIONER) > 0) {
			model.addAttribute("practitionerName", name(this.clinic.practitioners(), choice.practitionerId()));
		}
	}

	private static String name(Map<String, ?> known, String id) {
		Object found = (id != null) ? known.get(id) : null;
		if (found instanceof ClinicProperties.Location location) {
			return location.name();
		}
		return (found instanceof ClinicProperties.Practitioner practitioner) ? practitioner.name() : null;
	}

	private Map<String, ClinicProperties.Service> servicesAt(String location) {
		Map<String, ClinicProperties.Service> offered = new LinkedHashMap<>();
		this.clinic.services().forEach((id, service) -> {
			if (!this.clinic.qualifiedAt(location, id).isEmpty()) {
				offered.put(id, service);
			}
		});
		return offered;
	}

	private Map<String, ClinicProperties.Practitioner> practitioners(BookingChoice choice) {
		Map<String, ClinicProperties.Practitioner> qualified = new LinkedHashMap<>();
		this.clinic.qualifiedAt(choice.location(), choice.service())
			.forEach((id) -> qualified.put(id, this.clinic.practitioners().get(id)));
		return qualified;
	}

	private void week(BookingChoice choice, LocalDate week, LocalDate day, Model model) {
		ZoneId zone = this.clinic.locations().get(choice.location()).zone();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		LocalDate first = (week != null) ? week : (day != null) ? day : today;
		if (first.isBefore(today)) {
			first = today;
		}
		try {
			List<StatusView.SlotView> open = openSlots(choice, first, first.plusDays(WeekOfOpenTimes.DAYS - 1));
			LocalDate nextOpenDay = open.isEmpty() ? nextOpenDay(choice, first.plusDays(WeekOfOpenTimes.DAYS)) : null;
			model.addAttribute("week", WeekOfOpenTimes.of(first, day, open, today, zone, nextOpenDay));
		}
		catch (InvalidStateStoreException ex) {
			model.addAttribute("slotsUnavailable", true);
		}
	}

	private LocalDate nextOpenDay(BookingChoice choice, LocalDate from) {
		return openSlots(choice, from, from.plusDays(LOOK_AHEAD_DAYS - 1)).stream()
			.map((slot) -> slot.start().toLocalDate())
			.min(LocalDate::compareTo)
			.orElse(null);
	}

	private List<StatusView.SlotView> openSlots(BookingChoice choice, LocalDate from, LocalDate to) {
		return this.readSide.openSlots(choice.location(), choice.service(), choice.practitionerId(), from, to, false);
	}

}
