package com.geminihealth.intake.manage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.geminihealth.intake.booking.ReadSide;
import com.geminihealth.intake.booking.StatusView;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.web.LimitReached;
import com.geminihealth.intake.web.PageLanguage;

/**
 * The patient's own page for one appointment, reached by the link in their messages: see
 * it, say they are coming, cancel it, or move it to an open time, in their language.
 * Online changes close at the clinic's notice before the start; after that the page gives
 * the clinic's number. A link that opens nothing gets a page saying so, and nothing else.
 */
@Controller
class ManagePageController {

	private final PatientAccess access;

	private final PatientChanges changes;

	private final ReadSide readSide;

	private final ClinicProperties clinic;

	private final Clock clock;

	ManagePageController(PatientAccess access, PatientChanges changes, ReadSide readSide, ClinicProperties clinic,
			Clock clock) {
		this.access = access;
		this.changes = changes;
		this.readSide = readSide;
		this.clinic = clinic;
		this.clock = clock;
	}

	@GetMapping("/m/{token}")
	String show(@PathVariable String token, @RequestParam(required = false) String done,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<ManagedAppointment> opened = this.access.open(token, false);
		if (opened.isEmpty()) {
			return unknown(response, model);
		}
		ManagedAppointment appointment = opened.get();
		PageLanguage.usePatients(appointment.language(), request);
		model.addAttribute("done", done);
		model.addAttribute("date", date);
		if (date != null && appointment.changeable(this.clock.instant())) {
			model.addAttribute("slots", openSlots(appointment, date));
		}
		return page(token, appointment, model);
	}

	@PostMapping("/m/{token}/confirm")
	String confirm(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<ManagedAppointment> opened = this.access.open(token, false)
			.filter((appointment) -> appointment.confirmable(this.clock.instant()));
		if (opened.isEmpty()) {
			return unknown(response, model);
		}
		this.changes.confirmAttendance(opened.get());
		return "redirect:" + AppointmentPaths.page(token) + "?done=confirmed";
	}

	@PostMapping("/m/{token}/cancel")
	String cancel(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<ManagedAppointment> opened = changeable(token);
		if (opened.isEmpty()) {
			return "redirect:" + AppointmentPaths.page(token);
		}
		try {
			this.changes.cancel(opened.get(), null);
		}
		catch (LimitReached ex) {
			return "redirect:" + AppointmentPaths.page(token) + "?done=limit";
		}
		return "redirect:" + AppointmentPaths.page(token) + "?done=cancelled";
	}

	@PostMapping("/m/{token}/move")
	String move(@PathVariable String token,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
			@RequestParam(required = false) ZoneOffset offset, @RequestParam(required = false) String practitioner,
			HttpServletRequest request, Model model) {
		Optional<ManagedAppointment> opened = changeable(token);
		if (opened.isEmpty()) {
			return "redirect:" + AppointmentPaths.page(token);
		}
		ManagedAppointment appointment = opened.get();
		PageLanguage.usePatients(appointment.language(), request);
		try {
			this.changes.move(appointment, start, offset, practitioner);
		}
		catch (LimitReached ex) {
			return "redirect:" + AppointmentPaths.page(token) + "?done=limit";
		}
		// Once moved, this link no longer opens the appointment: the answer, with a new
		// link,
		// comes by email and text.
		model.addAttribute("clinic", this.clinic);
		model.addAttribute("appointment", appointment);
		model.addAttribute("requestedStart", start);
		// This page answers a post: the language switch goes to the appointment's page.
		model.addAttribute("languagePath", AppointmentPaths.page(token));
		return "manage-moving";
	}

	private Optional<ManagedAppointment> changeable(String token) {
		return this.access.open(token, false).filter((appointment) -> appointment.changeable(this.clock.instant()));
	}

	private List<StatusView.SlotView> openSlots(ManagedAppointment appointment, LocalDate date) {
		return this.readSide.openSlots(appointment.location(), appointment.service(), null, date, date, false);
	}

	private String page(String token, ManagedAppointment appointment, Model model) {
		model.addAttribute("clinic", this.clinic);
		model.addAttribute("token", token);
		model.addAttribute("appointment", appointment);
		model.addAttribute("location", this.clinic.locations().get(appointment.location()));
		model.addAttribute("service", this.clinic.services().get(appointment.service()));
		model.addAttribute("changeable", appointment.changeable(this.clock.instant()));
		model.addAttribute("confirmable", appointment.confirmable(this.clock.instant()));
		return "manage";
	}

	private String unknown(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("clinic", this.clinic);
		return "manage-unknown";
	}

}
