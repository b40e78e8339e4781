package org.lafaom.platform.cabinet;

import org.lafaom.platform.cabinet.CabinetApplicationRepository.Application;
import org.lafaom.platform.cabinet.CabinetViews.CabinetApplicationOut;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff decisions, each taken on the locked row and e-mailed to the firm in the same transaction.
 * Only a paid application can be approved (the old backend approved unpaid ones and never paid
 * ones); a pending or paid one can be rejected, its reason kept in its own column.
 */
@Service
class CabinetDecisions {

    private final CabinetApplicationRepository applications;
    private final FirmAccounts accounts;
    private final CabinetMails mails;
    private final CabinetMetrics metrics;

    CabinetDecisions(CabinetApplicationRepository applications, FirmAccounts accounts, CabinetMails mails, CabinetMetrics metrics) {
        this.applications = applications;
        this.accounts = accounts;
        this.mails = mails;
        this.metrics = metrics;
    }

    @Transactional
    CabinetApplicationOut approve(String id, String staffId) {
        Application a = locked(id);
        if (!a.paid()) {
            throw new ApiException(ErrorCode.CANNOT_APPROVE_UNPAID_APPLICATION, "Seules les candidatures payées peuvent être approuvées");
        }
        if (!"paid".equals(a.status())) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                    "Cette candidature est déjà " + ("approved".equals(a.status()) ? "approuvée" : "décidée (" + a.status() + ")"));
        }
        applications.decide(a.id(), "APPROVED", null, staffId);
        Application approved = applications.find(a.id()).orElseThrow();
        // Applications paid before this service settled cabinet payments have no account yet.
        accounts.ensure(approved);
        mails.approved(approved);
        metrics.count("approved");
        return applications.find(a.id()).orElseThrow().out();
    }

    @Transactional
    CabinetApplicationOut reject(String id, String reason, String staffId) {
        Application a = locked(id);
        if (!"pending".equals(a.status()) && !"paid".equals(a.status())) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "Seules les candidatures en attente ou payées peuvent être rejetées");
        }
        String cleanReason = CabinetInputs.blankToNull(reason);
        applications.decide(a.id(), "REJECTED", cleanReason, staffId);
        Application rejected = applications.find(a.id()).orElseThrow();
        mails.rejected(rejected, cleanReason);
        metrics.count("rejected");
        return rejected.out();
    }

    private Application locked(String id) {
        return applications.lock(id).orElseThrow(() -> new ApiException(ErrorCode.CABINET_APPLICATION_NOT_FOUND));
    }
}
