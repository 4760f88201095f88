package com.geminihealth.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import com.geminihealth.broker.KraftBroker;
import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.intake.IntakeApplication;
import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.reminders.RemindersApplication;

/**
 * The whole pipeline in one process, for trying it and for development: a real Kafka
 * broker (KRaft) whose data lives under {@code data/} and survives restarts, then every
 * service on it, each in its own application context on its own port, talking only
 * through Kafka as they do when deployed apart.
 */
public final class LocalPipeline implements AutoCloseable {

	/*
	 * One process has one class path. Spring Security and springdoc are there for the
	 * intake (and Security for the dashboard); these settings keep them off where the
	 * service is deployed without them, as their metrics would otherwise sit behind a
	 * generated password.
	 */
	private static final List<String> NO_WEB_SECURITY = List.of("--spring.autoconfigure.exclude=" + String.join(",",
			SecurityAutoConfiguration.class.getName(), UserDetailsServiceAutoConfiguration.class.getName(),
			ServletWebSecurityAutoConfiguration.class.getName(), SecurityFilterAutoConfiguration.class.getName(),
			ManagementWebSecurityAutoConfiguration.class.getName()));

	private static final List<String> NO_API_DOCS = List.of("--springdoc.api-docs.enabled=false",
			"--springdoc.swagger-ui.enabled=false");

	/**
	 * Signs the patients' manage-my-appointment links (notifications) and checks them
	 * (intake). Fixed, so links in the outbox still open after a restart; a deployment
	 * sets its own, as the services have no default.
	 */
	static final String MANAGE_LINKS_SECRET = "local-run-only-manage-links-secret-not-for-deployment";

	private final KraftBroker broker;

	private final Map<Class<?>, ConfigurableApplicationContext> services = new LinkedHashMap<>();

	private LocalPipeline(KraftBroker broker) {
		this.broker = broker;
	}

	/**
	 * Starts the broker in {@code dataDir} on {@code kafkaPort}, then the services; a
	 * port of 0 anywhere picks a free one.
	 */
	public static LocalPipeline start(Path dataDir, int kafkaPort, PortPlan ports, String... args) throws Exception {
		return start(dataDir, kafkaPort, Map.of(), ports, args);
	}

	/** As above, with settings of the caller's for the broker. */
	static LocalPipeline start(Path dataDir, int kafkaPort, Map<String, String> brokerSettings, PortPlan ports,
			String... args) throws Exception {
		Files.createDirectories(dataDir);
		LocalPipeline pipeline = new LocalPipeline(
				KraftBroker.start(dataDir.resolve("kafka"), kafkaPort, brokerSettings));
		try {
			pipeline.run(IntakeApplication.class, IntakeApplication.builder(), ports.intake(), dataDir, List.of(),
					withFirst(args, "--pipeline.manage-links.secret=" + MANAGE_LINKS_SECRET));
			List<String> apart = Stream.concat(NO_WEB_SECURITY.stream(), NO_API_DOCS.stream()).toList();
			// Message links lead to the intake's manage, waitlist-offer and feedback
			// pages, on the port it took.
			String intake = pipeline.url(IntakeApplication.class);
			String[] notifications = withFirst(args, "--pipeline.manage-links.secret=" + MANAGE_LINKS_SECRET);
			notifications = withFirst(notifications, "--notifications.messages.manage-url=" + intake + "/m/");
			notifications = withFirst(notifications,
					"--notifications.messages.offer-url=" + intake + "/waitlist/offers/");
			notifications = withFirst(notifications, "--notifications.messages.feedback-url=" + intake + "/feedback/");
			pipeline.run(NotificationsApplication.class, NotificationsApplication.builder(), ports.notifications(),
					dataDir, apart, notifications);
			pipeline.run(RemindersApplication.class, RemindersApplication.builder(), ports.reminders(), dataDir, apart,
					args);
			// The dashboard asks intake's public availability API for open slots, over
			// HTTP.
			pipeline.run(DashboardApplication.class, DashboardApplication.builder(), ports.dashboard(), dataDir,
					NO_API_DOCS, withFirst(args, "--dashboard.intake-url=" + pipeline.url(IntakeApplication.class)));
			return pipeline;
		}
		catch (RuntimeException ex) {
			pipeline.close();
			throw ex;
		}
	}

