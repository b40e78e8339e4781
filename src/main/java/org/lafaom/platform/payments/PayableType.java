package org.lafaom.platform.payments;

import java.util.Set;

/**
 * The {@code payments.payable_type} strings: the old backend's class names, kept verbatim because
 * existing rows use them. The payable id is stored as text (an integer id written in decimal, or a
 * uuid for cabinet applications).
 */
public final class PayableType {

    public static final String JOB_APPLICATION = "JobApplication";
    public static final String STUDENT_APPLICATION = "StudentApplication";
    public static final String TRAINING_FEE_INSTALLMENT = "TrainingFeeInstallmentPayment";
    public static final String CABINET_APPLICATION = "CabinetApplication";

    static final Set<String> ALL = Set.of(JOB_APPLICATION, STUDENT_APPLICATION, TRAINING_FEE_INSTALLMENT, CABINET_APPLICATION);

    private PayableType() {}
}
