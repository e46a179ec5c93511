package org.dumbno.client;

import java.io.IOException;

/** No reply came from the dumbno server after every try. */
public final class ServerUnreachableException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String server;
    private final int tries;

    /**
     * @param server the server as {@code host:port} ({@code [v6]:port} for IPv6)
     * @param tries how many times the request was sent
     */
    public ServerUnreachableException(String server, int tries) {
        super("no answer from " + server + " after " + tries + (tries == 1 ? " try" : " tries"));
        this.server = server;
        this.tries = tries;
    }

    public String server() {
        return server;
    }

    public int tries() {
        return tries;
    }
}