	/**
	 * Starts one service. Its settings go in as command-line arguments because those
	 * outrank the service's own configuration file. The {@code local} profile reads what
	 * only the local run has, such as the dashboard's user ({@code dashboard-local.yml}).
	 * The console names no application: one process's log lines cannot tell theirs apart,
	 * and their threads and loggers do.
	 */
	private void run(Class<?> application, SpringApplicationBuilder service, int port, Path dataDir,
			List<String> settings, String... args) {
		List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers(),
				"--server.port=" + port, "--pipeline.data-dir=" + dataDir.toAbsolutePath(),
				"--spring.profiles.active=local", "--logging.structured.format.console=",
				"--logging.include-application-name=false", "--spring.main.banner-mode=off"));
		arguments.addAll(settings);
		arguments.addAll(List.of(args));
		this.services.put(application, service.run(arguments.toArray(String[]::new)));
	}

	/** {@code args} with {@code setting} added, unless they set it themselves. */
	private static String[] withFirst(String[] args, String setting) {
		String name = setting.substring(0, setting.indexOf('=') + 1);
		if (List.of(args).stream().anyMatch((arg) -> arg.startsWith(name))) {
			return args;
		}
		List<String> all = new ArrayList<>(List.of(setting));
		all.addAll(List.of(args));
		return all.toArray(String[]::new);
	}

	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/** The base URL of the service whose main class is {@code application}. */
	public String url(Class<?> application) {
		return "http://localhost:" + port(application, "local.server.port");
	}

	/**
	 * Where the service's operations endpoints answer: its management port, on the
	 * loopback.
	 */
	public String managementUrl(Class<?> application) {
		return "http://localhost:" + port(application, "local.management.port");
	}

	/** The running service whose main class is {@code application}, to look inside. */
	ConfigurableApplicationContext service(Class<?> application) {
		return this.services.get(application);
	}

	private String port(Class<?> application, String property) {
		return this.services.get(application).getEnvironment().getProperty(property);
	}

	@Override
	public void close() {
		List<ConfigurableApplicationContext> running = new ArrayList<>(this.services.values());
		for (int i = running.size() - 1; i >= 0; i--) {
			running.get(i).close();
		}
		this.broker.close();
	}

	/**
	 * Public ports of the services; 0 picks a free one, and a free management port too
	 * (otherwise each service's own, 9080-9083).
	 */
	public record PortPlan(int intake, int notifications, int reminders, int dashboard) {

		public static final PortPlan DEFAULT = new PortPlan(8080, 8081, 8082, 8083);

		public static final PortPlan ANY_FREE = new PortPlan(0, 0, 0, 0);

	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Path.of(System.getProperty("pipeline.data-dir", "data"));
		int kafkaPort = Integer.getInteger("pipeline.kafka-port", 9092);
		LocalPipeline pipeline = start(dataDir, kafkaPort, PortPlan.DEFAULT, args);
		Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close, "local-pipeline-shutdown"));
		String intake = pipeline.url(IntakeApplication.class);
		System.out.printf("""

				Gemini Health clinic pipeline is running (data in %s)
				  Kafka bootstrap servers   %s
				  Booking page              %s/book
				  Contact page              %s/contact
				  Booking API (OpenAPI UI)  %s/swagger-ui.html
				  OpenAPI document          %s/v3/api-docs
				  Intake health             %s/actuator/health
				  Notifications health      %s/actuator/health
				  Reminders health          %s/actuator/health
				  Dashboard health          %s/actuator/health
				  Front-desk dashboard      %s  (sign in as frontdesk / frontdesk-gemini)
				  Erasing a patient         %s/erasure  (sign in as ops / ops-gemini)
				  Patient emails (.eml)     %s
				  Patient texts (sandbox)   %s
				Press Ctrl+C to stop.
				%n""", dataDir.toAbsolutePath(), pipeline.bootstrapServers(), intake, intake, intake, intake,
				pipeline.managementUrl(IntakeApplication.class), pipeline.managementUrl(NotificationsApplication.class),
				pipeline.managementUrl(RemindersApplication.class), pipeline.managementUrl(DashboardApplication.class),
				pipeline.url(DashboardApplication.class), pipeline.url(DashboardApplication.class),
				dataDir.toAbsolutePath().resolve("outbox"), dataDir.toAbsolutePath().resolve("sms-sandbox"));
	}

}
