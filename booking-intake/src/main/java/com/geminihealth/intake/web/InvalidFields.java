package com.geminihealth.intake.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Field-level problems found outside Bean Validation; answered as 422 problem details,
 * the same shape as every other validation failure.
 */
public class InvalidFields extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidFields(List<FieldProblem> problems) {
		super(problems.size() + " invalid field(s)");
		this.problems = List.copyOf(problems);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Contract problems read as {@code $.path.to.field: message}. */
	public static InvalidFields fromContract(List<String> problems) {
		return new InvalidFields(problems.stream().map(InvalidFields::toFieldProblem).toList());
	}

	private static FieldProblem toFieldProblem(String problem) {
		int colon = problem.indexOf(": ");
		if (colon < 0) {
			return new FieldProblem("body", problem);
		}
		String path = problem.substring(0, colon);
		return new FieldProblem(path.startsWith("$.") ? path.substring(2) : path, problem.substring(colon + 2));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** Collects problems, then throws them all at once. */
	public static final class Builder {

		private final List<FieldProblem> problems = new ArrayList<>();

		public Builder add(String field, String message) {
			this.problems.add(new FieldProblem(field, message));
			return this;
		}

		public void throwIfAny() {
			if (!this.problems.isEmpty()) {
				throw new InvalidFields(this.problems);
			}
		}

	}

}
