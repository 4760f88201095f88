package com.geminihealth.intake.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import com.geminihealth.intake.ledger.Ledger;
import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.intake.Digest;
import com.geminihealth.schemas.intake.IdempotencyKeyClaimed;

/**
 * Honours the {@code Idempotency-Key} header for a day: a retry with the same key and the
 * same body gets the first answer, on any instance and after a restart; the same key with
 * another body is refused. A key belongs to its caller: the same key from another caller
 * is another key.
 * <p>
 * The ids are random; the key only finds them again. A key is claimed on the
 * {@code idempotency-keys} topic before its request is published, and the first claim
 * still live is the answer: when two instances receive the same key at the same moment,
 * both write a claim, both read both claims back in the order the broker keeps them, and
 * both answer with the first. Each then publishes the request under that one id, which
 * the decider applies once: the worst a race can do is publish a request twice, never
 * book it twice.
 */
@Component
public class IdempotencyKeys {

	/** How long a key stands for its request. */
	static final Duration LIFETIME = Duration.ofHours(24);

	private final Ledger<IdempotencyKeyClaimed> claims;

	private final Clock clock;

	IdempotencyKeys(Ledger<IdempotencyKeyClaimed> claims, Clock clock) {
		this.claims = claims;
		this.clock = clock;
	}

	/**
	 * The id to publish {@code body} under: a new random one without a key; with a key,
	 * the id its first live claim stands for, claiming it now if nobody has. Publishing a
	 * retry again under its id is safe (the decider applies a request id once) and
	 * publishes a first attempt that failed after its claim.
	 * @param caller who sent the key: the key id of a signed integration, or the public
	 * for the unsigned API
	 * @throws KeyReused if the key stands for another body
	 */
	public RequestId requestId(String caller, String key, Object body) {
		if (key == null || key.isEmpty()) {
			return RequestId.random();
		}
		Digest claimed = Digest.of(caller + "\n" + key);
		Digest bodyDigest = Digest.of(Json.MAPPER.writeValueAsBytes(body));
		List<IdempotencyKeyClaimed> earlier = this.claims.entries(claimed);
		if (earlier.isEmpty()) {
			earlier = this.claims.append(claimed,
					new IdempotencyKeyClaimed(RequestId.random(), bodyDigest, this.clock.instant().plus(LIFETIME)));
		}
		IdempotencyKeyClaimed first = earlier.get(0);
		if (!first.body().equals(bodyDigest)) {
			throw new KeyReused();
		}
		return first.requestId();
	}

	/** The key was first used with a different body. */
	public static class KeyReused extends RuntimeException {

		KeyReused() {
			super("this Idempotency-Key was already used with a different request body");
		}

	}

}
