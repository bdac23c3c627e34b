/**
 * What every endpoint family of the embedded server shares: the settings, the route registration interface, links
 * as the client reached the server, and problem documents (RFC 7807) for errors.
 */
package org.geoprospect.server.http;
