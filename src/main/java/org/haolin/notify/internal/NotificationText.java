package org.haolin.notify.internal;

import org.jooq.JSONB;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;

/** Stores a notification's text as a message key with arguments, and renders it in the reader's language. */
@Component
public class NotificationText {

    private static final TypeReference<List<TextArg>> ARGS = new TypeReference<>() {
    };

    private final MessageSource messages;
    private final JsonMapper json;

    NotificationText(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public JSONB store(List<TextArg> args) {
        return JSONB.valueOf(json.writeValueAsString(args));
    }

    public String render(String key, JSONB args, Locale locale) {
        Object[] rendered = json.readValue(args.data(), ARGS).stream().map(a -> render(a, locale)).toArray();
        return messages.getMessage(key, rendered, key, locale);
    }

    /** The language of outbound channels (mail, group chats): the town's. */
    public static final Locale OUTBOUND = Locale.SIMPLIFIED_CHINESE;

    /** A message in a fixed language. */
    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A message for the outbound channels, in their language. */
    public String outbound(String key, Object... args) {
        return message(key, OUTBOUND, args);
    }

    private String render(TextArg arg, Locale locale) {
        if (arg.key() != null) {
            return messages.getMessage(arg.key(), null, arg.key(), locale);
        }
        if (arg.text() != null) {
            return arg.text();
        }
        return "zh".equals(locale.getLanguage()) ? arg.zh() : arg.en();
    }
}
