package com.geminihealth.dashboard.waitlist;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.booking.BookingCommands;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistOffered;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

/**
 * The front desk's view of the waitlist: who waits at each location and for what, the
 * offers in flight and how long each has left, and a form to put a caller on the
 * waitlist, sent to the decider as a {@link JoinWaitlist} from the signed-in user.
 * Patients show by first name and a masked contact: the page is for seeing the line, not
 * for calling from it.
 */
@Controller
class WaitlistController {

	private static final Logger logger = LoggerFactory.getLogger(WaitlistController.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.CANADA);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.CANADA);

	private final Waitlist waitlist;

	private final BookingCommands commands;

	private final ClinicProperties clinic;

	private final CatalogueNames names;

	private final DashboardProperties properties;

	private final Clock clock;

	WaitlistController(Waitlist waitlist, BookingCommands commands, ClinicProperties clinic, CatalogueNames names,
			DashboardProperties properties) {
		this.waitlist = waitlist;
		this.commands = commands;
		this.clinic = clinic;
		this.names = names;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/waitlist")
	String page(Model model) {
		return page(WaitlistForm.startingOn(today()), Map.of(), model);
	}

	@PostMapping("/waitlist/entries")
	String join(@ModelAttribute WaitlistForm form, Principal user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> problems = form.problems(this.clinic, today());
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(form, problems, model);
		}
		JoinWaitlist join = form.join(user.getName());
		this.commands.send(join);
		logger.info("Front desk put a caller on the waitlist: entry {}", join.entryId());
		redirect.addFlashAttribute("message", join.patient().firstName() + " is sent to the waitlist for "
				+ this.names.serviceName(join.service().value()) + "; they show here once the decider has them.");
		return "redirect:/waitlist";
	}

	private String page(WaitlistForm form, Map<String, String> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("locations", this.names.locations());
		model.addAttribute("services", this.names.services());
		model.addAttribute("practitioners", this.names.practitioners());
		model.addAttribute("lines", lines());
		model.addAttribute("offers", this.waitlist.openOffers().stream().map(this::offerRow).toList());
		return "waitlist";
	}

	/** A line per catalogue location, empty ones too, and any other location named. */
	private List<Line> lines() {
		Map<String, List<WaitingRow>> byLocation = new LinkedHashMap<>();
		this.names.locations().keySet().forEach((location) -> byLocation.put(location, new ArrayList<>()));
		for (WaitlistJoined joined : this.waitlist.waiting()) {
			byLocation.computeIfAbsent(joined.location().value(), (location) -> new ArrayList<>())
				.add(waitingRow(joined));
		}
		return byLocation.entrySet()
			.stream()
			.map((line) -> new Line(line.getKey(), this.names.locationName(line.getKey()), line.getValue()))
			.toList();
	}

	private WaitingRow waitingRow(WaitlistJoined joined) {
		return new WaitingRow(joined.entryId().value(), this.names.serviceName(joined.service().value()),
				(joined.practitioner() != null) ? this.names.practitionerName(joined.practitioner().value()) : "Anyone",
				window(joined.window()), joined.joinedAt().atZone(joined.zone()).format(WHEN),
				joined.patient().firstName(), maskedContact(joined.patient()));
	}

	private OfferRow offerRow(WaitlistOffered offered) {
		ZonedDateTime start = offered.slot().start().atZone(offered.zone());
		return new OfferRow(offered.offer().value(), this.names.locationName(offered.location().value()),
				this.names.serviceName(offered.service().value()),
				start.format(WHEN) + " with " + offered.slot().practitionerName(), offered.patient().firstName(),
				maskedContact(offered.patient()), expiresIn(offered.expiresAt()));
	}

	private String expiresIn(Instant expiresAt) {
		Duration left = Duration.between(this.clock.instant(), expiresAt);
		if (left.isNegative() || left.isZero()) {
			return "expired, passing on";
		}
		long minutes = (left.toSeconds() + 59) / 60;
		return "in " + minutes + " min";
	}

	private static String window(WaitlistWindow window) {
		String days = window.firstDay().equals(window.lastDay()) ? window.firstDay().format(DAY)
				: window.firstDay().format(DAY) + " to " + window.lastDay().format(DAY);
		if (window.earliest() == null && window.latest() == null) {
			return days + ", any time";
		}
		if (window.latest() == null) {
			return days + ", from " + window.earliest();
		}
		if (window.earliest() == null) {
			return days + ", starting by " + window.latest();
		}
		return days + ", starting " + window.earliest() + "-" + window.latest();
	}

	/** The phone when there is one, else the email, too short to call or write to. */
	private static String maskedContact(Patient patient) {
		return (patient.mobilePhone() != null) ? Redact.phone(patient.mobilePhone()) : Redact.email(patient.email());
	}

	private LocalDate today() {
		return ZonedDateTime.now(this.clock).withZoneSameInstant(this.properties.zone()).toLocalDate();
	}

	/** A location and who waits there, in line. */
	record Line(String location, String name, List<WaitingRow> waiting) {

	}

	/** One patient waiting, as listed. */
	record WaitingRow(String entryId, String service, String practitioner, String window, String joined,
			String firstName, String contact) {

	}

	/** An offer in flight, as listed. */
	record OfferRow(String offerId, String location, String service, String slot, String firstName, String contact,
			String expiresIn) {

	}

}
