package org.geoprospect.server.ogcapi;

import org.geoprospect.server.http.ServerLinks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import org.geoprospect.server.execution.ProcessService;
import org.geoprospect.server.http.Caller;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.jobs.Job;

import java.io.IOException;
import java.util.List;

/**
 * {@code /jobs}: the job list, newest first, in pages ({@code limit}, {@code offset}, a {@code next} link while
 * there are more); a job's status; its results and output files ({@link JobResults}); and dismissal
 * ({@code DELETE}: a running job is cancelled, a finished one deleted with its files). Jobs of every protocol are
 * listed, as they share one job store. A job is its owner's ({@link Caller}): a user lists and dismisses only its own,
 * the admin every job, an anonymous caller of a protected server none. Status and results stay open to whoever has
 * the job's id, an unguessable UUID.
 */
public final class JobsEndpoints implements Endpoints {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final ProcessService server;
    private final JobResults results;

    public JobsEndpoints(ProcessService server) {
        this.server = server;
        this.results = new JobResults(server.jobs(), server.processes());
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
        Page page = Page.of(ctx, DEFAULT_LIMIT, MAX_LIMIT);
        // one more tells whether there is a next page
        Caller caller = Caller.of(ctx);
        List<Job> jobs = switch (caller.role()) {
            case ADMIN -> server.jobs().list(null, page.limit() + 1, page.offset());
            case USER -> server.jobs().list(caller.owner(), page.limit() + 1, page.offset());
            case ANONYMOUS -> List.of();
        };
        ServerLinks links = links(ctx);
        ObjectNode list = Json.MAPPER.createObjectNode();
        ArrayNode items = list.putArray("jobs");
        jobs.stream().limit(page.limit()).forEach(j -> items.add(StatusInfo.of(j, links)));
        page.addLinks(links, list.putArray("links"), "/jobs", "jobs", jobs.size() > page.limit());
        Json.send(ctx, list);
    }

    private void dismiss(Context ctx) {
        String id = ctx.pathParam("id");
        if (!Caller.of(ctx).owns(job(ctx).owner())) {
            throw new ForbiddenResponse("job '" + id + "' is another user's: only its owner and the administrator "
                    + "may dismiss it");
        }
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

    private ServerLinks links(Context ctx) {
        return ServerLinks.of(ctx, server.port().getAsInt());
    }
}
