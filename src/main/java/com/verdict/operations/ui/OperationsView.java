package com.verdict.operations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.verdict.base.ApiException;
import com.verdict.base.AuditLog;
import com.verdict.base.ui.Times;
import com.verdict.operations.BackupService;
import com.verdict.operations.H2Housekeeping;
import jakarta.annotation.security.RolesAllowed;

/** Backups and the audit log, for admins. */
@Route("admin/operations")
@PageTitle("Operations · Verdict")
@Menu(order = 92, icon = "vaadin:database", title = "Operations")
@RolesAllowed("ADMIN")
public class OperationsView extends Div {

    private final BackupService backups;
    private final AuditLog audit;
    private final Grid<BackupService.Backup> backupGrid = new Grid<>(BackupService.Backup.class, false);
    private final Grid<AuditLog.Entry> auditGrid = new Grid<>(AuditLog.Entry.class, false);

    public OperationsView(BackupService backups, AuditLog audit, H2Housekeeping housekeeping, Times times) {
        this.backups = backups;
        this.audit = audit;
        addClassName("verdict-page");
        Button backUp = new Button("Back up now", VaadinIcon.DATABASE.create(), e -> backUp());
        backUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph how = new Paragraph("A backup is a consistent copy of the embedded database, taken while Verdict "
                + "runs, into " + backups.directory() + " on the server. To restore one, stop Verdict and follow the "
                + "README's \"Backups\" section.");
        how.addClassName("verdict-muted");
        backupGrid.addColumn(b -> times.format(b.takenAt())).setHeader(times.header("Taken")).setAutoWidth(true)
                .setFlexGrow(0);
        backupGrid.addColumn(BackupService.Backup::name).setHeader("File").setFlexGrow(1);
        backupGrid.addColumn(b -> "%,d KB".formatted(b.bytes() / 1024)).setHeader("Size").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        backupGrid.setAllRowsVisible(true);
        backupGrid.setEmptyStateText("No backups yet");
        auditGrid.addColumn(e -> times.format(e.at())).setHeader(times.header("When")).setAutoWidth(true)
                .setFlexGrow(0);
        auditGrid.addColumn(AuditLog.Entry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        auditGrid.addColumn(AuditLog.Entry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        auditGrid.addColumn(AuditLog.Entry::details).setHeader("Details").setFlexGrow(1);
        auditGrid.setHeight("28rem");
        // Details are what an admin reads the log for: wrapped, not cut to "erin [JUDGE] team=Re…".
        auditGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        auditGrid.setEmptyStateText("Nothing audited yet");
        add(new H1("Operations"), new H2("Backups"), how);
        housekeeping.file().ifPresent(file -> {
            Paragraph size = new Paragraph(describe(file));
            size.setId("database-file");
            size.addClassName("verdict-muted");
            add(size);
        });
        H2 auditTitle = new H2("Audit log");
        auditTitle.getStyle().set("margin-top", "var(--lumo-space-xl)");
        add(backUp, backupGrid, auditTitle, auditGrid);
        refresh();
    }

    /**
     * E.g. "The database file is 4.4 GB; Verdict compacts it as it runs …". (How much of it is current swings
     * widely on a young database; the gauge {@code verdict.h2.chunks.fill} has it for operators.)
     */
    static String describe(H2Housekeeping.DatabaseFile file) {
        double megabytes = file.bytes() / (1024.0 * 1024.0);
        String size = megabytes >= 1024 ? "%.1f GB".formatted(megabytes / 1024) : "%,.0f MB".formatted(megabytes);
        return "The database file is " + size + "; Verdict compacts it as it runs (see the README's \"File size\" "
                + "section).";
    }

    private void backUp() {
        try {
            BackupService.Backup backup = backups.backUp();
            Notification.show("Backed up to " + backup.name(), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ApiException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        backupGrid.setItems(backups.list());
        auditGrid.setItems(audit.latest(200));
    }
}
