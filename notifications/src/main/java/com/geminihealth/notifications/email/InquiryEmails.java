package com.geminihealth.notifications.email;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.geminihealth.notifications.PatientWords;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;

/** The acknowledgement a person gets for a contact-form message, in their language. */
@Component
class InquiryEmails {

	private final EmailTemplates templates;

	private final PatientWords words;

	InquiryEmails(EmailTemplates templates, PatientWords words) {
		this.templates = templates;
		this.words = words;
	}

	Email acknowledgement(ContactInquiryReceived inquiry) {
		Map<String, Object> variables = Map.of("firstName", inquiry.name().strip().split("\\s+")[0]);
		return this.templates.email("inquiry-received", inquiry.language(), inquiry.email(),
				this.words.emailSubject("inquiry-received", inquiry.language()), variables, null, null);
	}

}
