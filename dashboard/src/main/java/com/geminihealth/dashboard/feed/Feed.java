package com.geminihealth.dashboard.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.stream.ErasedPatient;
import com.geminihealth.dashboard.stream.EventDecoder;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.privacy.ErasureRequested;

/** The most recent events of every stream, newest first. */
@Component
public class Feed implements ReadModel {

	private final DashboardProperties properties;

	private final Deque<PipelineEvent> events = new ArrayDeque<>();

	private final CatalogueNames names;

	public Feed(DashboardProperties properties, CatalogueNames names) {
		this.properties = properties;
		this.names = names;
	}

	@Override
	public synchronized void apply(PipelineEvent event) {
		if (event.value() instanceof ErasureRequested erasure) {
			ErasedPatient erased = ErasedPatient.of(erasure);
			forget(erased);
			// An erasure is applied again after a late record about the patient: listed
			// once.
			if (this.events.stream().anyMatch((listed) -> listed.id().equals(event.id()))) {
				return;
			}
		}
		this.events.addFirst(event);
		while (this.events.size() > this.properties.feedSize()) {
			this.events.removeLast();
		}
	}

	/**
	 * Keeps the erased patient's events in the feed (that they happened is no personal
	 * data) without their first name or the event they came in.
	 */
	private void forget(ErasedPatient erased) {
		List<PipelineEvent> kept = new ArrayList<>(this.events.size());
		for (PipelineEvent event : this.events) {
			kept.add((erased.mentionedIn(event.value()) || erased.mentionedIn(rawValue(event)))
					? new PipelineEvent(event.id(), event.topic(), event.type(), event.time(), event.location(), null,
							event.practitioner(), event.facts(), null, null)
					: event);
		}
		this.events.clear();
		this.events.addAll(kept);
	}

	private static byte[] rawValue(PipelineEvent event) {
		return (event.raw() != null) ? event.raw().value() : null;
	}

	/** The newest events first, of one type and location when given. */
	public synchronized List<FeedRow> rows(String type, String location, int limit) {
		List<FeedRow> rows = new ArrayList<>();
		for (PipelineEvent event : this.events) {
			if (rows.size() >= limit) {
				break;
			}
			if (matches(event, type, location)) {
				rows.add(row(event));
			}
		}
		return rows;
	}

	FeedRow row(PipelineEvent event) {
		return FeedRow.of(event, this.properties, this.names);
	}

	static boolean matches(PipelineEvent event, String type, String location) {
		return (!StringUtils.hasText(type) || type.equals(event.type()))
				&& (!StringUtils.hasText(location) || location.equals(event.location()));
	}

	/** Every event type the catalogue carries, and dead letters. */
	public static SortedSet<String> types() {
		SortedSet<String> types = new TreeSet<>();
		Topics.ALL.forEach((topic) -> topic.eventTypes().forEach((eventType) -> types.add(eventType.name())));
		Topics.ALL.stream()
			.filter((topic) -> topic.eventTypes().isEmpty() && !EventDecoder.isDeadLetterTopic(topic.name()))
			.forEach((topic) -> types.add(topic.name()));
		types.add(PipelineEvent.DEAD_LETTER);
		types.add(PipelineEvent.TOMBSTONE);
		return types;
	}

}
