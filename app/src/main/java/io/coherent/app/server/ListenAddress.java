package io.coherent.app.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Checks {@code serve --host} without asking DNS: an IPv4 or IPv6 literal (which {@link InetAddress#getByName} parses
 * without a lookup) or {@code localhost}. A host name would be resolved by Netty when the server binds, after the
 * process had started, and a typo would end in an internal error; the network may not even be reachable.
 */
final class ListenAddress {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ListenAddress() {
    }

    /** @throws IllegalArgumentException (one line naming --host) if {@code host} is not a literal address or localhost */
    static void check(String host) {
        if (host == null || host.isEmpty()) {
            throw refused(host);
        }
        if (host.equals("localhost") || IPV4.matcher(host).matches()) {
            return;
        }
        if (IPV6.matcher(host).matches()) {
            try {
                InetAddress.getByName(host); // a literal: parsed, never looked up
                return;
            } catch (UnknownHostException | SecurityException e) {
                throw refused(host);
            }
        }
        throw refused(host);
    }

    private static IllegalArgumentException refused(String host) {
        return new IllegalArgumentException("--host " + host + " is not allowed: expected an IP address of this machine "
                + "(127.0.0.1, ::1, 0.0.0.0 for every interface) or localhost; host names are not looked up");
    }
}
