package org.certrevoke.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that accepts every mail and takes {@code pause} before each reply: a backlog sent to it drains at a
 * known, slow pace whatever the sender's rate.
 */
public final class SlowSmtp implements AutoCloseable {

    private final ServerSocket listener;
    private final long pauseMillis;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public SlowSmtp(int port, long pauseMillis) throws IOException {
        this.pauseMillis = pauseMillis;
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        Thread acceptor = new Thread(this::accept, "slow-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Mails this server has said it accepted. */
    public int mails() {
        return accepted.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                Thread session = new Thread(() -> converse(socket), "slow-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 slow ready");
            boolean data = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        accepted.incrementAndGet();
                        reply(out, "250 accepted");
                    }
                    continue;
                }
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "DATA" -> {
                        data = true;
                        reply(out, "354 go on");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException | InterruptedException closed) {
            // the test is over, or the client went away
        }
    }

    private void reply(OutputStream out, String line) throws IOException, InterruptedException {
        Thread.sleep(pauseMillis);
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
