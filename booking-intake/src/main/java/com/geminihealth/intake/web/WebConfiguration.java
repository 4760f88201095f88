package com.geminihealth.intake.web;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * The intake is public: anyone may read its pages and submit. Forms carry CSRF tokens;
 * the JSON API, signed integrations and provider webhooks are not cookie-authenticated,
 * so CSRF does not apply to them. Nothing keeps a session: the CSRF token's other half is
 * a cookie, so a visitor, or a bot, reading a page costs no memory on the server.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	SecurityFilterChain publicIntake(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(cookieTokens())
				.ignoringRequestMatchers("/api/**", "/integrations/**", "/twilio/**"))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.headers(Customizer.withDefaults())
			.build();
	}

	private static CookieCsrfTokenRepository cookieTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return tokens;
	}

	/**
	 * Requests are measured once, as {@code http.server.requests}; observing every
	 * security filter as well cost about a sixth of the intake's CPU per booking (see the
	 * benchmark).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The API reads and writes JSON only. The XML and YAML libraries on the class path
	 * (Twilio's and the schema validator's) would otherwise have Spring read bookings
	 * posted as XML or YAML too, outside the contract.
	 */
	@Bean
	ServerHttpMessageConvertersCustomizer jsonOnly() {
		return (converters) -> converters
			.configureMessageConvertersList((list) -> list.removeIf(WebConfiguration::readsXmlOrYaml));
	}

	private static boolean readsXmlOrYaml(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes()
			.stream()
			.anyMatch((type) -> type.getSubtype().endsWith("xml") || type.getSubtype().endsWith("yaml"));
	}

	/**
	 * JSON values keep their type: {@code "patientName": true} is refused, not read as
	 * the name "true", and {@code "smsConsent": "yes"} is not a boolean.
	 */
	@Bean
	JsonMapperBuilderCustomizer noScalarCoercion() {
		return (builder) -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
	}

	/** No accounts here; this keeps Boot from generating a default user. */
	@Bean
	UserDetailsService noUsers() {
		return new InMemoryUserDetailsManager();
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
