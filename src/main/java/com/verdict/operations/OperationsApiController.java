package com.verdict.operations;

import com.verdict.base.AuditLog;
import com.verdict.base.RequestParameters;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins only: the security chain guards /api/admin/**. */
@RestController
class OperationsApiController {

    private final BackupService backups;
    private final AuditLog audit;

    OperationsApiController(BackupService backups, AuditLog audit) {
        this.backups = backups;
        this.audit = audit;
    }

    @PostMapping("/api/admin/backup")
    @ResponseStatus(HttpStatus.CREATED)
    BackupService.Backup backUp() {
        return backups.backUp();
    }

    @GetMapping("/api/admin/backups")
    List<BackupService.Backup> backups() {
        return backups.list();
    }

    @GetMapping("/api/admin/audit")
    List<AuditLog.Entry> audit(@RequestParam(defaultValue = "100") String limit) {
        return audit.latest(RequestParameters.wholeNumber("limit", limit, 1, 1000));
    }
}
