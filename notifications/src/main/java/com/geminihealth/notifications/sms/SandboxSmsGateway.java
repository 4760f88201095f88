package com.geminihealth.notifications.sms;

import com.geminihealth.schemas.notification.NotificationId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Without a Twilio account: each text lands in a folder, as the patient would read it.
 */
class SandboxSmsGateway implements SmsGateway {

	private final Path folder;

	SandboxSmsGateway(Path folder) {
		this.folder = folder;
	}

	@Override
	public String send(Sms sms, NotificationId notification) {
		String id = "SANDBOX" + UUID.randomUUID().toString().replace("-", "");
		try {
			Files.createDirectories(this.folder);
			Files.writeString(this.folder.resolve(id + ".txt"), "To: " + sms.to() + "\n\n" + sms.body() + "\n",
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return id;
	}

}
