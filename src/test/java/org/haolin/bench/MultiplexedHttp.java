package org.haolin.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Many keep-alive HTTP/1.1 connections driven by one thread, each with one request in flight at a time, as load
 * generators such as wrk drive theirs. A load generator should spend as little of the machine as it can (the
 * server shares it): a thread per connection costs a wake-up and a switch per answer, while here the answers of
 * a whole batch of scans, committed together, arrive together and are read in one pass. Reconnects when the
 * server closes a connection; a request unanswered for {@value #TIMEOUT_SECONDS} s counts as failed.
 */
final class MultiplexedHttp {

    record Answer(int status, String body) {
    }

    /** One client's side of its connection: what it sends next, and what it makes of each answer. */
    interface Conversation {

        byte[] next();

        void answered(Answer answer, long nanos);

        void failed(long nanos);
    }

    private static final int TIMEOUT_SECONDS = 30;
    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] LINE_END = {'\r', '\n'};

    private MultiplexedHttp() {
    }

    static byte[] get(String host, String path, String authorization) {
        return (("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization + "\r\n\r\n"))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] postJson(String host, String path, String authorization, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /**
     * Runs each conversation on a connection of its own, sending until the deadline; returns once every request
     * sent is answered (or failed).
     */
    static void run(String host, int port, List<? extends Conversation> conversations, long deadlineNanos)
            throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        try (Selector selector = Selector.open()) {
            List<Connection> connections = new ArrayList<>();
            for (Conversation conversation : conversations) {
                Connection c = new Connection(conversation, address, selector);
                connections.add(c);
                c.sendNext(deadlineNanos);
            }
            long nextTimeoutCheck = System.nanoTime() + 1_000_000_000L;
            // until the deadline (a client whose connection failed just idles), then until the last answer is in
            while (System.nanoTime() < deadlineNanos || connections.stream().anyMatch(Connection::waiting)) {
                selector.select(1_000);
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).ready(key, deadlineNanos);
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now > nextTimeoutCheck) {
                    nextTimeoutCheck = now + 1_000_000_000L;
                    for (Connection c : connections) {
                        if (c.waiting() && now - c.sentAt > TIMEOUT_SECONDS * 1_000_000_000L) {
                            c.fail(deadlineNanos);
                        }
                    }
                }
            }
            connections.forEach(Connection::close);
        }
    }

    /** One connection: the request being written, and the bytes of its answer read so far. */
    private static final class Connection {
        private final Conversation conversation;
        private final InetSocketAddress address;
        private final Selector selector;
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        /** Bytes read and not yet used: buffer[start, end). */
        private byte[] buffer = new byte[16_384];
        private int start;
        private int end;
        private long sentAt;
        private boolean waiting;

        Connection(Conversation conversation, InetSocketAddress address, Selector selector) {
            this.conversation = conversation;
            this.address = address;
            this.selector = selector;
        }

        boolean waiting() {
            return waiting;
        }

        /**
         * Sends the conversation's next request, unless the deadline has passed, on a new connection if the last
         * one is gone; a connection that cannot be made fails the request and ends this client's phase.
         */
        void sendNext(long deadlineNanos) {
            if (System.nanoTime() >= deadlineNanos) {
                return;
            }
            sentAt = System.nanoTime();
            out = ByteBuffer.wrap(conversation.next());
            waiting = true;
            try {
                send();
            } catch (IOException closedMeanwhile) {
                close();
                try {
                    send();
                } catch (IOException e) {
                    waiting = false;
                    conversation.failed(System.nanoTime() - sentAt);
                    close();
                }
            }
        }

        private void send() throws IOException {
            if (channel == null) {
                channel = SocketChannel.open(address);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                key = channel.register(selector, SelectionKey.OP_READ, this);
                start = 0;
                end = 0;
            }
            out.rewind();
            flush();
        }

        void ready(SelectionKey ready, long deadlineNanos) {
            try {
                if (ready.isValid() && ready.isWritable()) {
                    flush();
                }
                if (ready.isValid() && ready.isReadable()) {
                    read();
                    Answer answer = answer();
                    if (answer != null) {
                        waiting = false;
                        conversation.answered(answer, System.nanoTime() - sentAt);
                        sendNext(deadlineNanos);
                    }
                }
            } catch (IOException e) {
                fail(deadlineNanos);
            }
        }

        void fail(long deadlineNanos) {
            waiting = false;
            conversation.failed(System.nanoTime() - sentAt);
            close();
            sendNext(deadlineNanos);
        }

        void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // gone already
            }
            channel = null;
        }

        private void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        private void read() throws IOException {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = channel.read(ByteBuffer.wrap(buffer, end, buffer.length - end));
            if (n < 0) {
                throw new EOFException("connection closed");
            }
            end += n;
        }

        /** The answer, once all of it is read (by its length, or its chunks); null until then. */
        private Answer answer() {
            int headEnd = indexOf(HEAD_END, start);
            if (headEnd < 0) {
                return null;
            }
            String head = new String(buffer, start, headEnd - start, StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT);
            int from = headEnd + HEAD_END.length;
            String length = header(head, "content-length");
            String encoding = header(head, "transfer-encoding");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int next;
            if (encoding != null && encoding.contains("chunked")) {
                int at = from;
                while (true) {
                    int lineEnd = indexOf(LINE_END, at);
                    if (lineEnd < 0) {
                        return null;
                    }
                    int size = Integer.parseInt(new String(buffer, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                            .split(";")[0].trim(), 16);
                    at = lineEnd + LINE_END.length;
                    if (end < at + size + LINE_END.length) {
                        return null;
                    }
                    if (size == 0) {
                        next = at + LINE_END.length; // no trailers
                        break;
                    }
                    body.write(buffer, at, size);
                    at += size + LINE_END.length;
                }
            } else {
                int n = length == null ? 0 : Integer.parseInt(length);
                if (end < from + n) {
                    return null;
                }
                body.write(buffer, from, n);
                next = from + n;
            }
            start = next;
            String connection = header(head, "connection");
            if (connection != null && connection.contains("close")) {
                close();
            }
            return new Answer(Integer.parseInt(head.substring(9, 12)), body.toString(StandardCharsets.UTF_8));
        }

        private int indexOf(byte[] sought, int from) {
            outer:
            for (int i = from; i <= end - sought.length; i++) {
                for (int j = 0; j < sought.length; j++) {
                    if (buffer[i + j] != sought[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** A header's value in a lower-cased head, or null. */
    private static String header(String head, String name) {
        int at = head.indexOf("\n" + name + ":");
        if (at < 0) {
            return null;
        }
        int from = at + name.length() + 2;
        int to = head.indexOf('\r', from);
        return head.substring(from, to < 0 ? head.length() : to).trim();
    }
}
