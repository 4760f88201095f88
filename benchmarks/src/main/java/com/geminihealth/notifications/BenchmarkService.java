package com.geminihealth.notifications;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The notifications service as deployed, in this JVM, against the benchmark's broker and
 * provider stubs, with quiet hours off so that no figure depends on the hour it ran.
 */
final class BenchmarkService {

	private BenchmarkService() {
	}

	/**
	 * Starts the service; {@code extra} are further {@code --name=value} arguments, which
	 * override the ones before.
	 */
	static ConfigurableApplicationContext start(String bootstrap, int smtpPort, String twilioBaseUrl,
			double smsPerSecond, Path dataDir, List<String> extra) {
		List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrap,
				"--server.port=0", "--management.server.port=0", "--spring.mail.host=localhost",
				"--spring.mail.port=" + smtpPort, "--notifications.sms.account-sid=AC00000000000000000000000000000001",
				"--notifications.sms.auth-token=secret",
				"--pipeline.manage-links.secret=benchmark-only-manage-links-secret-of-32-characters",
				"--notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
				"--notifications.sms.api-base-url=" + twilioBaseUrl,
				"--notifications.sms.messages-per-second=" + smsPerSecond,
				"--notifications.sms.quiet-hours.start=00:00", "--notifications.sms.quiet-hours.end=00:00",
				"--logging.level.root=WARN", "--logging.structured.format.console=",
				"--pipeline.data-dir=" + dataDir.toAbsolutePath()));
		arguments.addAll(extra);
		return NotificationsApplication.builder().run(arguments.toArray(String[]::new));
	}

}
