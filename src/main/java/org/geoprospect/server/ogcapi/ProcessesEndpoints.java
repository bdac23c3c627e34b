package org.geoprospect.server.ogcapi;

import org.geoprospect.server.http.ServerLinks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.server.execution.ProcessService;
import org.geoprospect.server.http.Caller;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.jobs.Job;
import org.geoprospect.server.jobs.JobManager;

import java.io.IOException;
import java.util.Locale;

/**
 * {@code /processes}: the process list in pages (OGC API – Processes' limit: default {@value #DEFAULT_LIMIT}, at
 * most {@value #MAX_LIMIT}; {@code offset}; a {@code next} link while there are more), each process's
 * description, and execution —
 * {@code POST /processes/{id}/execution} runs the process synchronously and answers with its results, or with
 * {@code Prefer: respond-async} accepts a job (201, {@code Location: /jobs/{id}}) and answers with its status.
 * Inputs are checked before a job exists; a synchronous job that fails is answered with its problem.
 */
public final class ProcessesEndpoints implements Endpoints {
    static final String NO_SUCH_PROCESS =
            "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process";
    /** The standard's limit.yaml. */
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 10_000;

    private final ProcessService server;
    private final JobResults results;

    public ProcessesEndpoints(ProcessService server) {
        this.server = server;
        this.results = new JobResults(server.jobs(), server.processes());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/processes", this::list);
        routes.get("/processes/{id}", ctx -> Json.send(ctx, ProcessDocuments.description(
                process(ctx).description(), links(ctx))));
        routes.post("/processes/{id}/execution", this::execute);
    }

    private void list(Context ctx) {
        Page page = Page.of(ctx, DEFAULT_LIMIT, MAX_LIMIT);
        ServerLinks links = links(ctx);
        ObjectNode list = Json.MAPPER.createObjectNode();
        ArrayNode processes = list.putArray("processes");
        var all = server.processes().all().values();
        all.stream().skip(page.offset()).limit(page.limit())
                .forEach(p -> processes.add(ProcessDocuments.summary(p.description(), links)));
        page.addLinks(links, list.putArray("links"), "/processes", "processes",
                (long) page.offset() + page.limit() < all.size());
        Json.send(ctx, list);
    }

    private void execute(Context ctx) throws IOException {
        GeoProcess process = process(ctx);
        ServerLinks links = links(ctx);
        ExecuteRequest request = ExecuteRequest.read(ctx.bodyAsBytes(), process.description());
        JobManager.Work work = server.execution().work(process, request.inputs(), links);
        String id = process.description().identifier();
        String prefer = ctx.header("Prefer");
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            Job job = server.jobs().submit(Caller.of(ctx).owner(), id, request.jobInputs(), work);
            ctx.header("Location", links.href("/jobs/" + job.id()));
            ctx.header("Preference-Applied", "respond-async");
            Json.send(ctx, 201, "application/json", StatusInfo.of(job, links));
        } else {
            Job job = server.jobs().run(Caller.of(ctx).owner(), id, request.jobInputs(), work);
            ctx.header("Link", "<" + links.href("/jobs/" + job.id()) + ">; rel=\"monitor\"");
            results.respond(ctx, job, request.selection(), links);
        }
    }

    private GeoProcess process(Context ctx) {
        String id = ctx.pathParam("id");
        return server.processes().get(id).orElseThrow(() -> new Problem.NotFoundException(NO_SUCH_PROCESS,
                "no process '" + id + "'; the processes are " + server.processes().all().keySet()));
    }

    private ServerLinks links(Context ctx) {
        return ServerLinks.of(ctx, server.port().getAsInt());
    }
}
