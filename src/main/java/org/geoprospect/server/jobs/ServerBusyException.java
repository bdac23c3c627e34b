package org.geoprospect.server.jobs;

import org.geoprospect.core.GeoprospectException;

/** The server has no room for another execution now (the limits say how many run and wait); try again later. */
public final class ServerBusyException extends GeoprospectException {
    public ServerBusyException(String message) {
        super(message);
    }
}
