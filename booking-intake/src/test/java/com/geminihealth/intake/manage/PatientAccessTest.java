package com.geminihealth.intake.manage;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.intake.decider.DeciderProperties;
import com.geminihealth.intake.decider.DeciderQueries;
import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.link.ManageTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * What a patient's link opens: a booked appointment on the manage page, a waitlist offer
 * on its own page, and nothing for anyone without the link.
 */
class PatientAccessTest {

	private static final String SECRET = "a-test-secret-of-at-least-32-characters";

	private static final ManageTokens TOKENS = new ManageTokens(SECRET);

	private final DeciderQueries queries = mock(DeciderQueries.class);

	private final PatientAccess access = new PatientAccess(this.queries, new ManageLinkProperties(SECRET),
			TestClinic.clinic(), DeciderProperties.defaults(), Clock.fixed(Offers.NOW, Offers.offset()));

	private final AppointmentId offer = AppointmentId.random();

	@ParameterizedTest
	@EnumSource(value = RequestStatus.State.class, names = { "OFFERED", "OFFER_EXPIRED", "OFFER_LOST" })
	void opensNoOfferOnTheManagePageWhetherHeldOrClosed(RequestStatus.State state) {
		held(state);

		assertThat(this.access.open(TOKENS.issue(this.offer, 0), false)).isEmpty();
		// The decider here holds it: no other instance is asked for it.
		verify(this.queries, never()).otherInstances();
	}

	@Test
	void opensAClaimedOfferOnTheManagePageAsTheAppointmentItBecame() {
		held(RequestStatus.State.CONFIRMED);

		assertThat(this.access.open(TOKENS.issue(this.offer, 0), false))
			.hasValueSatisfying((appointment) -> assertThat(appointment.status()).isEqualTo("CONFIRMED"));
	}

	@Test
	void opensTheOfferOnItsPageHeldFromWhenItWasMadeForAsLongAsTheDeciderHoldsOffers() {
		held(RequestStatus.State.OFFERED);

		Optional<WaitlistOffer> opened = this.access.offer(TOKENS.issue(this.offer, 0), false);

		assertThat(opened).hasValueSatisfying((seen) -> {
			assertThat(seen.status()).isEqualTo("OFFERED");
			assertThat(seen.heldUntil())
				.isEqualTo(Offers.NOW.minus(Duration.ofMinutes(5)).plus(Duration.ofMinutes(15)));
			assertThat(seen.claimable(Offers.NOW)).isTrue();
			assertThat(seen.claimable(seen.heldUntil())).isFalse();
			assertThat(seen.practitionerName()).isEqualTo("Ana Silva");
			assertThat(seen.start()).hasToString("2026-12-08T10:00");
			assertThat(seen.language()).isEqualTo(Language.FR);
		});
	}

	@Test
	void opensNothingForAForgedTokenOrOneOfAnotherTime() {
		held(RequestStatus.State.OFFERED);
		String forged = TOKENS.issue(this.offer, 0).substring(0, 22)
				+ TOKENS.issue(AppointmentId.random(), 0).substring(22);

		assertThat(this.access.offer(forged, false)).isEmpty();
		assertThat(this.access.offer(TOKENS.issue(this.offer, 1), false)).isEmpty();
		assertThat(this.access.offer(new ManageTokens("another-secret-of-at-least-32-characters!").issue(this.offer, 0),
				false))
			.isEmpty();
		assertThat(this.access.offer("garbage", false)).isEmpty();
	}

	@Test
	void asksNoOtherInstanceForAnOfferItWasAskedForByOne() {
		given(this.queries.status(this.offer)).willReturn(Optional.empty());
		given(this.queries.otherInstances()).willReturn(List.of());

		assertThat(this.access.offer(TOKENS.issue(this.offer, 0), true)).isEmpty();
		verify(this.queries, never()).otherInstances();
		assertThat(this.access.offer(TOKENS.issue(this.offer, 0), false)).isEmpty();
		verify(this.queries).otherInstances();
	}

	private void held(RequestStatus.State state) {
		given(this.queries.status(this.offer)).willReturn(
				Optional.of(Offers.record(this.offer, state, Offers.NOW.minus(Duration.ofMinutes(5)), Language.FR)));
	}

}
