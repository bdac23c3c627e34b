package org.geoprospect.server.ogcapi;

import org.geoprospect.server.http.ServerLinks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.server.execution.ProcessService;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.jobs.Job;

import java.io.IOException;
import java.util.List;

/**
 * {@code /jobs}: the job list, newest first, in pages ({@code limit}, {@code offset}, a {@code next} link while
 * there are more); a job's status; its results and output files ({@link JobResults}); and dismissal
 * ({@code DELETE}: a running job is cancelled, a finished one deleted with its files). Jobs of every protocol are
 * listed, as they share one job store.
 */
public final class JobsEndpoints implements Endpoints {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final ProcessService server;
    private final JobResults results;

    public JobsEndpoints(ProcessService server) {
        this.server = server;
        this.results = new JobResults(server.jobs());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/jobs", this::list);
        routes.get("/jobs/{id}", ctx -> Json.send(ctx, StatusInfo.of(job(ctx), links(ctx))));
        routes.delete("/jobs/{id}", this::dismiss);
        routes.get("/jobs/{id}/results", this::results);
        routes.get("/jobs/{id}/outputs/{output}", ctx -> results.respondOutput(ctx, job(ctx),
                ctx.pathParam("output")));
    }

    private void list(Context ctx) {
        int limit = count(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = count(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        List<Job> jobs = server.jobs().list(limit + 1, offset); // one more tells whether there is a next page
        ServerLinks links = links(ctx);
        ObjectNode list = Json.MAPPER.createObjectNode();
        ArrayNode items = list.putArray("jobs");
        jobs.stream().limit(limit).forEach(j -> items.add(StatusInfo.of(j, links)));
        ArrayNode l = list.putArray("links");
        links.add(l, "self", "application/json", "this page of jobs", page(limit, offset));
        if (jobs.size() > limit) {
            links.add(l, "next", "application/json", "the next page", page(limit, offset + limit));
        }
        if (offset > 0) {
            links.add(l, "prev", "application/json", "the previous page", page(limit, Math.max(0, offset - limit)));
        }
        Json.send(ctx, list);
    }

    private static String page(int limit, int offset) {
        return "/jobs?limit=" + limit + "&offset=" + offset;
    }

    private void dismiss(Context ctx) {
        String id = ctx.pathParam("id");
        Job job = server.jobs().dismiss(id).orElseThrow(() -> noSuchJob(id));
        Json.send(ctx, StatusInfo.of(job, links(ctx)));
    }

    private void results(Context ctx) throws IOException {
        Job job = job(ctx);
        OutputSelection selection = server.processes().get(job.processId())
                .map(p -> OutputSelection.of(job, p.description())).orElse(OutputSelection.ALL);
        results.respond(ctx, job, selection, links(ctx));
    }

    private Job job(Context ctx) {
        String id = ctx.pathParam("id");
        return server.jobs().get(id).orElseThrow(() -> noSuchJob(id));
    }

    private static Problem.NotFoundException noSuchJob(String id) {
        return new Problem.NotFoundException(JobResults.NO_SUCH_JOB, "no job '" + id + "'");
    }

    private static int count(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(name, "'" + name + "' is a whole number from " + min + " to " + max
                + ", not '" + v + "'");
    }

    private ServerLinks links(Context ctx) {
        return ServerLinks.of(ctx, server.port().getAsInt());
    }
}
