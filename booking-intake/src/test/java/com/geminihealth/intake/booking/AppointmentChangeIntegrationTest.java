package com.geminihealth.intake.booking;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.RescheduleAppointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntakeIntegrationTest
class AppointmentChangeIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Test
	void publishesACancellationOnTheBookingStream() throws Exception {
		UUID appointment = UUID.randomUUID();

		this.mvc
			.perform(post("/api/appointments/{id}/cancel", appointment).with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"location\": \"burlington\", \"reason\": \"feeling better\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.commandId").isNotEmpty());

		assertThat(this.kafka.values(Topics.BOOKING_COMMANDS))
			.anySatisfy((command) -> assertThat(command).isInstanceOfSatisfying(CancelAppointment.class,
					(cancel) -> assertThat(cancel.appointmentId()).isEqualTo(new AppointmentId(appointment))));
	}

	@Test
	void publishesARescheduleOnTheBookingStream() throws Exception {
		UUID appointment = UUID.randomUUID();

		this.mvc
			.perform(post("/api/appointments/{id}/reschedule", appointment).with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"location\": \"oakville\", \"newStart\": \"%s\", \"practitioner\": \"arjun-patel\"}"
					.formatted(NextWeek.TEN_AM)))
			.andExpect(status().isAccepted());

		assertThat(this.kafka.values(Topics.BOOKING_COMMANDS)).anySatisfy(
				(command) -> assertThat(command).isInstanceOfSatisfying(RescheduleAppointment.class, (reschedule) -> {
					assertThat(reschedule.appointmentId()).isEqualTo(new AppointmentId(appointment));
					assertThat(reschedule.practitioner().value()).isEqualTo("arjun-patel");
				}));
	}

	@Test
	void rejectsARescheduleIntoThePastAtAnUnknownLocation() throws Exception {
		this.mvc
			.perform(post("/api/appointments/{id}/reschedule", UUID.randomUUID()).with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"location\": \"atlantis\", \"newStart\": \"2020-01-01T09:00\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("location"));
	}

	@Test
	void rejectsAnAppointmentIdThatIsNotAnId() throws Exception {
		this.mvc
			.perform(post("/api/appointments/{id}/cancel", "42").with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"location\": \"burlington\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("appointmentId"));
	}

}
