package com.verdict.scoring;

import com.verdict.catalog.CatalogService;
import com.verdict.catalog.InteractionStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the catalog's status of an interaction (open, settled, contested) in step with its consensus. */
@Component
class CatalogStatusSync {

    private final CatalogService catalog;

    CatalogStatusSync(CatalogService catalog) {
        this.catalog = catalog;
    }

    @EventListener
    void on(InteractionStateChanged changed) {
        catalog.updateStatus(changed.interactionId(), InteractionStatus.valueOf(changed.state().name()));
    }
}
