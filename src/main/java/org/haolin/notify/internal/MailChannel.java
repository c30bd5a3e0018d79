package org.haolin.notify.internal;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.util.Properties;

/**
 * Sends a plain-text mail through the town's SMTP server. With STARTTLS on, the server must offer it:
 * falling back to plain text would send the password in clear.
 */
@Component
public class MailChannel {

    static final String TIMEOUT_MS = "10000";

    public void send(SmtpServer server, String to, String subject, String body) throws DeliveryFailed {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setDefaultEncoding("UTF-8");
        Properties props = sender.getJavaMailProperties();
        boolean auth = server.username() != null && !server.username().isBlank();
        if (auth) {
            sender.setUsername(server.username());
            sender.setPassword(server.password());
        }
        props.put("mail.smtp.auth", String.valueOf(auth));
        props.put("mail.smtp.starttls.enable", String.valueOf(server.starttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(server.starttls()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        props.put("mail.smtp.timeout", TIMEOUT_MS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MS);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(server.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new DeliveryFailed("SMTP " + server.host() + ":" + server.port() + ": " + describe(e), e);
        }
    }

    /** What went wrong, for a town admin: the failure's kind and the first message along its causes. */
    static String describe(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause() == t ? null : t.getCause()) {
            message = t.getMessage();
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
