package com.geminihealth.notifications.sms;

import java.text.Normalizer;
import java.util.Map;

/**
 * The GSM 03.38 basic character set. A text written only in it takes 160 characters a
 * segment (153 each once split); one character outside it, an ô or a ç in a name, sends
 * the whole text as UCS-2 at 70 (67), more than doubling what it costs.
 */
final class Gsm7 {

	static final int ONE_SEGMENT = 160;

	static final int TWO_SEGMENTS = 2 * 153;

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	/** Look-alikes that no accent-stripping finds. */
	private static final Map<Character, String> LOOKALIKES = Map.of('œ', "oe", 'Œ', "OE", '’', "'", '‘', "'", '«', "\"",
			'»', "\"", '“', "\"", '”', "\"", '–', "-", '—', "-");

	private Gsm7() {
	}

	/**
	 * {@code text} in the basic set: a letter it lacks loses its accent (ô as o, ç as c),
	 * a space of any kind becomes a plain one, and what has no likeness is left out.
	 */
	static String of(String text) {
		StringBuilder gsm = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> gsm.append(nearest(c)));
		return gsm.toString();
	}

	private static String nearest(int c) {
		if (BASIC.indexOf(c) >= 0) {
			return Character.toString(c);
		}
		if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
			return " ";
		}
		String lookalike = (c <= Character.MAX_VALUE) ? LOOKALIKES.get((char) c) : null;
		if (lookalike != null) {
			return lookalike;
		}
		String base = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKD);
		return base.codePoints()
			.filter((part) -> BASIC.indexOf(part) >= 0)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
