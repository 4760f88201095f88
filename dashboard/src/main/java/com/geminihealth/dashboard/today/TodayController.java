package com.geminihealth.dashboard.today;

import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.live.LiveUpdates;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.MarkNoShow;
import com.geminihealth.schemas.booking.RescheduleAppointment;
import com.geminihealth.schemas.patient.AttendanceConfirmed;

/**
 * The day per practitioner, and what the front desk does to an appointment: completed,
 * no-show, cancel, move. Each action is a command to the decider; the page changes when
 * the decider's answer arrives, so it never shows what did not happen.
 */
@Controller
class TodayController {

	private static final Logger logger = LoggerFactory.getLogger(TodayController.class);

	private final Schedule schedule;

	private final EventPublisher publisher;

	private final LiveUpdates live;

	private final DashboardProperties properties;

	private final CatalogueNames names;

	TodayController(Schedule schedule, EventPublisher publisher, LiveUpdates live, DashboardProperties properties,
			CatalogueNames names) {
		this.names = names;
		this.schedule = schedule;
		this.publisher = publisher;
		this.live = live;
		this.properties = properties;
	}

	@GetMapping("/today")
	String today(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String location, Model model) {
		LocalDate day = (date != null) ? date : LocalDate.now(this.properties.zone());
		timeline(day, location, model);
		model.addAttribute("previous", day.minusDays(1));
		model.addAttribute("next", day.plusDays(1));
		model.addAttribute("isToday", day.equals(LocalDate.now(this.properties.zone())));
		model.addAttribute("locations", this.names.locations());
		return "today";
	}

	@GetMapping("/today/timeline")
	String timelineFragment(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String location, Model model) {
		timeline(date, location, model);
		return "today :: timeline";
	}

	private void timeline(LocalDate day, String location, Model model) {
		Map<String, List<TimelineRow>> timeline = new LinkedHashMap<>();
		this.schedule.day(day, this.properties.zone(), location)
			.forEach((practitioner, visits) -> timeline.put(practitioner,
					visits.stream()
						.map((visit) -> TimelineRow.of(visit, this.properties.zone(), this.names))
						.toList()));
		model.addAttribute("date", day);
		model.addAttribute("location", location);
		model.addAttribute("timeline", timeline);
		model.addAttribute("hours", IntStream.range(TimelineRow.FIRST_HOUR, TimelineRow.LAST_HOUR).boxed().toList());
	}

	@GetMapping(path = "/today/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter live() {
		return this.live.subscribe("today", (event) -> Topics.APPOINTMENT_STATES.name().equals(event.topic())
				|| event.value() instanceof AttendanceConfirmed, (event) -> event.id());
	}

	/**
	 * The session took place. The practitioner's home-care notes, when given, travel on
	 * the command to the completion event and from there into the thank-you.
	 */
	@PostMapping("/today/{id}/completed")
	String completed(@PathVariable String id, @RequestParam(required = false) String homeCareNotes, Principal user,
			RedirectAttributes redirect) {
		Appointment appointment = appointment(id);
		send(new MarkCompleted(CommandId.random(), appointment.location(), appointment.appointmentId(),
				HomeCareNotes.of(homeCareNotes), author(user)));
		return back(appointment, "Marked completed: " + describe(appointment) + ".", redirect);
	}

	@PostMapping("/today/{id}/no-show")
	String noShow(@PathVariable String id, Principal user, RedirectAttributes redirect) {
		Appointment appointment = appointment(id);
		send(new MarkNoShow(CommandId.random(), appointment.location(), appointment.appointmentId(), author(user)));
		return back(appointment, "Marked no-show: " + describe(appointment) + ".", redirect);
	}

	@PostMapping("/today/{id}/cancel")
	String cancel(@PathVariable String id, Principal user, RedirectAttributes redirect) {
		Appointment appointment = appointment(id);
		send(new CancelAppointment(CommandId.random(), appointment.location(), appointment.appointmentId(),
				"cancelled by the front desk", author(user)));
		return back(appointment, "Cancellation sent: " + describe(appointment) + ".", redirect);
	}

	@PostMapping("/today/{id}/reschedule")
	String reschedule(@PathVariable String id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime newStart, Principal user,
			RedirectAttributes redirect) {
		Appointment appointment = appointment(id);
		send(new RescheduleAppointment(CommandId.random(), appointment.location(), appointment.appointmentId(),
				newStart, appointment.practitioner(), author(user)));
		return back(appointment, "Move to " + newStart.toString().replace('T', ' ') + " sent for "
				+ describe(appointment) + "; the answer appears in the feed.", redirect);
	}

	private Appointment appointment(String id) {
		try {
			return this.schedule.visit(AppointmentId.of(id))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such appointment"))
				.appointment();
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such appointment");
		}
	}

	/** The signed-in user answers for every change they send. */
	private static Author author(Principal user) {
		return Author.frontDesk(user.getName());
	}

	private void send(BookingCommand command) {
		this.publisher.publish(Topics.BOOKING_COMMANDS, command.location(), command);
		logger.info("Front desk sent {}", command.getClass().getSimpleName());
	}

	private String describe(Appointment appointment) {
		return appointment.patient().firstName() + " with " + appointment.practitionerName() + " at "
				+ appointment.start().atZone(this.properties.zone()).toLocalTime();
	}

	private String back(Appointment appointment, String message, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", message);
		return "redirect:" + UriComponentsBuilder.fromPath("/today")
			.queryParam("date", LocalDate.ofInstant(appointment.start(), this.properties.zone()))
			.build()
			.toUriString();
	}

}
