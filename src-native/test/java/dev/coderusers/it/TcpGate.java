package dev.coderusers.it;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP forwarder with a switch: while closed it accepts connections and drops them at once (a database that
 * is not there yet), once opened it relays them to the upstream server. Lets a test watch the service start
 * without its database and then see the database arrive, without stopping or starting PostgreSQL.
 */
final class TcpGate implements Closeable {

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private volatile boolean open;

    TcpGate(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("tcp-gate-accept", this::acceptLoop).start();
    }

    /** The local port the service is pointed at. */
    int port() {
        return server.getLocalPort();
    }

    /** From now on, connections reach the upstream server. */
    void open() {
        open = true;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!open) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                daemon("tcp-gate-up", () -> pump(client, upstream)).start();
                daemon("tcp-gate-down", () -> pump(upstream, client)).start();
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** Copies one direction until either side ends, then ends both. */
    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side went away; the finally block ends the other.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
