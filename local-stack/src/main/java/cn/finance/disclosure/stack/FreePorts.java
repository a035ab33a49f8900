package cn.finance.disclosure.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port, for tests that start servers side by side. Taken below Linux's ephemeral range (32768 and
 * up): a port the kernel hands out for port 0 is in that range, where any outgoing connection may be given it before
 * the server that was meant to listen on it starts (seen once: a replica starting half a minute after its port was
 * chosen found it in use). Below that range only another listener can take it, and that is checked here.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int COUNT = 12_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = FIRST + ThreadLocalRandom.current().nextInt(COUNT);
            if (!GIVEN.add(port)) {
                continue; // never the same port twice from this JVM
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException taken) {
                // another listener has it: try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
