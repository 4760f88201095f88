package com.geminihealth.notifications.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text's words, some of them optional: {@code [ STOP to opt out.]}. The text keeps all
 * it can in one segment; when even its required words need two, it keeps all that fits in
 * two. Optional words go from the last to the first, so a template lists them most needed
 * first. Square brackets are free to mark them: they are not in GSM-7's basic set, so no
 * text says them.
 */
final class SmsTemplate {

	private static final Pattern PART = Pattern.compile("\\[([^\\]]*)]|[^\\[]+");

	private final List<Part> parts = new ArrayList<>();

	private final int optional;

	SmsTemplate(String template) {
		Matcher part = PART.matcher(template);
		while (part.find()) {
			this.parts.add((part.group(1) != null) ? new Part(part.group(1), true) : new Part(part.group(), false));
		}
		this.optional = (int) this.parts.stream().filter(Part::optional).count();
	}

	/**
	 * The text for these values ({@code %1$s}...) in GSM-7, at most two segments.
	 * @throws IllegalStateException if the required words alone need more: the clinic's
	 * names or link are too long for a text
	 */
	String fill(Object... values) {
		String twoSegments = null;
		for (int left = this.optional; left >= 0; left--) {
			String text = Gsm7.of(keeping(left).formatted(values));
			if (text.length() <= Gsm7.ONE_SEGMENT) {
				return text;
			}
			if (twoSegments == null && text.length() <= Gsm7.TWO_SEGMENTS) {
				twoSegments = text;
			}
		}
		if (twoSegments == null) {
			throw new IllegalStateException("a text would take more than two segments even without its optional words");
		}
		return twoSegments;
	}

	/** The template with its first {@code count} optional parts. */
	private String keeping(int count) {
		StringBuilder template = new StringBuilder();
		int kept = 0;
		for (Part part : this.parts) {
			if (!part.optional() || kept++ < count) {
				template.append(part.words());
			}
		}
		return template.toString();
	}

	private record Part(String words, boolean optional) {
	}

}
