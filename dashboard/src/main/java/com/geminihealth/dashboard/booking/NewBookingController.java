package com.geminihealth.dashboard.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * A booking taken by phone: pick a service, a day and an open slot, enter the caller, and
 * the booking goes to the decider as a {@link BookAppointment} from the front desk, the
 * same command an online booking becomes.
 */
@Controller
class NewBookingController {

	private static final Logger logger = LoggerFactory.getLogger(NewBookingController.class);

	private final OpenSlots openSlots;

	private final BookingCommands commands;

	private final DashboardProperties properties;

	private final CatalogueNames names;

	NewBookingController(OpenSlots openSlots, BookingCommands commands, DashboardProperties properties,
			CatalogueNames names) {
		this.names = names;
		this.openSlots = openSlots;
		this.commands = commands;
		this.properties = properties;
	}

	@GetMapping("/bookings/new")
	String form(@RequestParam(required = false) String location, @RequestParam(required = false) String service,
			@RequestParam(required = false) String practitioner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		model.addAttribute("locations", this.names.locations());
		model.addAttribute("services", this.names.services());
		model.addAttribute("practitioners", this.names.practitioners());
		model.addAttribute("location", location);
		model.addAttribute("service", service);
		model.addAttribute("practitioner", practitioner);
		model.addAttribute("date", (date != null) ? date : LocalDate.now(this.properties.zone()).plusDays(1));
		if (StringUtils.hasText(location) && StringUtils.hasText(service) && date != null) {
			try {
				model.addAttribute("slots", this.openSlots.on(location, service, practitioner, date));
			}
			catch (RestClientException ex) {
				logger.warn("Availability not answered: {}", ex.getClass().getSimpleName());
				model.addAttribute("slotsUnavailable", true);
			}
		}
		return "new-booking";
	}

	@PostMapping("/bookings")
	String book(@RequestParam String location, @RequestParam String service,
			@RequestParam(required = false) String slot, @RequestParam(required = false) String patientName,
			@RequestParam(required = false) String mobilePhone, @RequestParam(required = false) String email,
			@RequestParam(defaultValue = "EN") Language language,
			@RequestParam(defaultValue = "false") boolean smsConsent,
			@RequestParam(defaultValue = "false") boolean feedbackConsent, Model model, RedirectAttributes redirect) {
		List<String> problems = new ArrayList<>();
		LocalDateTime start = null;
		String practitioner = null;
		if (!StringUtils.hasText(slot) || !slot.contains("|")) {
			problems.add("Choose an open time.");
		}
		else {
			String[] parts = slot.split("\\|", 2);
			start = LocalDateTime.parse(parts[0]);
			practitioner = parts[1];
		}
		CallerDetails caller = new CallerDetails(patientName, mobilePhone, email, language, smsConsent,
				feedbackConsent);
		problems.addAll(caller.problems().values());
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			model.addAttribute("patientName", patientName);
			model.addAttribute("mobilePhone", mobilePhone);
			model.addAttribute("email", email);
			return form(location, service, (practitioner != null) ? practitioner : null,
					(start != null) ? start.toLocalDate() : null, model);
		}
		Patient patient = caller.patient();
		BookAppointment book = new BookAppointment(RequestId.random(), new LocationId(location), new ServiceId(service),
				new PractitionerId(practitioner), start, patient, null, null, BookingChannel.FRONT_DESK);
		this.commands.send(book);
		logger.info("Front desk booked by phone: request {}", book.requestId());
		redirect.addFlashAttribute("message", "Booking sent for " + patient.firstName() + " on " + start.toLocalDate()
				+ " at " + start.toLocalTime() + "; the decision appears in the feed and here in a moment.");
		return "redirect:/today?date=" + start.toLocalDate();
	}

}
