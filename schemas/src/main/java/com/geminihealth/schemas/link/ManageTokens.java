package com.geminihealth.schemas.link;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.geminihealth.schemas.booking.AppointmentId;

/**
 * The capability in a patient's "manage my appointment" link: the appointment's id and an
 * HMAC-SHA256, cut to 128 bits, over that id and the appointment's sequence (how often it
 * was moved), with a key only the services hold. Nothing about the patient can be read
 * without it; it opens one appointment only; once the appointment is moved the links sent
 * for its old time no longer open it. Expiry needs no field of its own: a link is
 * honoured only until the appointment it opens has ended.
 * <p>
 * Notifications issue tokens; the intake verifies them. Both are configured with the same
 * secret.
 */
public final class ManageTokens {

	/** 256 bits, as for any HMAC-SHA256 key. */
	public static final int MINIMUM_SECRET_LENGTH = 32;

	private static final int MAC_BYTES = 16;

	/**
	 * What a feedback link's MAC is taken over in place of a sequence: a manage link's
	 * sequence is never negative, so no manage link carries it.
	 */
	private static final int FEEDBACK = -1;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	public ManageTokens(String secret) {
		if (secret == null || secret.length() < MINIMUM_SECRET_LENGTH) {
			throw new IllegalArgumentException("the manage-link secret must be at least " + MINIMUM_SECRET_LENGTH
					+ " characters; generate one with: openssl rand -base64 48");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** The token for the appointment as it stands at {@code sequence}. */
	public String issue(AppointmentId appointment, int sequence) {
		byte[] id = bytes(appointment.uuid());
		return ENCODER.encodeToString(id) + ENCODER.encodeToString(mac(id, sequence));
	}

	/**
	 * The token of the link that asks about the session {@code appointment} afterwards:
	 * signed for that purpose, so it opens no manage page, and a manage link opens no
	 * feedback page.
	 */
	public String issueFeedback(AppointmentId appointment) {
		return issue(appointment, FEEDBACK);
	}

	/** Whether the token is the feedback link of {@code appointment}. */
	public boolean opensFeedback(String token, AppointmentId appointment) {
		return opens(token, appointment, FEEDBACK);
	}

	/**
	 * The appointment a token names, not yet trusted: look it up, then ask
	 * {@link #opens}.
	 */
	public static Optional<AppointmentId> appointmentOf(String token) {
		if (token == null || token.length() != 44) {
			return Optional.empty();
		}
		try {
			ByteBuffer id = ByteBuffer.wrap(DECODER.decode(token.substring(0, 22)));
			return Optional.of(new AppointmentId(new UUID(id.getLong(), id.getLong())));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Whether the token opens {@code appointment} as it stands at {@code sequence}. */
	public boolean opens(String token, AppointmentId appointment, int sequence) {
		if (appointmentOf(token).filter(appointment::equals).isEmpty()) {
			return false;
		}
		byte[] given;
		try {
			given = DECODER.decode(token.substring(22));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(given, mac(bytes(appointment.uuid()), sequence));
	}

	private byte[] mac(byte[] id, int sequence) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(id);
			return Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(Integer.BYTES).putInt(sequence).array()), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	private static byte[] bytes(UUID uuid) {
		return ByteBuffer.allocate(16)
			.putLong(uuid.getMostSignificantBits())
			.putLong(uuid.getLeastSignificantBits())
			.array();
	}

}
