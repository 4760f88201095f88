package com.geminihealth.schemas.intake;

import java.time.Instant;

import com.geminihealth.schemas.booking.RequestId;

/**
 * A client's {@code Idempotency-Key}, claimed for a request before the request is
 * published; the record's key is the digest of the caller and the key. Every intake
 * instance reads the claims of a key in the same order, so the first claim still live is
 * the answer wherever a retry arrives, and whichever of two instances receiving the same
 * request at once wrote first.
 *
 * @param requestId the random request id the key stands for
 * @param body digest of the request as read, so that another body under the same key is
 * recognised
 * @param expiresAt after this the key may be used again
 */
public record IdempotencyKeyClaimed(RequestId requestId, Digest body, Instant expiresAt) {
}
