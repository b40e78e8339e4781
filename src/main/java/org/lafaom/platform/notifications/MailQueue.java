package org.lafaom.platform.notifications;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lafaom.platform.tasks.BackgroundTasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * E-mails sent as durable background tasks: queued in the caller's transaction (a status change
 * and its e-mail commit together or not at all), delivered by a worker, retried while SMTP is down,
 * and queued once per key however often the caller asks.
 */
@Service
public class MailQueue {

    static final String TASK = "send-mail";

    /** What the task stores: everything needed to write the e-mail later. */
    record MailJob(String to, MailTemplate template, String lang, Map<String, String> values) {}

    @Configuration(proxyBeanMethods = false)
    static class MailTask {
        @Bean
        OneTimeTask<MailJob> sendMailTask(BackgroundTasks tasks, Mailer mailer) {
            return tasks.define(TASK, MailJob.class,
                    (instance, context) -> {
                        MailJob job = instance.getData();
                        try {
                            mailer.deliver(job.to(), job.template(), job.lang(), job.values());
                        } catch (jakarta.mail.MessagingException e) {
                            throw new IllegalStateException("SMTP refused the message: " + e.getMessage(), e);
                        }
                    });
        }
    }

    private final BackgroundTasks tasks;
    private final OneTimeTask<MailJob> task;

    MailQueue(BackgroundTasks tasks, OneTimeTask<MailJob> sendMailTask) {
        this.tasks = tasks;
        this.task = sendMailTask;
    }

    /**
     * Queues an e-mail. {@code key} names the event it tells about (e.g. {@code application-42-approved}):
     * the same key is sent once.
     */
    public boolean enqueue(String key, String to, MailTemplate template, String lang, Map<String, ?> values) {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((k, v) -> text.put(k, v == null ? "" : String.valueOf(v)));
        return tasks.start(task, key, new MailJob(to, template, lang, text));
    }
}
