package com.geminihealth.intake.web;

/**
 * One invalid field of a request.
 *
 * @param field the field's name as the client sent it
 * @param message what is wrong, for a person
 */
public record FieldProblem(String field, String message) {
}
