package io.scalegate;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ScaleGate: a stage-gate approval engine carrying products from prototype to mass
 * production.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PWA(name = "ScaleGate", shortName = "ScaleGate")
public class ScaleGateApplication implements AppShellConfigurator {

	public static void main(String[] args) {
		SpringApplication.run(ScaleGateApplication.class, args);
	}

}
