package com.geminihealth.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local run's copies of what patients were sent: emails in the outbox, texts in the
 * sandbox.
 */
final class MessageFiles {

	private MessageFiles() {
	}

	static long emailsMentioning(Path dataDir, String text) throws IOException {
		return filesMentioning(dataDir.resolve("outbox"), text);
	}

	static long textsMentioning(Path dataDir, String text) throws IOException {
		return filesMentioning(dataDir.resolve("sms-sandbox"), text);
	}

	/** Every text in the sandbox that went to {@code phone}, E.164, as the file reads. */
	static List<String> textsTo(Path dataDir, String phone) throws IOException {
		Path folder = dataDir.resolve("sms-sandbox");
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> {
				try {
					return Files.readString(file, StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					return "";
				}
			}).filter((text) -> text.startsWith("To: " + phone + "\n")).toList();
		}
	}

	private static long filesMentioning(Path folder, String text) throws IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> {
				try {
					return Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
				}
				catch (IOException ex) {
					return false;
				}
			}).count();
		}
	}

}
