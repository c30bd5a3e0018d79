package org.haolin.notify;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real group-chat robot stand-in on a free local port: records every body posted to it and answers
 * with the statuses it is told, then 200 with {"errcode":0} as WeCom does.
 */
final class RobotServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;

    RobotServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cgi-bin/webhook/send", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Integer status = answers.poll();
            int code = status == null ? otherwise : status;
            byte[] body = (code == 200 ? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":-1,\"errmsg\":\"busy\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send?key=robot-secret";
    }

    /** The next answers, in order; after them, {@code otherwise}. */
    RobotServer answering(int... statuses) {
        for (int status : statuses) {
            answers.add(status);
        }
        return this;
    }

    RobotServer otherwise(int status) {
        this.otherwise = status;
        return this;
    }

    List<String> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
