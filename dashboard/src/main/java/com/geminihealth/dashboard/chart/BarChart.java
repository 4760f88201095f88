package com.geminihealth.dashboard.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * An hourly bar chart laid out for inline SVG: no script, readable by screen readers
 * through its table twin.
 */
public record BarChart(String title, int max, int total, List<Bar> bars) {

	static final int WIDTH = 600;

	static final int HEIGHT = 160;

	static final int BASELINE = 140;

	static BarChart of(String title, int[] perHour) {
		int max = 1;
		int total = 0;
		for (int count : perHour) {
			max = Math.max(max, count);
			total += count;
		}
		List<Bar> bars = new ArrayList<>();
		double slot = WIDTH / 24.0;
		for (int hour = 0; hour < 24; hour++) {
			double height = (BASELINE - 10) * perHour[hour] / (double) max;
			bars.add(new Bar(hour, perHour[hour], hour * slot + 2, BASELINE - height, slot - 4, height));
		}
		return new BarChart(title, max, total, bars);
	}

	/** One hour's bar. */
	public record Bar(int hour, int count, double x, double y, double width, double height) {

		public String label() {
			return String.format("%02d", this.hour);
		}

	}

}
