package com.geminihealth.platform.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;

import com.geminihealth.broker.BrokerSecurity;
import com.geminihealth.broker.KraftCluster;
import com.geminihealth.platform.CatalogueProvisioning;
import com.geminihealth.platform.TopicProperties;
import com.geminihealth.platform.TopicReplay;
import com.geminihealth.schemas.CatalogueAcls;
import com.geminihealth.schemas.ServiceAccount;
import com.geminihealth.schemas.Topic;

/**
 * A one-node cluster secured as a deployment is: SCRAM sign-in for every account with
 * passwords made at random, the catalogue's topics created by the operator, and the ACLs
 * generated from the catalogue, nothing else allowed. For tests that run a service signed
 * in as its own account, and check what each account may do.
 */
public final class SecuredCatalogueCluster implements AutoCloseable {

	private static final String OPERATOR = "pipeline-admin";

	private final BrokerSecurity security = BrokerSecurity.withRandomPasswords(OPERATOR,
			Arrays.stream(ServiceAccount.values()).map(ServiceAccount::user).toList());

	private final KraftCluster cluster;

	private SecuredCatalogueCluster() {
		this.cluster = KraftCluster.start(Path.of("target", "secured-cluster", UUID.randomUUID().toString()), 1,
				Map.of(), this.security);
		try (Admin operator = Admin.create(client(OPERATOR))) {
			CatalogueProvisioning.createTopics(operator, new TopicProperties(3, (short) 1, Map.of(), false));
		}
		this.cluster.applyAcls(CatalogueAcls.all());
	}

	/** Starts the cluster and provisions it, as the operator does before any service. */
	public static SecuredCatalogueCluster start() {
		return new SecuredCatalogueCluster();
	}

	public String bootstrapServers() {
		return this.cluster.bootstrapServers();
	}

	/** The client settings of {@code account}, bootstrap servers included. */
	public Map<String, Object> client(ServiceAccount account) {
		return client(account.user());
	}

	private Map<String, Object> client(String user) {
		Map<String, Object> config = new HashMap<>(this.security.clientSettings(user));
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers());
		return config;
	}

	/**
	 * The Spring Boot properties a service of {@code account} runs with here: what a
	 * deployment sets as {@code SPRING_KAFKA_*} variables, and no topic declaration.
	 */
	public Map<String, String> springProperties(ServiceAccount account) {
		Map<String, Object> own = this.security.clientSettings(account.user());
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", this.cluster.bootstrapServers());
		properties.put("spring.kafka.security.protocol",
				(String) own.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
		properties.put("spring.kafka.properties.sasl.mechanism", (String) own.get(SaslConfigs.SASL_MECHANISM));
		properties.put("spring.kafka.properties.sasl.jaas.config", own.get(SaslConfigs.SASL_JAAS_CONFIG).toString());
		properties.put("pipeline.topics.declare", "false");
		return properties;
	}

	/** {@link #springProperties} as command-line arguments. */
	public List<String> springArguments(ServiceAccount account) {
		List<String> arguments = new ArrayList<>();
		springProperties(account).forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return arguments;
	}

	/** Every committed value now on {@code topic}, as {@code account} reads it. */
	public <K, V> List<V> values(ServiceAccount account, Topic<K, V> topic) {
		List<V> values = new ArrayList<>();
		TopicReplay.replay(client(account), topic, (record) -> values.add(record.value()));
		return values;
	}

	@Override
	public void close() {
		this.cluster.close();
	}

}
