package com.geminihealth.dashboard;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.springframework.stereotype.Component;

/**
 * What the front desk marked by hand (a follow-up called, an inquiry handled, a dead
 * letter replayed): facts of the front desk rather than of the pipeline, kept in a small
 * file under the dashboard's state directory so they survive a restart.
 */
@Component
public class FrontDeskMarks {

	private final Path file;

	private final Properties marks = new Properties();

	public FrontDeskMarks(DashboardProperties properties) {
		this.file = properties.stateDir().resolve("front-desk-marks.properties");
		if (Files.exists(this.file)) {
			try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
				this.marks.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	public synchronized String get(String kind, String key) {
		return this.marks.getProperty(kind + "." + key);
	}

	public synchronized void put(String kind, String key, String value) {
		this.marks.setProperty(kind + "." + key, value);
		try {
			Files.createDirectories(this.file.getParent());
			Path next = this.file.resolveSibling(this.file.getFileName() + ".next");
			try (Writer writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
				this.marks.store(writer, "front-desk marks");
			}
			Files.move(next, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
