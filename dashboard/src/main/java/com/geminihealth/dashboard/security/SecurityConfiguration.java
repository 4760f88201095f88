package com.geminihealth.dashboard.security;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Everything on the public port behind a sign-in, except bare liveness and readiness: the
 * front desk signs in with a form or HTTP basic, both throttled
 * ({@link ThrottledSignIn}). Metrics and health details answer only on the management
 * port, which a deployment does not publish. Erasing a patient is for the operations role
 * alone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String FRONT_DESK = Roles.FRONT_DESK;

	@Bean
	SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			// SSE responses complete on an async dispatch of a request already authorized
			.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
			.permitAll()
			.requestMatchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class))
			.permitAll()
			// matches on the management port only: PlatformAutoConfiguration refuses to
			// serve operations endpoints on this one
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.permitAll()
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/erasure", "/erasure/**")
			.hasRole(Roles.OPERATIONS)
			.anyRequest()
			.hasRole(FRONT_DESK))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/feed").failureHandler(failedSignIn()))
			.httpBasic(Customizer.withDefaults())
			.logout((logout) -> logout.logoutSuccessUrl("/login?signed-out"));
		return http.build();
	}

	/** Back to the sign-in page, saying to wait when the throttle refused. */
	private static AuthenticationFailureHandler failedSignIn() {
		ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
		handler.setDefaultFailureUrl("/login?error");
		handler.setExceptionMappings(Map.of(TooManyFailedSignIns.class.getName(), "/login?wait"));
		return handler;
	}

	@Bean
	AuthenticationProvider signIn(SecurityProperties properties, MeterRegistry meters) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users(properties));
		// {bcrypt}, {noop} and the others, as each password names its encoding
		passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		return new ThrottledSignIn(passwords, new SignInThrottle(properties.throttle(), Clock.systemUTC()), meters);
	}

	private static UserDetailsService users(SecurityProperties properties) {
		return new InMemoryUserDetailsManager(properties.users()
			.stream()
			.map((user) -> User.withUsername(user.username())
				.password(user.password())
				.roles(user.roles().toArray(String[]::new))
				.build())
			.toList());
	}

}
