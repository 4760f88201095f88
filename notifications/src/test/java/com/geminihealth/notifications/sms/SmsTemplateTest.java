package com.geminihealth.notifications.sms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SmsTemplateTest {

	final SmsTemplate template = new SmsTemplate("%1$s.[ First.][ Second.] Link: %2$s[ Third.]");

	@Test
	void keepsEveryWordThatFitsOneSegment() {
		assertThat(this.template.fill("Short", "x")).isEqualTo("Short. First. Second. Link: x Third.");
	}

	@Test
	void leavesOutOptionalWordsFromTheLastToFitOneSegment() {
		String required = "a".repeat(140);

		assertThat(this.template.fill(required, "x")).isEqualTo(required + ". First. Link: x");
	}

	@Test
	void keepsEveryWordThatFitsTwoSegmentsWhenTheRequiredOnesNeedTwo() {
		String required = "a".repeat(200);

		assertThat(this.template.fill(required, "x")).isEqualTo(required + ". First. Second. Link: x Third.");
	}

	@Test
	void refusesWhatTwoSegmentsCannotHold() {
		assertThatIllegalStateException().isThrownBy(() -> this.template.fill("a".repeat(300), "x"));
	}

}
