package com.geminihealth.schemas;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.plan.TreatmentPlan;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs print events with toString(); no contact detail or free text may reach them. */
class PersonalDataTest {

	private static final List<String> PERSONAL_DATA = personalData();

	@Test
	void aPatientPrintsNoEmailAddressOrPhoneNumber() {
		String printed = Examples.ENGLISH_PATIENT.toString();

		assertThat(printed).contains("Olivia")
			.doesNotContain(Examples.ENGLISH_PATIENT.email(), Examples.ENGLISH_PATIENT.mobilePhone(), "Martin");
	}

	@Test
	void aBookingPrintsNoContactDetailNotesOrMemberNumber() {
		BookAppointment booking = Examples.of(BookAppointment.class);

		assertThat(booking.toString()).contains(booking.requestId().value())
			.doesNotContain(booking.patient().email(), booking.patient().mobilePhone(), booking.notes(),
					booking.directBilling().memberNumber(), booking.directBilling().insurer());
		assertThat(booking.directBilling().toString()).doesNotContain(booking.directBilling().memberNumber());
	}

	/**
	 * A screening answer is health data: a log line of the command or of an appointment
	 * event must not say whether the patient has a red flag.
	 */
	@Test
	void aScreeningFlagNeverPrints() {
		BookAppointment booking = Examples.of(BookAppointment.class);
		AppointmentConfirmed confirmed = Examples.of(AppointmentConfirmed.class);

		assertThat(booking.screening().redFlags()).isTrue();
		assertThat(confirmed.appointment().screening().redFlags()).isTrue();
		BookAppointment unscreened = new BookAppointment(booking.requestId(), booking.location(), booking.service(),
				booking.practitioner(), booking.requestedStart(), booking.patient(), booking.notes(),
				booking.directBilling(), booking.channel(), booking.requestedOffset());
		assertThat(booking.toString()).isEqualTo(unscreened.toString());
		assertThat(confirmed.appointment().toString()).isEqualTo(Examples.APPOINTMENT.toString());
		assertThat(booking.screening().toString()).isEqualTo("Screening[redacted]");
	}

	@Test
	void noExamplePrintsPersonalData() {
		Examples.all()
			.forEach((type, example) -> assertThat(example.toString()).as(type.getSimpleName())
				.doesNotContain(PERSONAL_DATA));
	}

	private static List<String> personalData() {
		Patient english = Examples.ENGLISH_PATIENT;
		Patient french = Examples.FRENCH_PATIENT;
		ContactInquiryReceived inquiry = Examples.of(ContactInquiryReceived.class);
		BookAppointment booking = Examples.of(BookAppointment.class);
		return List.of(english.email(), english.mobilePhone(), french.email(), french.mobilePhone(), inquiry.email(),
				inquiry.phone(), inquiry.message(), booking.notes(), booking.directBilling().memberNumber(),
				Examples.of(FreeTextReply.class).body(), Examples.APPOINTMENT.notes(),
				Examples.of(MarkCompleted.class).homeCareNotes(), Examples.of(TreatmentPlan.class).terms().focus(),
				Examples.of(TreatmentPlan.class).terms().homeCareAdvice(), Examples.FEEDBACK_COMMENT);
	}

}
