/**
 * What every step shares: the engine's exceptions, progress reporting, cancellation and warnings.
 * Nothing here knows about samples, grids or hosts.
 */
package org.geoprospect.core;
