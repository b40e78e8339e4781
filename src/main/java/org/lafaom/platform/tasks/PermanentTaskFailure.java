package org.lafaom.platform.tasks;

/**
 * Thrown by a task whose failure retrying cannot fix (a wrong token, a missing permission): the
 * task goes straight to the failures staff see, instead of retrying for hours.
 */
public class PermanentTaskFailure extends RuntimeException {

    public PermanentTaskFailure(String message) {
        super(message);
    }
}
