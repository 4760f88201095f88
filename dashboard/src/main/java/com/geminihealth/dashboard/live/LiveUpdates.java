package com.geminihealth.dashboard.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.geminihealth.dashboard.stream.PipelineEvent;

/**
 * Open pages, each subscribed over Server-Sent Events to the events it shows. An event is
 * pushed as soon as the read models have taken it in, so a page never shows something its
 * next reload would not.
 */
@Component
public class LiveUpdates {

	private static final Logger logger = LoggerFactory.getLogger(LiveUpdates.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	LiveUpdates(MeterRegistry meters) {
		Gauge.builder("dashboard.live.pages", this.subscribers, List::size)
			.description("Pages open with live updates")
			.register(meters);
	}

	/**
	 * A page's subscription: events passing {@code filter} are sent as SSE events named
	 * {@code name} with the data {@code render} gives.
	 */
	public SseEmitter subscribe(String name, Predicate<PipelineEvent> filter, Function<PipelineEvent, String> render) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Subscriber subscriber = new Subscriber(emitter, name, filter, render);
		this.subscribers.add(subscriber);
		emitter.onCompletion(() -> this.subscribers.remove(subscriber));
		emitter.onTimeout(() -> this.subscribers.remove(subscriber));
		emitter.onError((ex) -> this.subscribers.remove(subscriber));
		try {
			emitter.send(SseEmitter.event().comment("connected"));
		}
		catch (IOException ex) {
			this.subscribers.remove(subscriber);
		}
		return emitter;
	}

	public int subscribers() {
		return this.subscribers.size();
	}

	public void publish(PipelineEvent event) {
		for (Subscriber subscriber : this.subscribers) {
			if (subscriber.filter().test(event)) {
				try {
					String data = subscriber.render().apply(event);
					subscriber.emitter().send(SseEmitter.event().name(subscriber.name()).data(data.replace("\n", " ")));
				}
				catch (IOException | RuntimeException ex) {
					logger.debug("A page went away: {}", ex.getClass().getSimpleName());
					drop(subscriber);
				}
			}
		}
	}

	/** Keeps proxies from closing quiet connections, and finds pages that went away. */
	@Scheduled(fixedDelay = 15_000)
	void heartbeat() {
		for (Subscriber subscriber : this.subscribers) {
			try {
				subscriber.emitter().send(SseEmitter.event().comment("still here"));
			}
			catch (IOException | RuntimeException ex) {
				drop(subscriber);
			}
		}
	}

	private void drop(Subscriber subscriber) {
		this.subscribers.remove(subscriber);
		try {
			subscriber.emitter().complete();
		}
		catch (RuntimeException ex) {
			// already closed
		}
	}

	private record Subscriber(SseEmitter emitter, String name, Predicate<PipelineEvent> filter,
			Function<PipelineEvent, String> render) {
	}

}
