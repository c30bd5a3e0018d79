package org.haolin.notify.internal;

/** A town's mail server as the mail channel uses it; the password is never printed. */
public record SmtpServer(String host, int port, String from, String username, String password, boolean starttls) {

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + ", from " + from + ", user " + username + ", starttls " + starttls + "]";
    }
}
