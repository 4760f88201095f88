package com.geminihealth.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.geminihealth.intake.IntakeApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A patient on their phone, in a real headless Chromium against the whole pipeline: books
 * on the public page, opens the link in the confirmation email, moves the appointment to
 * another day, and finds the old link dead and the new one showing the new time.
 */
class PatientManageBrowserIntegrationTest {

	private static final Pattern MANAGE_LINK = Pattern.compile("http://localhost:\\d+/m/[A-Za-z0-9_-]{44}");

	private final Path dataDir = Path.of("target", "patient-" + UUID.randomUUID());

	private LocalPipeline pipeline;

	private WebDriver phone;

	@BeforeEach
	void start() throws Exception {
		this.phone = Chromium.start(390, 844, "en-CA");
		this.pipeline = LocalPipeline.start(this.dataDir, 0, LocalPipeline.PortPlan.ANY_FREE);
	}

	@AfterEach
	void stop() {
		if (this.phone != null) {
			this.phone.quit();
		}
		if (this.pipeline != null) {
			this.pipeline.close();
		}
	}

	@Test
	void patientMovesTheirAppointmentByTheLinkInTheirEmail() throws Exception {
		String intake = this.pipeline.url(IntakeApplication.class);
		String name = "Nadia" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 4);
		Chromium.Slot booked = Chromium.firstOpenSlot(intake, 3);
		this.phone.get(intake + "/book?location=burlington&service=rmt-swedish-60&practitioner=" + booked.practitioner()
				+ "&date=" + booked.date());
		this.phone.findElement(By.cssSelector("#open-times a")).click();
		this.phone.findElement(By.id("patientName")).sendKeys(name + " Phone");
		this.phone.findElement(By.id("email")).sendKeys("nadia@example.com");
		Chromium.answerScreeningNo(this.phone);
		this.phone.findElement(By.cssSelector("form[method=post] button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> "CONFIRMED".equals(this.phone.findElement(By.id("answer")).getAttribute("data-status")));

		String link = await().atMost(Duration.ofSeconds(30))
			.until(() -> manageLinks(name), (links) -> !links.isEmpty())
			.get(0);
		this.phone.get(link);
		assertThat(this.phone.findElement(By.tagName("h1")).getText()).isEqualTo("Your appointment");
		assertThat(this.phone.findElement(By.tagName("main")).getText()).contains("Swedish massage, 60 min",
				"Gemini Health Burlington");
		assertThat(horizontalScroll()).as("fits a phone's width").isFalse();
		Chromium.screenshot(this.phone, "patient-1-manage");

		Chromium.Slot later = Chromium.firstOpenSlot(intake, 10);
		this.phone.get(link + "?date=" + later.date());
		this.phone.findElement(By.cssSelector("button.slot")).click();
		assertThat(this.phone.findElement(By.id("moving")).getText()).contains("We are moving your appointment");
		Chromium.screenshot(this.phone, "patient-2-moving");

		String newLink = await().atMost(Duration.ofSeconds(30))
			.until(() -> manageLinks(name), (links) -> links.stream().anyMatch((other) -> !other.equals(link)))
			.stream()
			.filter((other) -> !other.equals(link))
			.findFirst()
			.orElseThrow();
		this.phone.get(link);
		assertThat(this.phone.findElement(By.tagName("h1")).getText())
			.isEqualTo("This link no longer opens an appointment");
		this.phone.get(newLink);
		assertThat(this.phone.findElement(By.id("when")).getText()).contains(later.date().getDayOfMonth() + ",");
		Chromium.screenshot(this.phone, "patient-3-moved");
	}

	private boolean horizontalScroll() {
		return (Boolean) ((org.openqa.selenium.JavascriptExecutor) this.phone)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
	}

	/** The manage links in the emails to this patient, oldest first. */
	private List<String> manageLinks(String name) throws IOException {
		Path outbox = this.dataDir.resolve("outbox");
		if (!Files.isDirectory(outbox)) {
			return List.of();
		}
		try (Stream<Path> emails = Files.list(outbox)) {
			return emails.sorted()
				.map(PatientManageBrowserIntegrationTest::read)
				// Quoted-printable: soft line breaks and encoded '=' undone.
				.map((email) -> email.replace("=\r\n", "").replace("=\n", "").replace("=3D", "="))
				.filter((email) -> email.contains(name))
				.flatMap((email) -> MANAGE_LINK.matcher(email).results().map((match) -> match.group()).limit(1))
				.toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
