package dev.coderusers.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards TCP connections from a loopback port to another address: a database that "comes up" on a port
 * where nothing listened before, without touching the real server.
 */
public final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TcpForwarder(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on {@code 127.0.0.1:port} and forwards every connection to {@code target}. */
    public static TcpForwarder start(int port, InetSocketAddress target) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        TcpForwarder forwarder = new TcpForwarder(server, target);
        daemon("forwarder-accept-" + port, forwarder::accept);
        return forwarder;
    }

    /** A loopback port on which nothing listens at the moment. */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(client);
            try {
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                sockets.add(upstream);
                daemon("forwarder-up", () -> pump(client, upstream));
                daemon("forwarder-down", () -> pump(upstream, client));
            } catch (IOException e) {
                closeQuietly(client); // the target is down: the client sees the connection closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side closed; closing both ends below ends the other direction too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(TcpForwarder::closeQuietly);
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed.
        }
    }
}
