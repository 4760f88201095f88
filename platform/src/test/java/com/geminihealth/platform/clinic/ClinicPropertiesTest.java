package com.geminihealth.platform.clinic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClinicPropertiesTest {

	private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private static final ClinicProperties.BookingRules RULES = new ClinicProperties.BookingRules(Duration.ofHours(2),
			Duration.ofDays(90), Duration.ofMinutes(15), 3);

	/** The catalogue every service imports, as Spring binds it. */
	static ClinicProperties shipped() throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("clinic", new ClassPathResource("clinic.yml"))
			.forEach(environment.getPropertySources()::addLast);
		return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("clinic", ClinicProperties.class);
	}

	@Test
	void shipsTheGeminiHealthGroupDefaults() throws Exception {
		ClinicProperties clinic = shipped();

		assertThat(clinic.name()).isEqualTo("Gemini Health Group");
		assertThat(clinic.locations()).containsOnlyKeys("burlington", "oakville", "hamilton");
		assertThat(clinic.services()).containsKeys("rmt-swedish-30", "rmt-deep-tissue-90", "rmt-trigger-point-45",
				"physio-initial-assessment", "physio-follow-up", "chiro-visit");
		assertThat(clinic.qualifiedAt("burlington", "rmt-swedish-60")).containsExactly("maya-chen", "daniel-okafor");
		assertThat(clinic.practitioners().get("maya-chen").shift("oakville", java.time.LocalDate.of(2026, 12, 1)))
			.hasValue(new ClinicProperties.Shift(LocalTime.of(12, 0), LocalTime.of(20, 0)));
		assertThat(clinic.rules().alternatives()).isEqualTo(3);
		assertThat(clinic.locations().get("oakville").shortName()).isEqualTo("Oakville");
		assertThat(clinic.phoneForReading()).isEqualTo("+1 289-234-8001");
	}

	@Test
	void everyDisciplineHasAnInitialAssessmentThatSomeoneGives() throws Exception {
		ClinicProperties clinic = shipped();

		for (String discipline : List.of("rmt", "physiotherapy", "chiropractic")) {
			assertThat(clinic.services().entrySet()).as("an initial assessment for " + discipline)
				.anySatisfy((service) -> {
					assertThat(service.getKey()).endsWith("initial-assessment");
					assertThat(service.getValue().disciplines()).containsExactly(discipline);
					assertThat(clinic.locations()
						.keySet()
						.stream()
						.flatMap((location) -> clinic.qualifiedAt(location, service.getKey()).stream())).isNotEmpty();
				});
		}
	}

	@Test
	void namesEveryServiceInFrenchForPatientsWhoReadIt() throws Exception {
		ClinicProperties clinic = shipped();

		assertThat(clinic.services()).allSatisfy((id, service) -> {
			assertThat(service.nameIn(Locale.CANADA_FRENCH)).as(id).isNotBlank().isNotEqualTo(service.name());
			assertThat(service.nameIn(Locale.CANADA)).as(id).isEqualTo(service.name());
		});
		assertThat(clinic.services().get("rmt-swedish-60").nameIn(Locale.FRENCH)).isEqualTo("Massage suédois, 60 min");
	}

	@Test
	void refusesAScheduleAtAnUnknownLocation() {
		assertThatIllegalArgumentException().isThrownBy(() -> clinicWith(Map.of("nowhere", mondays(9, 17))))
			.withMessageContaining("clinic.practitioners.ana.schedule: unknown location 'nowhere'");
	}

	@Test
	void refusesAPractitionerInTwoPlacesAtOnce() {
		Map<String, Map<DayOfWeek, ClinicProperties.Shift>> schedule = new LinkedHashMap<>();
		schedule.put("downtown", mondays(9, 13));
		schedule.put("uptown", mondays(12, 17));

		assertThatIllegalArgumentException().isThrownBy(() -> clinicWith(schedule))
			.withMessageContaining("on MONDAY the hours at downtown and uptown overlap");
	}

	@Test
	void refusesAServiceNobodyCanGive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClinicProperties("C", "+12892348001", locations(),
					Map.of("acupuncture", new ClinicProperties.Service("Acupuncture", Set.of("tcm"), 30, 0)),
					Map.of("ana", practitioner(Map.of("downtown", mondays(9, 17)))), RULES))
			.withMessageContaining("clinic.services.acupuncture: no practitioner practises [tcm]");
	}

	@Test
	void refusesAShiftThatEndsBeforeItStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> mondays(17, 9))
			.withMessageContaining("a shift must start before it ends");
	}

	private static ClinicProperties clinicWith(Map<String, Map<DayOfWeek, ClinicProperties.Shift>> schedule) {
		return new ClinicProperties("C", "+12892348001", locations(),
				Map.of("massage", new ClinicProperties.Service("Massage", Set.of("rmt"), 60, 0)),
				Map.of("ana", practitioner(schedule)), RULES);
	}

	private static Map<String, ClinicProperties.Location> locations() {
		return Map.of("downtown", new ClinicProperties.Location("Downtown", TORONTO, "1 Main St"), "uptown",
				new ClinicProperties.Location("Uptown", TORONTO, "9 High St"));
	}

	private static ClinicProperties.Practitioner practitioner(
			Map<String, Map<DayOfWeek, ClinicProperties.Shift>> schedule) {
		return new ClinicProperties.Practitioner("Ana Silva", Set.of("rmt"), schedule, List.of());
	}

	private static Map<DayOfWeek, ClinicProperties.Shift> mondays(int from, int to) {
		return Map.of(DayOfWeek.MONDAY, new ClinicProperties.Shift(LocalTime.of(from, 0), LocalTime.of(to, 0)));
	}

}
