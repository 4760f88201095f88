package com.geminihealth.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import com.geminihealth.schemas.CatalogueAcls;
import com.geminihealth.schemas.ServiceAccount;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;

/**
 * What an operator does to a secured cluster before the services start, with an account
 * that may (a super user): creates the catalogue's topics with their settings, gives each
 * service account its SCRAM credential, and creates the ACLs generated from the catalogue
 * ({@link CatalogueAcls}). The services then run with
 * {@code pipeline.topics.declare=false}.
 * <p>
 * As a program: {@code --print} (the default) prints the ACLs and touches nothing;
 * {@code --apply} does all three through {@code --bootstrap-server} with the client
 * settings of {@code --command-config} (a properties file, as Kafka's own tools take),
 * and sets the SCRAM password of each account named by an environment variable
 * {@code PIPELINE_KAFKA_PASSWORD_<ACCOUNT>}
 * ({@code PIPELINE_KAFKA_PASSWORD_BOOKING_INTAKE} and so on). {@code --partitions} and
 * {@code --replication-factor} as {@code pipeline.topics.*}.
 */
public final class CatalogueProvisioning {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final int SCRAM_ITERATIONS = 8192;

	private CatalogueProvisioning() {
	}

	/** The catalogue's topics as {@code properties} asks them to be created. */
	public static List<NewTopic> newTopics(TopicProperties properties) {
		return Topics.ALL.stream().map((topic) -> newTopic(topic, properties)).toList();
	}

	private static NewTopic newTopic(Topic<?, ?> topic, TopicProperties properties) {
		return new NewTopic(topic.name(), properties.partitions(), properties.replicationFactor())
			.configs(configs(topic, properties));
	}

	private static Map<String, String> configs(Topic<?, ?> topic, TopicProperties properties) {
		Map<String, String> configs = new HashMap<>(topic.configs());
		Duration retention = properties.retention().get(topic.name());
		if (retention != null && "delete".equals(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG))) {
			configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()));
		}
		configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
				String.valueOf(Math.min(2, properties.replicationFactor())));
		return configs;
	}

	/**
	 * Creates the topics that do not exist yet and gives those that do the catalogue's
	 * settings, as the services do when they declare them.
	 */
	public static void createTopics(Admin admin, TopicProperties properties) {
		Set<String> existing = await(admin.listTopics().names());
		List<NewTopic> missing = newTopics(properties).stream()
			.filter((topic) -> !existing.contains(topic.name()))
			.toList();
		await(admin.createTopics(missing).all());
		Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
		for (Topic<?, ?> topic : Topics.ALL) {
			if (existing.contains(topic.name())) {
				settings.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
						configs(topic, properties).entrySet()
							.stream()
							.map((entry) -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()),
									AlterConfigOp.OpType.SET))
							.toList());
			}
		}
		if (!settings.isEmpty()) {
			await(admin.incrementalAlterConfigs(settings).all());
		}
	}

	/** Sets the SCRAM-SHA-512 password of each account named. */
	public static void setPasswords(Admin admin, Map<ServiceAccount, String> passwords) {
		List<UserScramCredentialAlteration> alterations = new ArrayList<>();
		passwords.forEach((account, password) -> alterations.add(new UserScramCredentialUpsertion(account.user(),
				new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
		if (!alterations.isEmpty()) {
			await(admin.alterUserScramCredentials(alterations).all());
		}
	}

	/** Creates the catalogue's ACLs; those that exist already are left as they are. */
	public static void createAcls(Admin admin) {
		await(admin.createAcls(CatalogueAcls.all()).all());
	}

	/** One line per ACL: principal, operation, resource type, pattern type and name. */
	public static List<String> describe(Collection<AclBinding> acls) {
		return acls.stream()
			.map((acl) -> String.join(" ", acl.entry().principal(), acl.entry().permissionType().name(),
					acl.entry().operation().name(), acl.pattern().resourceType().name(),
					acl.pattern().patternType().name(), acl.pattern().name()))
			.toList();
	}

	public static void main(String[] args) throws IOException {
		System.exit(run(args, System.getenv(), System.out));
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out) throws IOException {
		Map<String, String> options = new HashMap<>();
		boolean apply = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--print" -> apply = false;
				case "--apply" -> apply = true;
				case "--bootstrap-server", "--command-config", "--partitions", "--replication-factor" -> {
					if (i + 1 == args.length) {
						out.println(args[i] + " needs a value");
						return 2;
					}
					options.put(args[i], args[++i]);
				}
				default -> {
					out.println("Unknown option " + args[i] + "; usage: [--print | --apply --bootstrap-server "
							+ "HOST:PORT --command-config FILE [--partitions N] [--replication-factor N]]");
					return 2;
				}
			}
		}
		if (!apply) {
			describe(CatalogueAcls.all()).forEach(out::println);
			return 0;
		}
		if (!options.containsKey("--bootstrap-server")) {
			out.println("--apply needs --bootstrap-server");
			return 2;
		}
		Map<String, Object> config = new HashMap<>();
		if (options.containsKey("--command-config")) {
			Properties file = new Properties();
			try (InputStream in = Files.newInputStream(Path.of(options.get("--command-config")))) {
				file.load(in);
			}
			file.forEach((key, value) -> config.put((String) key, value));
		}
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.get("--bootstrap-server"));
		TopicProperties topics = new TopicProperties(Integer.parseInt(options.getOrDefault("--partitions", "3")),
				Short.parseShort(options.getOrDefault("--replication-factor", "1")), Map.of(), true);
		Map<ServiceAccount, String> passwords = new HashMap<>();
		for (ServiceAccount account : ServiceAccount.values()) {
			String password = environment.get(passwordVariable(account));
			if (password != null && !password.isEmpty()) {
				passwords.put(account, password);
			}
		}
		try (Admin admin = Admin.create(config)) {
			createTopics(admin, topics);
			out.println("Topics: " + Topics.ALL.size() + " catalogued, present with their settings");
			setPasswords(admin, passwords);
			out.println("SCRAM credentials set for: "
					+ passwords.keySet().stream().map(ServiceAccount::user).sorted().toList());
			createAcls(admin);
			out.println("ACLs: " + CatalogueAcls.all().size() + " present");
		}
		return 0;
	}

	/** The environment variable that holds an account's password for {@code --apply}. */
	public static String passwordVariable(ServiceAccount account) {
		return "PIPELINE_KAFKA_PASSWORD_" + account.name().toUpperCase(Locale.ROOT);
	}

	private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
		try {
			return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer within " + TIMEOUT.toSeconds() + "s", ex);
		}
	}

}
