package com.geminihealth.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import com.geminihealth.broker.BrokerSecurity;
import com.geminihealth.schemas.ServiceAccount;

/**
 * The SCRAM passwords of one local cluster: the brokers', the operator's and one per
 * {@link ServiceAccount}, made at random when the cluster first starts and kept in a file
 * under its root that only its owner may read. Nothing here prints them, and there is no
 * default: a cluster without the file has no passwords until {@link #loadOrCreate} makes
 * them.
 */
final class ClusterSecrets {

	/** The operator: a super user, for topics, ACLs, and the chaos run's readers. */
	static final String OPERATOR = "pipeline-admin";

	private ClusterSecrets() {
	}

	/** Where the passwords of the cluster under {@code root} live. */
	static Path file(Path root) {
		return root.resolve("secrets").resolve("kafka-passwords.properties");
	}

	/**
	 * The cluster's security, with the passwords of its file, made and written first if
	 * there is none yet.
	 */
	static BrokerSecurity loadOrCreate(Path root) throws IOException {
		Path file = file(root);
		if (!Files.exists(file)) {
			if (Files.exists(root.resolve("kafka"))) {
				// Its storage was formatted without these credentials: none would log in.
				throw new IllegalStateException("The cluster under " + root
						+ " has data but no passwords file; remove its kafka directory to start afresh");
			}
			write(file, BrokerSecurity.withRandomPasswords(OPERATOR,
					Arrays.stream(ServiceAccount.values()).map(ServiceAccount::user).toList()));
		}
		return load(file);
	}

	/** The security of an existing passwords file. */
	static BrokerSecurity load(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		Map<String, String> passwords = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach((user) -> passwords.put(user, properties.getProperty(user)));
		return BrokerSecurity.of(OPERATOR, passwords);
	}

	/**
	 * What a service's instances add to their environment on the secured cluster: its own
	 * account's login, and no topic declaring, which the operator has done.
	 */
	static Map<String, String> serviceEnv(BrokerSecurity security, String account) {
		Map<String, Object> client = security.clientSettings(account);
		Map<String, String> env = new LinkedHashMap<>();
		env.put("PIPELINE_TOPICS_DECLARE", "false");
		env.put("SPRING_KAFKA_SECURITY_PROTOCOL", (String) client.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
		env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", (String) client.get(SaslConfigs.SASL_MECHANISM));
		env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", (String) client.get(SaslConfigs.SASL_JAAS_CONFIG));
		return env;
	}

	private static void write(Path file, BrokerSecurity security) throws IOException {
		Files.createDirectories(file.getParent());
		Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Properties properties = new Properties();
		security.users().forEach((user) -> properties.setProperty(user, security.password(user)));
		try (Writer out = Files.newBufferedWriter(file, StandardOpenOption.TRUNCATE_EXISTING)) {
			properties.store(out, "SCRAM passwords of this cluster, made at its first start; keep private");
		}
	}

}
