package com.verdict.operations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
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
import com.verdict.operations.BackupService;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Backups and the audit log, for admins. */
@Route("admin/operations")
@PageTitle("Operations · Verdict")
@Menu(order = 92, icon = "vaadin:database", title = "Operations")
@RolesAllowed("ADMIN")
public class OperationsView extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final BackupService backups;
    private final AuditLog audit;
    private final Grid<BackupService.Backup> backupGrid = new Grid<>(BackupService.Backup.class, false);
    private final Grid<AuditLog.Entry> auditGrid = new Grid<>(AuditLog.Entry.class, false);

    public OperationsView(BackupService backups, AuditLog audit) {
        this.backups = backups;
        this.audit = audit;
        addClassName("verdict-page");
        Button backUp = new Button("Back up now", VaadinIcon.DOWNLOAD.create(), e -> backUp());
        backUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph how = new Paragraph("A backup is a consistent copy of the embedded database, taken while Verdict "
                + "runs. To restore one, stop Verdict and follow the README's \"Backups\" section.");
        how.addClassName("verdict-muted");
        backupGrid.addColumn(BackupService.Backup::file).setHeader("File").setFlexGrow(1);
        backupGrid.addColumn(b -> "%,d KB".formatted(b.bytes() / 1024)).setHeader("Size").setAutoWidth(true);
        backupGrid.setAllRowsVisible(true);
        auditGrid.addColumn(e -> WHEN.format(e.at())).setHeader("When").setAutoWidth(true);
        auditGrid.addColumn(AuditLog.Entry::actor).setHeader("Who").setAutoWidth(true);
        auditGrid.addColumn(AuditLog.Entry::action).setHeader("Action").setAutoWidth(true);
        auditGrid.addColumn(AuditLog.Entry::details).setHeader("Details").setFlexGrow(1);
        auditGrid.setHeight("28rem");
        add(new H2("Backups"), how, backUp, backupGrid, new H2("Audit log"), auditGrid);
        refresh();
    }

    private void backUp() {
        try {
            BackupService.Backup backup = backups.backUp();
            Notification.show("Backed up to " + backup.file(), 4000, Notification.Position.BOTTOM_START)
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
