package com.geminihealth.dashboard.schedule;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.today.Schedule;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.platform.clinic.ScheduleConflicts;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.schedule.ScheduleChangeId;
import com.geminihealth.schemas.schedule.ScheduleChanged;

/**
 * Practitioners' hours as the front desk changes them: time off, a break or a changed day
 * entered here is published on the schedule-changes topic and applies to the decider's
 * next booking, no restart. Appointments confirmed before a change and now outside their
 * practitioner's hours are listed, for the front desk to call and move: nothing is
 * cancelled for them.
 */
@Controller
class ScheduleChangesController {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleChangesController.class);

	private final ScheduleChangesInForce changes;

	private final Schedule schedule;

	private final ClinicProperties clinic;

	private final CatalogueNames names;

	private final DashboardProperties properties;

	private final Clock clock;

	ScheduleChangesController(ScheduleChangesInForce changes, Schedule schedule, ClinicProperties clinic,
			CatalogueNames names, DashboardProperties properties) {
		this.changes = changes;
		this.schedule = schedule;
		this.clinic = clinic;
		this.names = names;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/schedule")
	String page(Model model) {
		return page(ScheduleChangeForm.empty(), Map.of(), model);
	}

	@PostMapping("/schedule/changes")
	String add(@ModelAttribute ScheduleChangeForm form, Principal user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> problems = form.problems(this.clinic, today());
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(form, problems, model);
		}
		ScheduleChanged change = form.change(user.getName(), this.clock.instant());
		ScheduleChangeId id = this.changes.add(change);
		logger.info("Front desk changed a schedule: {}", id.value());
		redirect.addFlashAttribute("message", describe(change) + " entered; bookings from now on follow it.");
		return "redirect:/schedule";
	}

	@PostMapping("/schedule/changes/remove")
	String remove(@RequestParam String id, RedirectAttributes redirect) {
		ScheduleChangeId change;
		try {
			change = new ScheduleChangeId(id);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("message", "That change is not known.");
			return "redirect:/schedule";
		}
		this.changes.remove(change);
		logger.info("Front desk took back a schedule change: {}", change.value());
		redirect.addFlashAttribute("message", "Change removed; the usual hours apply again.");
		return "redirect:/schedule";
	}

	private String page(ScheduleChangeForm form, Map<String, String> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("practitioners", this.names.practitioners());
		model.addAttribute("locations", this.names.locations());
		model.addAttribute("kinds", ScheduleChanged.Kind.values());
		model.addAttribute("changes", this.changes.from(today()).stream().map(this::row).toList());
		model.addAttribute("conflicts", conflicts());
		return "schedule";
	}

	private List<ConflictRow> conflicts() {
		List<Appointment> upcoming = this.schedule.upcoming(this.clock.instant());
		return ScheduleConflicts.among(this.clinic, upcoming, this.changes.all())
			.stream()
			.map((appointment) -> ConflictRow.of(appointment, this.names))
			.toList();
	}

	private ChangeRow row(ScheduleChangesInForce.Entry entry) {
		ScheduleChanged change = entry.change();
		return new ChangeRow(entry.id(), change.date(), this.names.practitionerName(change.practitioner().value()),
				describe(change));
	}

	private String describe(ScheduleChanged change) {
		String who = this.names.practitionerName(change.practitioner().value());
		return switch (change.kind()) {
			case TIME_OFF -> change.wholeDay() ? "Day off for " + who + " on " + change.date()
					: "Time off for " + who + " on " + change.date() + ", " + change.start() + "-" + change.end();
			case BREAK -> "Break for " + who + " on " + change.date() + ", " + change.start() + "-" + change.end();
			case CHANGED_DAY -> "Changed day for " + who + " on " + change.date() + ": "
					+ this.names.locationName(change.location().value()) + ", " + change.start() + "-" + change.end();
		};
	}

	private LocalDate today() {
		return ZonedDateTime.now(this.clock).withZoneSameInstant(this.properties.zone()).toLocalDate();
	}

	/** A change in force, as listed. */
	record ChangeRow(String id, LocalDate date, String practitioner, String description) {

	}

	/** An appointment now outside its practitioner's hours, to be moved. */
	record ConflictRow(String appointmentId, LocalDate date, String time, String practitioner, String location,
			String service, String patient) {

		static ConflictRow of(Appointment appointment, CatalogueNames names) {
			ZonedDateTime start = appointment.start().atZone(appointment.zone());
			return new ConflictRow(appointment.appointmentId().value(), start.toLocalDate(),
					start.toLocalTime().toString(), appointment.practitionerName(),
					names.locationName(appointment.location().value()),
					names.serviceName(appointment.service().value()), appointment.patient().firstName());
		}

	}

}
