package org.haolin.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection for a load client: writes a request, reads the answer, on the calling
 * thread. A load generator should spend as little of the machine as it can (the server shares it): the JDK's
 * HttpClient hands every answer across three threads, this reads it where it waits, into a buffer of its own,
 * and looks at its head once (a byte at a time through a stream took a lock per byte). Reconnects when the
 * server closes the connection.
 */
final class PlainHttpConnection implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    /** Bytes read and not yet used: buffer[start, end). */
    private byte[] buffer = new byte[16_384];
    private int start;
    private int end;

    PlainHttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Answer get(String path, String authorization) throws IOException {
        return send(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    Answer postJson(String path, String authorization, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return send(request);
    }

    private Answer send(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
            start = 0;
            end = 0;
        }
        try {
            out.write(request); // one write: the head and the body together
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Answer read() throws IOException {
        int headEnd;
        while ((headEnd = indexOf(HEAD_END, start)) < 0) {
            fill();
        }
        String head = new String(buffer, start, headEnd - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        start = headEnd + HEAD_END.length;
        int code = Integer.parseInt(head.substring(9, 12));
        String length = header(head, "content-length");
        String encoding = header(head, "transfer-encoding");
        String connection = header(head, "connection");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (encoding != null && encoding.contains("chunked")) {
            for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
                body.write(take(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length != null) {
            body.write(take(Integer.parseInt(length)));
        }
        if (connection != null && connection.contains("close")) {
            close();
        }
        return new Answer(code, body.toString(StandardCharsets.UTF_8));
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

    private byte[] take(int n) throws IOException {
        while (end - start < n) {
            fill();
        }
        byte[] taken = Arrays.copyOfRange(buffer, start, start + n);
        start += n;
        return taken;
    }

    private String line() throws IOException {
        byte[] lineEnd = {'\r', '\n'};
        int at;
        while ((at = indexOf(lineEnd, start)) < 0) {
            fill();
        }
        String line = new String(buffer, start, at - start, StandardCharsets.ISO_8859_1);
        start = at + 2;
        return line;
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

    /** Reads more from the socket, keeping what is unread at the buffer's start. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            throw new EOFException("connection closed");
        }
        end += n;
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // gone already
        }
        socket = null;
    }
}
