package com.geminihealth.intake.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Honours the {@code Idempotency-Key} header: a retry with the same key and the same body
 * gets the first answer; the same key with another body is refused.
 * <p>
 * Answers are remembered for a day by this instance. The id of what the key creates is
 * derived from the key itself, so a retry that reaches another instance, or this one
 * after a restart, still names the same request and the decider applies it once.
 */
@Component
public class IdempotencyKeys {

	private final Cache<String, Remembered> answers = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(24))
		.maximumSize(100_000)
		.build();

	/**
	 * Runs {@code action} once per key with the id derived from the key; without a key,
	 * with a random id.
	 */
	public <T> T once(String key, Object body, Function<UUID, T> action) {
		if (key == null || key.isBlank()) {
			return action.apply(UUID.randomUUID());
		}
		Remembered remembered = this.answers.get(key,
				(k) -> new Remembered(body, action.apply(UUID.nameUUIDFromBytes(k.getBytes(StandardCharsets.UTF_8)))));
		if (!remembered.body().equals(body)) {
			throw new KeyReused();
		}
		@SuppressWarnings("unchecked")
		T answer = (T) remembered.answer();
		return answer;
	}

	private record Remembered(Object body, Object answer) {
	}

	/** The key was first used with a different body. */
	public static class KeyReused extends RuntimeException {

		KeyReused() {
			super("this Idempotency-Key was already used with a different request body");
		}

	}

}
