package com.geminihealth.intake.booking;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.PractitionerId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open slots in local time on the night the clocks fall back in 2027, when 01:00-01:59
 * happens at -04:00 and again at -05:00: a repeated time carries its offset, any other
 * none.
 */
class StatusViewTest {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	@Test
	void givesARepeatedLocalTimeItsOffsetAndLeavesOthersWithout() {
		StatusView.SlotView first = StatusView.SlotView.of(slot("2027-11-07T05:30:00Z"), TORONTO);
		StatusView.SlotView second = StatusView.SlotView.of(slot("2027-11-07T06:30:00Z"), TORONTO);
		StatusView.SlotView before = StatusView.SlotView.of(slot("2027-11-07T04:30:00Z"), TORONTO);
		StatusView.SlotView after = StatusView.SlotView.of(slot("2027-11-07T07:30:00Z"), TORONTO);

		assertThat(first.start()).isEqualTo(LocalDateTime.parse("2027-11-07T01:30"));
		assertThat(second.start()).isEqualTo(LocalDateTime.parse("2027-11-07T01:30"));
		assertThat(first.offset()).isEqualTo(ZoneOffset.ofHours(-4));
		assertThat(second.offset()).isEqualTo(ZoneOffset.ofHours(-5));
		assertThat(before.start()).isEqualTo(LocalDateTime.parse("2027-11-07T00:30"));
		assertThat(before.offset()).isNull();
		assertThat(after.start()).isEqualTo(LocalDateTime.parse("2027-11-07T02:30"));
		assertThat(after.offset()).isNull();
	}

	@Test
	void ordersSlotsOfTheRepeatedHourAsTheyHappenNotAsTheirLocalTimesRead() {
		StatusView.SlotView halfPastFirst = StatusView.SlotView.of(slot("2027-11-07T05:30:00Z"), TORONTO);
		StatusView.SlotView quarterPastSecond = StatusView.SlotView.of(slot("2027-11-07T06:15:00Z"), TORONTO);
		StatusView.SlotView halfPastTwo = StatusView.SlotView.of(slot("2027-11-07T07:30:00Z"), TORONTO);

		assertThat(List.of(halfPastTwo, quarterPastSecond, halfPastFirst)
			.stream()
			.sorted(Comparator.comparing((StatusView.SlotView slot) -> slot.startingAt(TORONTO)))
			.toList()).containsExactly(halfPastFirst, quarterPastSecond, halfPastTwo);
	}

	private static Slot slot(String start) {
		Instant begins = Instant.parse(start);
		return new Slot(begins, begins.plusSeconds(1800), new PractitionerId("nia"), "Nia Roberts");
	}

}
