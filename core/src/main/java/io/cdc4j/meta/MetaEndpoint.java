package io.cdc4j.meta;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * Where a capture finds its ZooKeeper ensemble, parsed from {@code zk://H1:P1,H2:P2[/chroot]}.
 * Every key cdc4j writes lives under the chroot ({@value #DEFAULT_CHROOT} when the URI names none).
 */
public record MetaEndpoint(List<String> hosts, String chroot) {

    public static final String DEFAULT_CHROOT = "/cdc4j";

    public MetaEndpoint {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a ZooKeeper endpoint needs at least one host");
        }
        Objects.requireNonNull(chroot, "chroot");
        if (!chroot.startsWith("/") || chroot.length() < 2 || chroot.endsWith("/")) {
            throw new IllegalArgumentException("chroot must look like /name, got " + chroot);
        }
    }

    /** Parses {@code zk://host:port[,host:port...][/chroot]}. */
    public static MetaEndpoint parse(String uri) {
        String prefix = "zk://";
        if (uri == null || !uri.startsWith(prefix)) {
            throw invalid(uri, "it must start with zk://");
        }
        String rest = uri.substring(prefix.length());
        int slash = rest.indexOf('/');
        String hostPart = slash < 0 ? rest : rest.substring(0, slash);
        String chroot = slash < 0 ? "" : rest.substring(slash);
        while (chroot.endsWith("/")) {
            chroot = chroot.substring(0, chroot.length() - 1);
        }
        if (chroot.isEmpty()) {
            chroot = DEFAULT_CHROOT;
        }
        if (hostPart.isEmpty()) {
            throw invalid(uri, "no host given");
        }
        List<String> hosts = List.of(hostPart.split(","));
        for (String host : hosts) {
            int colon = host.lastIndexOf(':');
            if (host.isBlank() || colon <= 0 || colon == host.length() - 1) {
                throw invalid(uri, "each host must be HOST:PORT, got '" + host + "'");
            }
            try {
                int port = Integer.parseInt(host.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw invalid(uri, "port out of range in '" + host + "'");
                }
            } catch (NumberFormatException e) {
                throw invalid(uri, "port is not a number in '" + host + "'");
            }
        }
        try {
            return new MetaEndpoint(hosts, chroot);
        } catch (IllegalArgumentException e) {
            throw invalid(uri, e.getMessage());
        }
    }

    /** The endpoint of a single local ZooKeeper, as a second capture would pass it to {@code --meta}. */
    public static MetaEndpoint local(String hostPort) {
        return new MetaEndpoint(List.of(hostPort), DEFAULT_CHROOT);
    }

    /** The connect string without chroot, as ZooKeeper's client takes it. */
    public String connectString() {
        return String.join(",", hosts);
    }

    /** The URI form, {@code zk://h1:p1,h2:p2/chroot}. */
    public String uri() {
        return "zk://" + connectString() + chroot;
    }

    private static CdcException invalid(String uri, String why) {
        return new CdcException(ErrorCode.META_STORE, "invalid --meta '" + uri + "': " + why
                + " (expected zk://HOST:PORT[,HOST:PORT...][/chroot])");
    }
}
