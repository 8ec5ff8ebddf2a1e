package com.verdict.catalog;

import com.verdict.base.VerdictProperties;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** In demo mode, an empty catalog gets the demo interactions, so the game is playable at once. */
@Component
@Order(2)
class DemoInteractions implements ApplicationRunner {

    static final String RESOURCE = "demo/interactions.jsonl";
    private static final Logger log = LoggerFactory.getLogger(DemoInteractions.class);

    private final CatalogService catalog;
    private final VerdictProperties properties;

    DemoInteractions(CatalogService catalog, VerdictProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demo().enabled() || catalog.interactionCount() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            ImportResult result = catalog.importJsonl(in, ImportMode.ALL_OR_NOTHING);
            log.info("Imported {} demo interactions", result.imported());
        }
    }
}
