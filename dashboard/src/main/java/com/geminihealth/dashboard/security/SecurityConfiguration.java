package com.geminihealth.dashboard.security;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything on the public port behind a sign-in, except bare liveness and readiness: the
 * front desk signs in with a form or HTTP basic. Metrics and health details answer only
 * on the management port, which a deployment does not publish.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String FRONT_DESK = "FRONT_DESK";

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
			.anyRequest()
			.hasRole(FRONT_DESK))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/feed"))
			.httpBasic(Customizer.withDefaults())
			.logout((logout) -> logout.logoutSuccessUrl("/login?signed-out"));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(SecurityProperties properties) {
		return new InMemoryUserDetailsManager(properties.users()
			.stream()
			.map((user) -> User.withUsername(user.username())
				.password(user.password())
				.roles(user.roles().toArray(String[]::new))
				.build())
			.toList());
	}

}
