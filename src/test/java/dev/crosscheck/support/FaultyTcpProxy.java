package dev.crosscheck.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of an HTTP/1.1 endpoint that fails requests the way a network does: it reads each
 * request's head, asks the {@link Plan} what to do with it, and either forwards it, resets the connection (the client
 * sees the connection drop with no answer) or stalls (holds the request unanswered until the client gives up or the
 * stall ends, then drops the connection). Requests with a {@code Transfer-Encoding} body are passed through as they
 * are, with the rest of their connection.
 */
public final class FaultyTcpProxy implements AutoCloseable {

    public enum Action {
        PASS, RESET, STALL
    }

    /** Decides the fate of one request from its request line ({@code "GET /bucket/key HTTP/1.1"}). */
    public interface Plan {
        Action on(String requestLine);
    }

    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket server;
    private final int targetPort;
    private final long stallMillis;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Plan plan = line -> Action.PASS;
    private volatile boolean closed;
    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger resets = new AtomicInteger();
    public final AtomicInteger stalls = new AtomicInteger();

    /** A proxy to 127.0.0.1:{@code targetPort}; a stalled request is held at most {@code stallMillis}. */
    public FaultyTcpProxy(int targetPort, long stallMillis) throws IOException {
        this.targetPort = targetPort;
        this.stallMillis = stallMillis;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void plan(Plan next) {
        this.plan = next;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "faulty-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try {
            upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            sockets.add(upstream);
            Socket up = upstream;
            Thread back = new Thread(() -> pump(up, client), "faulty-proxy-back");
            back.setDaemon(true);
            back.start();
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            while (true) {
                byte[] head = readHead(in);
                if (head == null) {
                    break;
                }
                String text = new String(head, StandardCharsets.ISO_8859_1);
                String requestLine = text.substring(0, Math.max(0, text.indexOf("\r\n")));
                requests.incrementAndGet();
                Action action = plan.on(requestLine);
                if (action == Action.RESET) {
                    resets.incrementAndGet();
                    client.setSoLinger(true, 0);   // RST, not FIN: the client sees "connection reset"
                    break;
                }
                if (action == Action.STALL) {
                    stalls.incrementAndGet();
                    long until = System.currentTimeMillis() + stallMillis;
                    while (!closed && !client.isClosed() && System.currentTimeMillis() < until) {
                        Thread.sleep(20);
                    }
                    break;
                }
                out.write(head);
                String lower = text.toLowerCase(Locale.ROOT);
                if (lower.contains("\r\ntransfer-encoding:")) {
                    in.transferTo(out);   // no framing to follow: pass the rest of the connection through
                    break;
                }
                long length = contentLength(lower);
                for (long left = length; left > 0; ) {
                    byte[] buffer = in.readNBytes((int) Math.min(left, 8192));
                    if (buffer.length == 0) {
                        break;
                    }
                    out.write(buffer);
                    left -= buffer.length;
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the connection ends
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static long contentLength(String lowerHead) {
        int at = lowerHead.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int end = lowerHead.indexOf("\r\n", at + 2);
        return Long.parseLong(lowerHead.substring(at + "\r\ncontent-length:".length(), end).trim());
    }

    /** One request head up to and including the empty line; null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
        }
        throw new IOException("request head over " + MAX_HEAD + " bytes");
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        sockets.forEach(FaultyTcpProxy::closeQuietly);
    }
}
