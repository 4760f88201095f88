package com.geminihealth.notifications.email;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;

/** The acknowledgement a person gets for a contact-form message, in their language. */
@Component
class InquiryEmails {

	private static final Map<Language, String> SUBJECTS = Map.of(Language.EN, "We received your message", Language.FR,
			"Nous avons bien reçu votre message");

	private final EmailTemplates templates;

	InquiryEmails(EmailTemplates templates) {
		this.templates = templates;
	}

	Email acknowledgement(ContactInquiryReceived inquiry) {
		Map<String, Object> variables = Map.of("firstName", inquiry.name().strip().split("\\s+")[0]);
		return this.templates.email("inquiry-received", inquiry.language(), inquiry.email(),
				SUBJECTS.get(inquiry.language()), variables, null, null);
	}

}
