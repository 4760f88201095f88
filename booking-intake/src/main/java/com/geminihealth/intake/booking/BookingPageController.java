package com.geminihealth.intake.booking;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.geminihealth.intake.clinic.ClinicProperties;
import com.geminihealth.intake.web.Honeypot;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.RequestId;

/** The public booking page: the same validation and intake as the API, as a form. */
@Controller
class BookingPageController {

	private final BookingIntake intake;

	private final BookingRequestValidator validator;

	private final ClinicProperties clinic;

	private final Honeypot honeypot;

	BookingPageController(BookingIntake intake, BookingRequestValidator validator, ClinicProperties clinic,
			Honeypot honeypot) {
		this.intake = intake;
		this.validator = validator;
		this.clinic = clinic;
		this.honeypot = honeypot;
	}

	@InitBinder("bookingRequest")
	void addValidator(WebDataBinder binder) {
		binder.addValidators(this.validator);
	}

	@ModelAttribute("clinic")
	ClinicProperties clinic() {
		return this.clinic;
	}

	@GetMapping({ "/", "/book" })
	String form(Model model) {
		model.addAttribute("bookingRequest",
				new BookingRequest(null, null, null, null, false, false, null, null, null, null, null, null, null));
		return "book";
	}

	@PostMapping("/book")
	String submit(@Valid @ModelAttribute("bookingRequest") BookingRequest bookingRequest, BindingResult result,
			@RequestParam(name = Honeypot.FIELD, required = false) String honeypotField, Model model) {
		if (this.honeypot.caught(honeypotField)) {
			return "submitted";
		}
		if (result.hasErrors()) {
			return "book";
		}
		RequestId requestId = this.intake.submit(RequestId.random(), bookingRequest, BookingChannel.ONLINE);
		model.addAttribute("reference", requestId.value());
		model.addAttribute("statusUrl", BookingController.statusPath(requestId));
		model.addAttribute("kind", "booking");
		return "submitted";
	}

}
