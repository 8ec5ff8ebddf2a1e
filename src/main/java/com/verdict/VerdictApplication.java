package com.verdict;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@Theme("verdict")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class VerdictApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(VerdictApplication.class, args);
    }

    /** The tab's icon (the brand's scale): without one, browsers asked for /favicon.ico on every page and got 404. */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "images/favicon.svg", "any");
    }
}
