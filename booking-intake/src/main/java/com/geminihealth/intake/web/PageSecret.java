package com.geminihealth.intake.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signs what the public pages hand a browser to bring back unchanged, so that the server
 * needs to remember none of it: HMAC-SHA256 with the pages' secret, over a purpose and
 * the data, so that a signature for one purpose is worth nothing for another.
 */
@Component
public class PageSecret {

	private static final Logger logger = LoggerFactory.getLogger(PageSecret.class);

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public PageSecret(PageProperties properties) {
		byte[] secret;
		if (StringUtils.hasText(properties.secret())) {
			secret = properties.secret().getBytes(StandardCharsets.UTF_8);
		}
		else {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			logger.info("intake.pages.secret is not set: this instance signs with a key of its own, "
					+ "which other instances will not accept");
		}
		this.key = new SecretKeySpec(secret, ALGORITHM);
	}

	/** The signature of {@code data} for {@code purpose}, URL-safe. */
	public String sign(String purpose, String data) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal((purpose + "\n" + data).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has " + ALGORITHM, ex);
		}
	}

	/** Whether {@code signature} is that of {@code data} for {@code purpose}. */
	public boolean signed(String purpose, String data, String signature) {
		return signature != null && MessageDigest.isEqual(sign(purpose, data).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

}
