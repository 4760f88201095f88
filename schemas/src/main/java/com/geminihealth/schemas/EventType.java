package com.geminihealth.schemas;

/**
 * One versioned event or command type of the contract. Its CloudEvents {@code ce_type} is
 * {@code com.geminihealth.<family>.<Name>.v<version>}, and its JSON Schema ships at
 * {@link #schemaResource()}.
 */
public record EventType<T>(String family, Class<T> javaType, int version) {

	public static final String PREFIX = "com.geminihealth.";

	public String name() {
		return this.javaType.getSimpleName();
	}

	public String ceType() {
		return PREFIX + this.family + "." + name() + ".v" + this.version;
	}

	public String schemaResource() {
		return "contract/schemas/" + this.family + "/" + name() + ".v" + this.version + ".schema.json";
	}

	public String exampleResource() {
		return "contract/examples/" + this.family + "/" + name() + ".v" + this.version + ".json";
	}

}
