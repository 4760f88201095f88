package com.geminihealth.schemas.link;

import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.booking.AppointmentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ManageTokensTest {

	private final ManageTokens tokens = new ManageTokens("a-test-secret-of-at-least-32-characters");

	private final AppointmentId appointment = AppointmentId.random();

	@Test
	void opensTheAppointmentItWasIssuedFor() {
		String token = this.tokens.issue(this.appointment, 0);

		assertThat(token).hasSize(44).matches("[A-Za-z0-9_-]+");
		assertThat(ManageTokens.appointmentOf(token)).contains(this.appointment);
		assertThat(this.tokens.opens(token, this.appointment, 0)).isTrue();
	}

	@Test
	void opensNoOtherAppointmentAndNoLaterTimeOfThisOne() {
		String token = this.tokens.issue(this.appointment, 0);
		AppointmentId other = AppointmentId.random();
		String forged = this.tokens.issue(other, 0).substring(0, 22) + token.substring(22);

		assertThat(this.tokens.opens(token, other, 0)).isFalse();
		assertThat(this.tokens.opens(forged, other, 0)).isFalse();
		assertThat(this.tokens.opens(token, this.appointment, 1)).as("after a move").isFalse();
	}

	@Test
	void aFeedbackLinkOpensOnlyTheFeedbackOfItsSession() {
		String feedback = this.tokens.issueFeedback(this.appointment);
		String manage = this.tokens.issue(this.appointment, 0);

		assertThat(this.tokens.opensFeedback(feedback, this.appointment)).isTrue();
		assertThat(this.tokens.opensFeedback(feedback, AppointmentId.random())).isFalse();
		assertThat(this.tokens.opensFeedback(manage, this.appointment)).as("a manage link").isFalse();
		for (int sequence = 0; sequence < 5; sequence++) {
			assertThat(this.tokens.opens(feedback, this.appointment, sequence)).as("the manage page").isFalse();
		}
	}

	@Test
	void isWorthlessWithoutTheSecret() {
		String token = new ManageTokens("another-secret-of-at-least-32-characters!").issue(this.appointment, 0);

		assertThat(this.tokens.opens(token, this.appointment, 0)).isFalse();
	}

	@Test
	void readsNothingFromGarbage() {
		assertThat(ManageTokens.appointmentOf(null)).isEmpty();
		assertThat(ManageTokens.appointmentOf("short")).isEmpty();
		assertThat(ManageTokens.appointmentOf("!".repeat(44))).isEmpty();
		assertThat(this.tokens.opens("!".repeat(44), this.appointment, 0)).isFalse();
	}

	@Test
	void refusesAShortSecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ManageTokens("frontdesk-gemini"));
	}

}
