package com.geminihealth.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word of the pages exists in both languages: a key added to one bundle only would
 * show a French patient {@code ??key_fr_CA??}, or an English word.
 */
class MessageBundlesTest {

	@Test
	void bothBundlesHaveTheSameWords() throws IOException {
		Properties english = bundle("messages.properties");
		Properties french = bundle("messages_fr.properties");

		assertThat(english).isNotEmpty();
		assertThat(french.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
	}

	@Test
	void hasNoEmptyWords() throws IOException {
		for (String name : new String[] { "messages.properties", "messages_fr.properties" }) {
			assertThat(bundle(name)).as(name)
				.allSatisfy((key, value) -> assertThat(value).as(key.toString()).isNotEqualTo(""));
		}
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
