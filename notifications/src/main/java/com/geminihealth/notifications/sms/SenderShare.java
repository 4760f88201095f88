package com.geminihealth.notifications.sms;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import com.geminihealth.schemas.Topics;

/**
 * This instance's share of the sender's rate, so that the rate holds for the whole
 * service however many instances run: the partitions of the texting listeners it owns,
 * out of all of them. Read from the live assignment, so it changes as soon as a rebalance
 * does; never below one partition's share, for the retries an instance may send while
 * owning none.
 */
@Component
class SenderShare implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SenderShare.class);

	private static final List<String> TEXTING_LISTENERS = List.of(SmsListener.DECISIONS, SmsListener.DUE_NOTICES,
			SmsListener.WAITLIST);

	private final KafkaListenerEndpointRegistry containers;

	private final KafkaAdmin admin;

	private final ScheduledExecutorService recomputer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "sender-share");
		thread.setDaemon(true);
		return thread;
	});

	private volatile int partitions;

	private volatile double fraction = 1;

	SenderShare(KafkaListenerEndpointRegistry containers, KafkaAdmin admin) {
		this.containers = containers;
		this.admin = admin;
		this.recomputer.scheduleWithFixedDelay(this::recompute, 1, 5, TimeUnit.SECONDS);
	}

	/** The share as last computed; the whole rate until then. */
	double fraction() {
		return this.fraction;
	}

	/**
	 * Recomputes the share every few seconds, off the sending threads: asking the admin
	 * client and the containers must never delay a text, and a rebalance takes longer
	 * than that to settle anyway.
	 */
	private void recompute() {
		try {
			this.fraction = compute();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not compute the sender's share: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.recomputer.shutdownNow();
	}

	private double compute() {
		int all = partitions();
		if (all == 0) {
			return 1;
		}
		int owned = 0;
		for (String listener : TEXTING_LISTENERS) {
			MessageListenerContainer container = this.containers.getListenerContainer(listener);
			Collection<TopicPartition> assigned = (container != null) ? container.getAssignedPartitions() : null;
			owned += (assigned != null) ? assigned.size() : 0;
		}
		return (double) Math.min(Math.max(owned, 1), all) / all;
	}

	private int partitions() {
		if (this.partitions == 0) {
			try {
				this.partitions = this.admin
					.describeTopics(Topics.APPOINTMENTS.name(), Topics.DUE_NOTICES.name(), Topics.WAITLIST.name())
					.values()
					.stream()
					.mapToInt((topic) -> topic.partitions().size())
					.sum();
			}
			catch (RuntimeException ex) {
				// Unknown for now: the whole rate, as before shares existed; asked again
				// next time.
				logger.warn("Could not count the texting partitions: {}", ex.getMessage());
			}
		}
		return this.partitions;
	}

}
