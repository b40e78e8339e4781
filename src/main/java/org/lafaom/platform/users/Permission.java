package org.lafaom.platform.users;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The contract's PermissionEnum; the stored and transmitted value is the lower-case name. */
public enum Permission {
    CAN_VIEW_USER, CAN_CREATE_USER, CAN_UPDATE_USER, CAN_DELETE_USER,
    CAN_VIEW_ROLE, CAN_CREATE_ROLE, CAN_UPDATE_ROLE, CAN_DELETE_ROLE, CAN_GIVE_ROLE, CAN_GIVE_PERMISSION,
    CAN_VIEW_BLOG, CAN_CREATE_BLOG, CAN_UPDATE_BLOG, CAN_DELETE_BLOG, CAN_PUBLISH_BLOG,
    CAN_VIEW_JOB_OFFER, CAN_CREATE_JOB_OFFER, CAN_UPDATE_JOB_OFFER, CAN_DELETE_JOB_OFFER,
    CAN_VIEW_JOB_APPLICATION, CAN_CHANGE_JOB_APPLICATION_STATUS, CAN_DELETE_JOB_ATTACHMENT,
    CAN_UPDATE_TRAINING_SESSION, CAN_CREATE_TRAINING_SESSION, CAN_DELETE_TRAINING_SESSION, CAN_VIEW_TRAINING_SESSION,
    CAN_VIEW_TRAINING, CAN_CREATE_TRAINING, CAN_UPDATE_TRAINING, CAN_DELETE_TRAINING,
    CAN_VIEW_STUDENT_APPLICATION, CAN_CHANGE_STUDENT_APPLICATION_STATUS, CAN_DELETE_STUDENT_ATTACHMENT,
    CAN_UPDATE_RECLAMATION_TYPE, CAN_CREATE_RECLAMATION_TYPE, CAN_DELETE_RECLAMATION_TYPE, CAN_VIEW_RECLAMATION_TYPE,
    CAN_VIEW_RECLAMATION, CAN_CHANGE_RECLAMATION_STATUS,
    CAN_VIEW_SPECIALTY, CAN_CREATE_SPECIALTY, CAN_UPDATE_SPECIALTY, CAN_DELETE_SPECIALTY,
    CAN_VIEW_ORGANIZATION_CENTER, CAN_CREATE_ORGANIZATION_CENTER, CAN_UPDATE_ORGANIZATION_CENTER,
    CAN_DELETE_ORGANIZATION_CENTER,
    CAN_VIEW_PAYMENT,
    /** Added by this service: see and retry failed background tasks (e-mails, Moodle, payments). */
    CAN_MANAGE_BACKGROUND_TASKS,
    /** Added by this service: the admin app deletes job applications, a route the old backend lacked. */
    CAN_DELETE_JOB_APPLICATION,
    /** Added by this service: see what was pushed to Moodle, push again, run a reconciliation. */
    CAN_MANAGE_MOODLE,
    /** Added by this service: read consulting firms' (cabinet) applications, their documents and statistics. */
    CAN_VIEW_CABINET_APPLICATION,
    /** Added by this service: approve, reject and correct cabinet applications, add their documents. */
    CAN_CHANGE_CABINET_APPLICATION_STATUS,
    /** Added by this service: the cabinet application fees and recruitment campaigns that set the price. */
    CAN_MANAGE_APPLICATION_FEE;

    /** Each value once: every cached access profile shares these strings instead of holding copies. */
    private static final Map<String, String> VALUES = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Permission::value, Permission::value));

    private final String value = name().toLowerCase(Locale.ROOT);

    public String value() {
        return value;
    }

    public static boolean isKnown(String value) {
        return VALUES.containsKey(value);
    }

    /** The shared instance of a known value; an unknown one (a legacy row) is returned as it is. */
    static String canonical(String value) {
        return VALUES.getOrDefault(value, value);
    }
}
