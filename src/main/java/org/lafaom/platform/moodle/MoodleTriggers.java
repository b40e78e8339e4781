package org.lafaom.platform.moodle;

import org.lafaom.platform.training.SessionParticipantJoined;
import org.lafaom.platform.training.SessionParticipantLeft;
import org.lafaom.platform.training.TrainingSessionChanged;
import org.lafaom.platform.training.TrainingSessionCreated;
import org.lafaom.platform.users.UserAccounts;
import org.lafaom.platform.users.UserProfileChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the platform's events into Moodle pushes. Listeners run synchronously, inside the
 * transaction that published the event, so a push is scheduled if and only if its cause commits.
 */
@Component
class MoodleTriggers {

    private final MoodleSync sync;
    private final UserAccounts accounts;
    private final TrainingFacts training;

    MoodleTriggers(MoodleSync sync, UserAccounts accounts, TrainingFacts training) {
        this.sync = sync;
        this.accounts = accounts;
        this.training = training;
    }

    @EventListener
    void on(TrainingSessionCreated event) {
        sync.course(event.sessionId());
    }

    @EventListener
    void on(TrainingSessionChanged event) {
        sync.course(event.sessionId());
    }

    @EventListener
    void on(SessionParticipantJoined event) {
        sync.enrolment(event.userId(), event.sessionId());
    }

    @EventListener
    void on(SessionParticipantLeft event) {
        sync.enrolment(event.userId(), event.sessionId());
    }

    /** Only people Moodle knows, or should know, are pushed: a visitor's profile edit costs nothing. */
    @EventListener
    void on(UserProfileChanged event) {
        boolean known = accounts.moodleIdentity(event.userId()).map(p -> p.moodleUserId() != null).orElse(false);
        if (known || !training.sessionsOf(event.userId()).isEmpty()) {
            sync.account(event.userId());
        }
    }
}
