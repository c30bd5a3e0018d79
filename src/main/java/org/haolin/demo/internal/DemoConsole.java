package org.haolin.demo.internal;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Lines for the person who started Haolin, in the language of their system (Chinese on a Chinese system,
 * English otherwise), printed on the console rather than logged so they stand out.
 */
@Component
class DemoConsole {

    private final MessageSource messages;

    DemoConsole(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.getDefault());
    }

    void say(String key, Object... args) {
        System.out.println(text(key, args));
    }
}
