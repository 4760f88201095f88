package com.geminihealth.schemas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of a secured cluster, generated from {@link ServiceAccount}: only allows, so a
 * principal may do exactly what its entry says and nothing else (the brokers run with
 * {@code allow.everyone.if.no.acl.found=false}).
 * <ul>
 * <li>a topic it writes: WRITE (which implies DESCRIBE; an idempotent producer needs no
 * more since Kafka 3.0);</li>
 * <li>a topic it reads: READ (implies DESCRIBE, enough to list offsets and
 * partitions);</li>
 * <li>its consumer groups: READ, in full or by prefix;</li>
 * <li>its Kafka Streams application: READ on the group named after it, everything on the
 * topics prefixed {@code <id>-} (the internal changelog and repartition topics it
 * creates, purges and reads);</li>
 * <li>its transactional ids (a Kafka Streams application's {@code <id>-} for
 * exactly_once_v2, notifications' claims): WRITE on their prefix.</li>
 * </ul>
 */
public final class CatalogueAcls {

	private static final String ANY_HOST = "*";

	/**
	 * What a Kafka Streams application does to its own changelog and repartition topics:
	 * creates them, checks their settings, writes and reads them, and purges what it has
	 * processed. Not {@code ALTER} or {@code ALTER_CONFIGS}.
	 */
	private static final List<AclOperation> STREAMS_INTERNAL_TOPICS = List.of(AclOperation.CREATE,
			AclOperation.DESCRIBE_CONFIGS, AclOperation.WRITE, AclOperation.READ, AclOperation.DELETE);

	private CatalogueAcls() {
	}

	/** The ACLs of every account. */
	public static List<AclBinding> all() {
		return of(Arrays.asList(ServiceAccount.values()));
	}

	/** The ACLs of the accounts given. */
	public static List<AclBinding> of(Collection<ServiceAccount> accounts) {
		Set<AclBinding> bindings = new LinkedHashSet<>();
		for (ServiceAccount account : accounts) {
			String principal = account.principal();
			for (Topic<?, ?> topic : account.writes()) {
				bindings
					.add(allow(principal, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.WRITE));
			}
			for (Topic<?, ?> topic : account.reads()) {
				bindings
					.add(allow(principal, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.READ));
			}
			for (String group : account.groups()) {
				bindings.add(allow(principal, ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ));
			}
			for (String prefix : account.groupPrefixes()) {
				bindings.add(allow(principal, ResourceType.GROUP, prefix, PatternType.PREFIXED, AclOperation.READ));
			}
			account.streamsApplicationId().ifPresent((id) -> {
				bindings.add(allow(principal, ResourceType.GROUP, id, PatternType.LITERAL, AclOperation.READ));
				for (AclOperation operation : STREAMS_INTERNAL_TOPICS) {
					bindings.add(allow(principal, ResourceType.TOPIC, id + "-", PatternType.PREFIXED, operation));
				}
			});
			account.transactionalIdPrefix()
				.ifPresent((prefix) -> bindings.add(allow(principal, ResourceType.TRANSACTIONAL_ID, prefix,
						PatternType.PREFIXED, AclOperation.WRITE)));
		}
		return new ArrayList<>(bindings);
	}

	private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
			AclOperation operation) {
		return new AclBinding(new ResourcePattern(type, name, pattern),
				new AccessControlEntry(principal, ANY_HOST, operation, AclPermissionType.ALLOW));
	}

}
