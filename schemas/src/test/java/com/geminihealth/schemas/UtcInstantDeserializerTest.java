package com.geminihealth.schemas;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UtcInstantDeserializerTest {

	@Test
	void readsUtcInstantsFromYearZeroTo9999AsInstantToStringWritesThem() {
		Random random = new Random(2026);
		for (int i = 0; i < 10_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
					random.nextInt(1_000_000_000));
			for (ChronoUnit unit : new ChronoUnit[] { ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS,
					ChronoUnit.SECONDS }) {
				Instant truncated = instant.truncatedTo(unit);
				assertThat(read('"' + truncated.toString() + '"')).isEqualTo(truncated);
			}
		}
	}

	@Test
	void leavesOtherFormsToJackson() {
		assertThat(read("\"2026-12-01T15:00:00+01:00\"")).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
		assertThat(read("1764600000")).isEqualTo(Instant.ofEpochSecond(1_764_600_000L));
		assertThat(read("\"2026-12-01T15:00:00.5Z\"")).isEqualTo(Instant.parse("2026-12-01T15:00:00.500Z"));
	}

	@Test
	void rejectsWhatIsNoInstant() {
		for (String wrong : new String[] { "\"2026-02-30T15:00:00Z\"", "\"2026-12-01T25:00:00Z\"",
				"\"2026-12-01 15:00:00Z\"", "\"2026-1a-01T15:00:00Z\"", "\"soon\"" }) {
			assertThatExceptionOfType(DatabindException.class).as(wrong).isThrownBy(() -> read(wrong));
		}
	}

	private static Instant read(String json) {
		return Json.MAPPER.readValue(json, Instant.class);
	}

}
