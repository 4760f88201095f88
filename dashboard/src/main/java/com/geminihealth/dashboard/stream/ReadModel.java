package com.geminihealth.dashboard.stream;

/**
 * A view's state, built by applying every event of the pipeline in the order it arrives;
 * rebuilt from the start of every topic when the dashboard starts.
 */
public interface ReadModel {

	void apply(PipelineEvent event);

}
