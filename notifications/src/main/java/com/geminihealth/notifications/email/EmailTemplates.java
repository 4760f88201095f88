package com.geminihealth.notifications.email;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

import com.geminihealth.notifications.MessageProperties;
import com.geminihealth.schemas.booking.Language;

/**
 * One template per message type, language and format:
 * {@code templates/email/<lang>/<purpose>.txt} for the plain text and {@code .html} for
 * its HTML alternative. Every template also sees the clinic's name and phone.
 */
@Component
class EmailTemplates {

	private final SpringTemplateEngine engine = engine();

	private final MessageProperties properties;

	EmailTemplates(MessageProperties properties) {
		this.properties = properties;
	}

	/** A transactional email: one the patient needs whatever they consented to. */
	Email email(String purpose, Language language, String to, String subject, Map<String, Object> variables,
			String invite, String inviteMethod) {
		return render(purpose, language, to, subject, variables, invite, inviteMethod, false);
	}

	/** An email sent only with the patient's consent, which they can unsubscribe from. */
	Email promotional(String purpose, Language language, String to, String subject, Map<String, Object> variables) {
		return render(purpose, language, to, subject, variables, null, null, true);
	}

	private Email render(String purpose, Language language, String to, String subject, Map<String, Object> variables,
			String invite, String inviteMethod, boolean promotional) {
		Context context = new Context(language.locale(), variables);
		context.setVariable("clinic", this.properties.clinicName());
		context.setVariable("phone", this.properties.clinicPhone());
		String template = "email/" + language.name().toLowerCase(Locale.ROOT) + "/" + purpose;
		return new Email(purpose, to, subject, this.engine.process(template + ".txt", context),
				this.engine.process(template + ".html", context), invite, inviteMethod, promotional);
	}

	private static SpringTemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		for (TemplateMode mode : List.of(TemplateMode.HTML, TemplateMode.TEXT)) {
			ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
			resolver.setPrefix("templates/");
			resolver.setTemplateMode(mode);
			resolver.setResolvablePatterns(Set.of((mode == TemplateMode.HTML) ? "*.html" : "*.txt"));
			resolver.setCharacterEncoding("UTF-8");
			resolver.setCheckExistence(true);
			engine.addTemplateResolver(resolver);
		}
		return engine;
	}

}
