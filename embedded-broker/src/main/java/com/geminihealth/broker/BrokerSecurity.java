package com.geminihealth.broker;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * What makes a Kafka cluster authenticate its clients and authorise them by ACL: every
 * client listener takes SASL/SCRAM-SHA-512 only, the KRaft controller listener SASL/PLAIN
 * (SCRAM credentials live in the metadata the controller itself serves, so it cannot use
 * them), the {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false}
 * on every node, and two super users: the brokers' own principal, for replication and the
 * controller, and an operator's, for topics, ACLs and credentials.
 * <p>
 * Passwords are made at random for each instance unless the caller supplies them; there
 * is no default secret. Every user's SCRAM credential is written into the metadata when
 * the storage is formatted ({@link #scramArguments()}), so it exists before any broker
 * starts.
 * <p>
 * A node in a process of its own needs: its settings ({@link #brokerSettings(int)} or
 * {@link #controllerSettings()}) on top of its plain ones, and, for the controller, the
 * {@link #scramArguments()} when its storage is formatted ({@code kafka-storage.sh format
 * --add-scram ...}, or {@code Formatter.setScramArguments}). Clients use
 * {@link #clientSettings(String)}.
 */
public final class BrokerSecurity {

	/** The mechanism every client authenticates with. */
	public static final String MECHANISM = "SCRAM-SHA-512";

	/** The listener (and protocol) name of the brokers' client listener. */
	public static final String LISTENER = "SASL_PLAINTEXT";

	/**
	 * The brokers' own principal: replication, and the brokers' calls to the controller.
	 */
	public static final String BROKER_USER = "broker";

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	private static final Duration ACL_WAIT = Duration.ofSeconds(30);

	private final String adminUser;

	/** Every user's password, the broker's and the operator's included. */
	private final Map<String, String> passwords;

	private BrokerSecurity(String adminUser, Map<String, String> passwords) {
		this.adminUser = adminUser;
		this.passwords = Map.copyOf(passwords);
	}

	/**
	 * Security with a random password for the operator ({@code adminUser}), the brokers
	 * and each of {@code users}.
	 */
	public static BrokerSecurity withRandomPasswords(String adminUser, Collection<String> users) {
		Map<String, String> passwords = new LinkedHashMap<>();
		passwords.put(BROKER_USER, randomPassword());
		passwords.put(adminUser, randomPassword());
		users.forEach((user) -> passwords.put(user, randomPassword()));
		return new BrokerSecurity(adminUser, passwords);
	}

	/**
	 * Security with the caller's passwords, which must name {@code adminUser} and
	 * {@value #BROKER_USER}.
	 */
	public static BrokerSecurity of(String adminUser, Map<String, String> passwords) {
		for (String required : List.of(adminUser, BROKER_USER)) {
			String password = passwords.get(required);
			if (password == null || password.length() < 16) {
				throw new IllegalArgumentException("A password of 16 characters or more is needed for " + required);
			}
		}
		passwords.forEach((user, password) -> {
			// They travel inside a JAAS entry and the storage format's SCRAM arguments.
			if (!user.matches("[A-Za-z0-9._-]+") || !password.matches("[^\\s\"\\\\,=\\[\\]]+")) {
				throw new IllegalArgumentException("User " + user + ": names are letters, digits, '.', '_' or '-', "
						+ "and passwords hold no space, quote, backslash, comma, '=', '[' or ']'");
			}
		});
		return new BrokerSecurity(adminUser, passwords);
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The operator's user name, a super user. */
	public String adminUser() {
		return this.adminUser;
	}

	/** Every user with a credential, the brokers' and the operator's included. */
	public Set<String> users() {
		return this.passwords.keySet();
	}

	/** The password of {@code user}, for a client of the caller's own making. */
	public String password(String user) {
		String password = this.passwords.get(user);
		if (password == null) {
			throw new IllegalArgumentException("No such user: " + user);
		}
		return password;
	}

	/**
	 * What a client authenticating as {@code user} needs beside
	 * {@code bootstrap.servers}: as Spring Boot properties,
	 * {@code spring.kafka.security.protocol} and {@code spring.kafka.properties.sasl.*}.
	 */
	public Map<String, Object> clientSettings(String user) {
		Map<String, Object> settings = new HashMap<>();
		settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		settings.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
		settings.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, password(user)));
		return settings;
	}

	/** The operator's client settings: a super user. */
	public Map<String, Object> adminSettings() {
		return clientSettings(this.adminUser);
	}

	/**
	 * Settings of a broker whose client (and inter-broker) listener is on {@code port},
	 * on top of its plain ones: they replace its listeners.
	 */
	public Map<String, String> brokerSettings(int port) {
		Map<String, String> settings = common();
		settings.put("listeners", LISTENER + "://localhost:" + port);
		settings.put("advertised.listeners", LISTENER + "://localhost:" + port);
		settings.put("inter.broker.listener.name", LISTENER);
		settings.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
		settings.put("listener.name." + LISTENER.toLowerCase() + ".sasl.enabled.mechanisms", MECHANISM);
		settings.put("listener.name." + LISTENER.toLowerCase() + "." + MECHANISM.toLowerCase() + ".sasl.jaas.config",
				scramLogin(BROKER_USER, password(BROKER_USER)));
		return settings;
	}

	/**
	 * Settings of a node that is both broker and controller, its client listener on
	 * {@code port} and its controller listener on {@code controllerPort}, on top of its
	 * plain ones.
	 */
	public Map<String, String> combinedSettings(int port, int controllerPort) {
		Map<String, String> settings = brokerSettings(port);
		settings.put("listeners",
				LISTENER + "://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
		return settings;
	}

	/** Settings of a KRaft controller, on top of its plain ones. */
	public Map<String, String> controllerSettings() {
		return common();
	}

	private Map<String, String> common() {
		Map<String, String> settings = new HashMap<>();
		settings.put("listener.security.protocol.map",
				LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
		settings.put("sasl.mechanism.controller.protocol", "PLAIN");
		settings.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
		// The controller's listener knows one user, the brokers', who also logs in with
		// it.
		String brokerPassword = password(BROKER_USER);
		settings.put("listener.name.controller.plain.sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER_USER
						+ "\" password=\"" + brokerPassword + "\" user_" + BROKER_USER + "=\"" + brokerPassword
						+ "\";");
		settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		settings.put("allow.everyone.if.no.acl.found", "false");
		settings.put("super.users", "User:" + BROKER_USER + ";User:" + this.adminUser);
		return settings;
	}

	/**
	 * Every user's SCRAM credential, as {@code kafka-storage.sh format --add-scram} takes
	 * them, for the controller's storage format.
	 */
	public List<String> scramArguments() {
		List<String> arguments = new ArrayList<>();
		this.passwords
			.forEach((user, password) -> arguments.add(MECHANISM + "=[name=" + user + ",password=" + password + "]"));
		return arguments;
	}

	/**
	 * Creates {@code acls} as the operator through {@code bootstrapServers}, and returns
	 * once every broker enforces them.
	 */
	public void applyAcls(String bootstrapServers, Collection<AclBinding> acls) {
		Map<String, Object> config = new HashMap<>(adminSettings());
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (Admin admin = Admin.create(config)) {
			admin.createAcls(acls).all().get(ACL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating ACLs", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not create ACLs through " + bootstrapServers, ex);
		}
		// Each broker learns them from the metadata log in its own time.
		for (String server : bootstrapServers.split(",")) {
			awaitAcls(server, acls.size());
		}
	}

	private void awaitAcls(String server, int count) {
		Map<String, Object> config = new HashMap<>(adminSettings());
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server);
		long deadline = System.nanoTime() + ACL_WAIT.toNanos();
		try (Admin admin = Admin.create(config)) {
			while (System.nanoTime() < deadline) {
				try {
					if (admin.describeAcls(AclBindingFilter.ANY).values().get(5, TimeUnit.SECONDS).size() >= count) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					// a broker stopped for a while: asked again
				}
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for ACLs on " + server, ex);
		}
		throw new IllegalStateException(
				"Broker " + server + " did not have the ACLs within " + ACL_WAIT.toSeconds() + "s");
	}

	private static String scramLogin(String user, String password) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
				+ password + "\";";
	}

	@Override
	public String toString() {
		// Never the passwords.
		return "BrokerSecurity[" + MECHANISM + ", users " + users() + "]";
	}

}
