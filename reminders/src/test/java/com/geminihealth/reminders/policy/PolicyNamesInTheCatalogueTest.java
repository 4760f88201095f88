package com.geminihealth.reminders.policy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import com.geminihealth.platform.clinic.ClinicProperties;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyNamesInTheCatalogueTest {

	@Test
	void theShippedPolicyNamesOnlyWhatTheShippedCatalogueHas() throws Exception {
		Binder binder = binder(Map.of());

		assertThat(PolicyNamesInTheCatalogue.problems(binder.bindOrCreate("reminders", RemindersProperties.class),
				binder.bindOrCreate("clinic", ClinicProperties.class)))
			.isEmpty();
	}

	@Test
	void aFollowUpForAServiceTheCatalogueDoesNotHaveIsNamed() throws Exception {
		Binder binder = binder(Map.of("reminders.follow-ups.services.chiro-vist.interval", "7d",
				"reminders.combinations[hamilton/chiro-visit].skip-reminders-when-confirmed", "true"));

		assertThat(PolicyNamesInTheCatalogue.problems(binder.bindOrCreate("reminders", RemindersProperties.class),
				binder.bindOrCreate("clinic", ClinicProperties.class)))
			.containsExactly("reminders.follow-ups.services.chiro-vist: not in the clinic catalogue");
	}

	private static Binder binder(Map<String, Object> overrides) throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
		for (String file : new String[] { "reminders.yml", "clinic.yml" }) {
			new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
				.forEach(environment.getPropertySources()::addLast);
		}
		return new Binder(ConfigurationPropertySources.get(environment));
	}

}
