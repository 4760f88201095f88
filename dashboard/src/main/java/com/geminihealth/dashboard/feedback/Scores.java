package com.geminihealth.dashboard.feedback;

import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

import com.geminihealth.schemas.feedback.SessionFeedback;

/**
 * What a set of answers scored: how many, their average, and how many gave each score.
 *
 * @param answers how many answers
 * @param average their mean score, 0 when there are none
 * @param byScore how many gave each score, from {@link SessionFeedback#LOWEST} up
 */
record Scores(int answers, double average, List<Integer> byScore) {

	static final Scores NONE = of(List.of());

	static Scores of(Collection<SessionFeedback> feedback) {
		int[] counts = new int[SessionFeedback.HIGHEST - SessionFeedback.LOWEST + 1];
		feedback.forEach((answer) -> counts[answer.score() - SessionFeedback.LOWEST]++);
		double average = feedback.stream().mapToInt(SessionFeedback::score).average().orElse(0);
		return new Scores(feedback.size(), average, IntStream.of(counts).boxed().toList());
	}

}
