package org.geoprospect.server.http;

import io.javalin.config.RoutesConfig;

/** One family of routes — a protocol or a resource — registered on the server at start. */
public interface Endpoints {
    void register(RoutesConfig routes);
}
