package com.geminihealth.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.geminihealth.broker.BrokerSecurity;
import com.geminihealth.cluster.ClusterShape.Layout;
import com.geminihealth.cluster.ClusterShape.Service;
import com.geminihealth.schemas.ServiceAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local cluster is secured without starting it: what its nodes are told, what each
 * service's instances are given, and where the passwords are kept.
 */
class ClusterSecurityTest {

	@TempDir
	Path root;

	@Test
	void nodesTakeOnlyScramLoginsAndDenyWhatNoAclAllows() throws IOException {
		ClusterSecrets.loadOrCreate(this.root);
		LocalCluster cluster = new LocalCluster(new Layout(this.root, 0), Path.of(""), LocalCluster.Settings.NONE);
		for (int node = 0; node < ClusterShape.NODES; node++) {
			Map<String, String> settings = cluster.nodeSettings(node);
			int port = cluster.layout().clientPort(node);
			assertThat(settings)
				.containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
				.containsEntry("allow.everyone.if.no.acl.found", "false")
				.containsEntry("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port)
				.containsEntry("inter.broker.listener.name", "SASL_PLAINTEXT")
				.containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
				.containsEntry("controller.listener.names", ClusterShape.CONTROLLER_LISTENER)
				.containsEntry("super.users", "User:broker;User:" + ClusterSecrets.OPERATOR);
			assertThat(settings.get("listeners")).isEqualTo("SASL_PLAINTEXT://localhost:" + port + ","
					+ ClusterShape.CONTROLLER_LISTENER + "://localhost:" + cluster.layout().controllerPort(node));
			assertThat(settings.get("listener.security.protocol.map")).doesNotContain(":PLAINTEXT");
		}
	}

	@Test
	void everyServiceLogsInWithItsOwnAccountAndDeclaresNoTopics() throws IOException {
		BrokerSecurity security = ClusterSecrets.loadOrCreate(this.root);
		for (Service service : ClusterShape.SERVICES) {
			assertThat(ServiceAccount.named(service.name())).isPresent();
			Map<String, String> env = ClusterSecrets.serviceEnv(security, service.name());
			assertThat(env).containsEntry("PIPELINE_TOPICS_DECLARE", "false")
				.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
				.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
			assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
				.contains("username=\"" + service.name() + "\"")
				.contains("password=\"" + security.password(service.name()) + "\"");
		}
	}

	@Test
	void keepsRandomPasswordsForItsOwnerOnlyAndTheSameAcrossStarts() throws IOException {
		BrokerSecurity first = ClusterSecrets.loadOrCreate(this.root);
		Path file = ClusterSecrets.file(this.root);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(file.getParent()))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		BrokerSecurity again = ClusterSecrets.loadOrCreate(this.root);
		for (String user : first.users()) {
			assertThat(again.password(user)).isEqualTo(first.password(user)).hasSizeGreaterThanOrEqualTo(16);
		}
		assertThat(first.users()).contains(ClusterSecrets.OPERATOR, ServiceAccount.INTEGRATION.user());
		Path other = this.root.resolve("other");
		assertThat(ClusterSecrets.loadOrCreate(other).password(ClusterSecrets.OPERATOR))
			.isNotEqualTo(first.password(ClusterSecrets.OPERATOR));
	}

}
