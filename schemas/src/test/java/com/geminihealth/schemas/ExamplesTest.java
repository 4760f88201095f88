package com.geminihealth.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExamplesTest {

	@Test
	void everyEventTypeOfTheCatalogueHasAnExample() {
		ContractFiles.eventTypes()
			.forEach((type) -> assertThat(Examples.of(type.javaType())).as(type.ceType()).isNotNull());
	}

	@Test
	void everyExampleIsOfAnEventTypeOfTheCatalogue() {
		assertThat(Examples.all().keySet())
			.containsExactlyInAnyOrderElementsOf(ContractFiles.eventTypes().map(EventType::javaType).toList());
		Examples.all().forEach((type, example) -> assertThat(example).isExactlyInstanceOf(type));
	}

}
