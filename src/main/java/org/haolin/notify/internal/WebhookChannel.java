package org.haolin.notify.internal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a text message to a group-chat robot in the WeCom format ({"msgtype":"text","text":{"content":...}}),
 * which DingTalk-like robots take too. Delivered means a 2xx answer whose body, if it carries the robots'
 * "errcode", says 0: those robots answer 200 with an error code when they refuse.
 */
@Component
public class WebhookChannel {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int ERROR_CHARS = 200;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json;

    WebhookChannel(JsonMapper json) {
        this.json = json;
    }

    public void send(String url, String content) throws DeliveryFailed {
        String body = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", content)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailed(host(url) + ": " + MailChannel.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed(host(url) + ": interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailed(host(url) + ": HTTP " + response.statusCode() + " " + shortened(response.body()));
        }
        if (refused(response.body())) {
            throw new DeliveryFailed(host(url) + ": " + shortened(response.body()));
        }
    }

    private boolean refused(String body) {
        try {
            JsonNode answer = json.readTree(body);
            return answer.has("errcode") && answer.get("errcode").asInt() != 0;
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    public static String host(String url) {
        return URI.create(url).getHost();
    }

    private static String shortened(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > ERROR_CHARS ? flat.substring(0, ERROR_CHARS) + "…" : flat;
    }
}
