package com.geminihealth.local;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the one-process local run every service's templates share one classpath, where a
 * view name finds the first template of that name: two services with a template of the
 * same name would show one's page in place of the other's (it happened to the waitlist,
 * the error and the feedback pages).
 */
class TemplateNamesTest {

	@Test
	void noTwoServicesShipATemplateOfTheSameName() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		Map<String, List<String>> byName = Arrays.stream(templates)
			.map(TemplateNamesTest::location)
			.collect(Collectors.groupingBy((location) -> location.substring(location.indexOf("templates/"))));

		assertThat(byName).as("templates found").containsKey("templates/book.html").containsKey("templates/today.html");
		assertThat(byName).allSatisfy((name, places) -> assertThat(places).as(name).hasSize(1));
	}

	private static String location(Resource template) {
		try {
			return template.getURL().toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
