package com.geminihealth.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.reminder.FollowUpDue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two dashboard instances on the module's shared broker: a mark made on one shows on the
 * other while both run, and on an instance started after it.
 */
class FrontDeskMarksIntegrationTest {

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void showsTheSameFollowUpOutcomesOnTwoInstancesAndAfterAStart() throws Exception {
		ConfigurableApplicationContext first = start();
		String name = "Uma" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
		Appointment visit = Appointments.of(name + " Lind", "+12895550120", Instant.now().minusSeconds(30 * 86_400),
				null);
		first.getBean(EventPublisher.class)
			.publish(Topics.DUE_NOTICES, visit.appointmentId(),
					new FollowUpDue(visit, false, Instant.now().minusSeconds(60), Instant.now()));
		MockMvc one = mvc(first);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(row(one, name)).contains("To call"));

		one.perform(post("/follow-ups/" + visit.appointmentId().value()).param("outcome", "CALLED")
			.with(csrf())
			.with(user("reception").roles("FRONT_DESK"))).andExpect(status().isFound());

		MockMvc two = mvc(start());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(row(two, name)).contains(">Called<"));

		two.perform(post("/follow-ups/" + visit.appointmentId().value()).param("outcome", "BOOKED")
			.with(csrf())
			.with(user("locum").roles("FRONT_DESK"))).andExpect(status().isFound());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(row(one, name)).contains(">Booked<"));
	}

	private ConfigurableApplicationContext start() {
		ConfigurableApplicationContext instance = DashboardApplication.builder()
			.run("--server.port=0", "--management.server.port=0",
					"--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
					"--logging.structured.format.console=", "--spring.main.banner-mode=off",
					"--dashboard.intake-url=http://localhost:9", "--dashboard.security.users[0].username=reception",
					"--dashboard.security.users[0].password={noop}test-reception-password");
		this.instances.add(instance);
		return instance;
	}

	private static MockMvc mvc(ConfigurableApplicationContext instance) {
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) instance).apply(springSecurity()).build();
	}

	/** The follow-up list's row of the patient named {@code name}. */
	private static String row(MockMvc mvc, String name) throws Exception {
		String page = mvc.perform(get("/follow-ups").with(user("reception").roles("FRONT_DESK")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int at = page.indexOf(name);
		assertThat(at).as("the follow-up's row").isNotNegative();
		String row = page.substring(at);
		return row.substring(0, row.indexOf("</tr>"));
	}

}
