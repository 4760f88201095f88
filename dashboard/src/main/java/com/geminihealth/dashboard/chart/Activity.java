package com.geminihealth.dashboard.chart;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.dashboard.stream.ReadModel;

/** Bookings confirmed and messages sent, counted per hour of the clinic's day. */
@Component
public class Activity implements ReadModel {

	private final DashboardProperties properties;

	private final Map<LocalDate, int[]> bookings = new HashMap<>();

	private final Map<LocalDate, int[]> messages = new HashMap<>();

	public Activity(DashboardProperties properties) {
		this.properties = properties;
	}

	@Override
	public synchronized void apply(PipelineEvent event) {
		Map<LocalDate, int[]> series = (event.value() instanceof AppointmentConfirmed) ? this.bookings
				: (event.value() instanceof NotificationSent) ? this.messages : null;
		if (series != null) {
			LocalDateTime local = LocalDateTime.ofInstant(event.time(), this.properties.zone());
			series.computeIfAbsent(local.toLocalDate(), (day) -> new int[24])[local.getHour()]++;
		}
	}

	public synchronized int[] bookings(LocalDate day) {
		return this.bookings.getOrDefault(day, new int[24]).clone();
	}

	public synchronized int[] messages(LocalDate day) {
		return this.messages.getOrDefault(day, new int[24]).clone();
	}

}
