package com.geminihealth.intake.waitlist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.intake.manage.Offers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist's days at the location: from its today, no further ahead than bookings are
 * taken (90 days in {@link TestClinic}), in order.
 */
class WaitlistRequestValidatorTest {

	private static final LocalDate TODAY = LocalDate.ofInstant(Offers.NOW, TestClinic.TORONTO);

	private final WaitlistRequestValidator validator = new WaitlistRequestValidator(TestClinic.clinic(),
			Clock.fixed(Offers.NOW, TestClinic.TORONTO));

	@Test
	void takesTodayToTheLastDayBookingsAreTakenFor() {
		assertThat(problems(TODAY, TODAY.plusDays(90), null, null)).isEmpty();
		assertThat(problems(TODAY.plusDays(3), TODAY.plusDays(3), LocalTime.of(9, 0), LocalTime.of(9, 0))).isEmpty();
	}

	@Test
	void refusesDaysPastBeyondTheHorizonOrOutOfOrder() {
		assertThat(problems(TODAY.minusDays(1), TODAY.plusDays(91), null, null))
			.containsExactlyInAnyOrderEntriesOf(Map.of("firstDay", "day.past", "lastDay", "day.horizon"));
		assertThat(problems(TODAY.plusDays(5), TODAY.plusDays(4), null, null))
			.containsExactlyEntriesOf(Map.of("lastDay", "day.order"));
		assertThat(problems(TODAY, TODAY.plusDays(1), LocalTime.of(15, 0), LocalTime.of(10, 0)))
			.containsExactlyEntriesOf(Map.of("latest", "time.order"));
	}

	private Map<String, String> problems(LocalDate firstDay, LocalDate lastDay, LocalTime earliest, LocalTime latest) {
		WaitlistRequest request = new WaitlistRequest("Ada Waiting", "ada@example.com", null, null, false, false, false,
				TestClinic.DOWNTOWN, "massage-60", "ana", firstDay, lastDay, earliest, latest);
		Errors errors = new BeanPropertyBindingResult(request, "waitlistRequest");
		this.validator.validate(request, errors);
		return errors.getFieldErrors()
			.stream()
			.collect(java.util.stream.Collectors.toMap(FieldError::getField, FieldError::getCode));
	}

}
