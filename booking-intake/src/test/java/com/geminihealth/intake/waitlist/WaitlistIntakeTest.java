package com.geminihealth.intake.waitlist;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.geminihealth.intake.booking.BookingIntake;
import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.intake.manage.Offers;
import com.geminihealth.intake.manage.WaitlistOffer;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.ClaimWaitlistOffer;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** What a claim on the offer's page sends the decider. */
class WaitlistIntakeTest {

	private final EventPublisher publisher = mock(EventPublisher.class);

	private final WaitlistIntake intake = new WaitlistIntake(this.publisher, mock(BookingIntake.class));

	@Test
	void claimsTheOfferAsThePatientKeyedByItsLocation() {
		AppointmentId offer = AppointmentId.random();
		WaitlistOffer seen = Offers.seen(Offers.record(offer, RequestStatus.State.OFFERED, Offers.NOW, Language.EN),
				Offers.NOW.plus(Duration.ofMinutes(15)));

		this.intake.claim(seen);

		ArgumentCaptor<BookingCommand> sent = ArgumentCaptor.forClass(BookingCommand.class);
		verify(this.publisher).publish(eq(Topics.BOOKING_COMMANDS), eq(new LocationId(TestClinic.DOWNTOWN)),
				sent.capture());
		assertThat(sent.getValue()).isInstanceOfSatisfying(ClaimWaitlistOffer.class, (claim) -> {
			assertThat(claim.commandId()).isNotNull();
			assertThat(claim.location()).isEqualTo(new LocationId(TestClinic.DOWNTOWN));
			assertThat(claim.offer()).isEqualTo(offer);
			assertThat(claim.author()).isEqualTo(Author.PATIENT);
		});
	}

}
