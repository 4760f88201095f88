package com.geminihealth.intake.inquiry;

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

import com.geminihealth.intake.challenge.ProofOfWork;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.web.FormErrors;
import com.geminihealth.intake.web.Honeypot;
import com.geminihealth.intake.web.InvalidFields;

/** The public contact page. */
@Controller
class ContactPageController {

	private final Inquiries inquiries;

	private final InquiryRequestValidator validator;

	private final ClinicProperties clinic;

	private final Honeypot honeypot;

	private final ProofOfWork proofOfWork;

	ContactPageController(Inquiries inquiries, InquiryRequestValidator validator, ClinicProperties clinic,
			Honeypot honeypot, ProofOfWork proofOfWork) {
		this.inquiries = inquiries;
		this.validator = validator;
		this.clinic = clinic;
		this.honeypot = honeypot;
		this.proofOfWork = proofOfWork;
	}

	@InitBinder("inquiryRequest")
	void addValidator(WebDataBinder binder) {
		binder.addValidators(this.validator);
	}

	@ModelAttribute("clinic")
	ClinicProperties clinic() {
		return this.clinic;
	}

	/** A new one for every form shown, the first time or again. */
	@ModelAttribute(ProofOfWork.FIELD)
	ProofOfWork.Challenge challenge() {
		return this.proofOfWork.issue();
	}

	@GetMapping("/contact")
	String form(Model model) {
		model.addAttribute("inquiryRequest", new InquiryRequest(null, null, null, null, null, null));
		return "contact";
	}

	@PostMapping("/contact")
	String submit(@Valid @ModelAttribute("inquiryRequest") InquiryRequest inquiryRequest, BindingResult result,
			@RequestParam(name = Honeypot.FIELD, required = false) String honeypotField,
			@RequestParam(name = ProofOfWork.FIELD, required = false) String challenge,
			@RequestParam(name = ProofOfWork.NONCE, required = false) String nonce, Model model) {
		if (this.honeypot.caught(honeypotField)) {
			return "submitted";
		}
		FormErrors.keepUnreadable(inquiryRequest, result, model);
		if (this.proofOfWork.check(challenge, nonce) != ProofOfWork.Verdict.SOLVED) {
			model.addAttribute(ProofOfWork.REFUSED, true);
			return "contact";
		}
		if (result.hasErrors()) {
			return "contact";
		}
		try {
			model.addAttribute("reference", this.inquiries.submit(inquiryRequest).value());
		}
		catch (InvalidFields refused) {
			FormErrors.reject(refused, result);
			return "contact";
		}
		model.addAttribute("kind", "inquiry");
		return "submitted";
	}

}
