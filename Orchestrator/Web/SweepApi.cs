using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Commands.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Output;
using Sweep.SearchSpaces.Importance;

namespace Sweep.Orchestrator.Web;

/// <summary>
/// <c>/api/v1</c>: the JSON the pages draw, in the shapes the read verbs print (<see cref="SweepViews"/>), and the
/// control actions of <c>sweep stop|cancel|pause|resume</c>. See docs/web-api.md.
/// </summary>
internal static class SweepApi
{
    private const int LogLines = 200;

    private static readonly Dictionary<string, Func<ISweepGrain, Task<SweepInfo>>> Actions = new(StringComparer.Ordinal)
    {
        ["stop"] = s => s.StopAsync(),
        ["cancel"] = s => s.CancelAsync(),
        ["pause"] = s => s.PauseAsync(),
        ["resume"] = s => s.ResumeAsync(),
    };

    public static void Map(IEndpointRouteBuilder app, WebSource source)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/sweeps", async (CancellationToken ct) =>
        {
            using var store = source.OpenStore();
            var served = await source.IsServedAsync(ct);
            return Json(new JsonArray([.. store.Sweeps(_ => { }).Select(s => (JsonNode)SweepViews.Sweep(s, served))]));
        });
        api.MapGet("/sweeps/{id}", (string id, CancellationToken ct) => ReadAsync(source, async store =>
        {
            var sweep = store.Sweep(id);
            var view = SweepViews.Sweep(sweep, await source.IsServedAsync(ct));
            view["parameters"] = new JsonArray([.. Space(sweep).Keys.Select(k => (JsonNode?)k)]);
            return Json(view);
        }));
        api.MapGet("/sweeps/{id}/trials", (string id) => ReadAsync(source, store =>
        {
            store.Sweep(id);
            var trials = store.Trials(id);
            var runs = ConfigRuns.Of(trials);
            return Task.FromResult(Json(new JsonArray([.. trials.Select(t => (JsonNode)WithCurve(t, runs))])));
        }));
        api.MapGet("/sweeps/{id}/trials/{number:int}", (string id, int number) => ReadAsync(source, store =>
        {
            store.Sweep(id);
            var trials = store.Trials(id);
            var trial = trials.FirstOrDefault(t => t.Number == number)
                ?? throw new UsageException($"sweep {id} has no trial {number.ToString(CultureInfo.InvariantCulture)}");
            var view = WithCurve(trial, ConfigRuns.Of(trials));
            view["stderr_tail"] = new JsonArray([.. trial.StderrTail.Select(l => (JsonNode?)l)]);
            view["logs"] = Logs(source, id, number);
            return Task.FromResult(Json(view));
        }));
        api.MapGet("/sweeps/{id}/importance", (string id) => ReadAsync(source, store =>
        {
            var sweep = store.Sweep(id);
            var space = Space(sweep);
            var samples = SweepImportance.Samples(space, store.Trials(id));
            var result = new JsonObject { ["trials_used"] = samples.Count, ["importance"] = new JsonArray() };
            // Importance needs a few finished trials to say anything.
            if (samples.Count < 2 || space.Count == 0) return Task.FromResult(Json(result));
            try
            {
                result["importance"] = new JsonArray([.. FanovaImportance.Evaluate(space, samples)
                    .Select(p => (JsonNode?)new JsonObject { ["name"] = p.Name, ["importance"] = double.IsFinite(p.Importance) ? p.Importance : null })]);
            }
            catch (ArgumentException e)
            {
                result["error"] = e.Message;    // the trials so far do not fit the evaluator (yet)
            }
            return Task.FromResult(Json(result));
        }));
        api.MapGet("/nodes", (HttpRequest request) =>
        {
            using var store = source.OpenStore();
            var now = DateTime.UtcNow;
            var all = request.Query.ContainsKey("all");
            return Json(new JsonArray([.. store.Nodes().Where(n => all || n.Devices.Length > 0 && now - n.LastSeenUtc < ReadCommands.NodeSilence)
                .Select(n => (JsonNode)SweepViews.Node(n, now))]));
        });
        api.MapPost("/sweeps/{id}/{action}", (string id, string action) => ReadAsync(source, async store =>
        {
            if (!Actions.TryGetValue(action, out var act)) return Error(StatusCodes.Status404NotFound, $"no action '{action}': use stop, cancel, pause or resume");
            store.Sweep(id);
            try
            {
                return Json(SweepViews.Sweep(await act(source.Grains().GetGrain<ISweepGrain>(id))));
            }
            catch (InvalidOperationException e)
            {
                return Error(StatusCodes.Status409Conflict, $"{action} sweep {id}: {e.Message}");
            }
        }));
        api.Map("/{**rest}", (string? rest) => Error(StatusCodes.Status404NotFound, $"no API at /api/v1/{rest} (see docs/web-api.md)"));
    }

    /// <summary>Runs a read against a fresh store; an unknown sweep or trial is a 404.</summary>
    private static async Task<IResult> ReadAsync(WebSource source, Func<Store.SweepStore, Task<IResult>> read)
    {
        try
        {
            using var store = source.OpenStore();
            return await read(store);
        }
        catch (UsageException e)
        {
            return Error(StatusCodes.Status404NotFound, e.Message);
        }
    }

    /// <summary>A trial as <c>sweep trials</c> prints it, with its intermediate values (step → value) for the curves.</summary>
    private static JsonObject WithCurve(TrialInfo t, IReadOnlyDictionary<string, ConfigRuns> runs)
    {
        var view = SweepViews.Trial(t, runs: runs);
        view["intermediate"] = new JsonObject(t.Intermediate.Select(kv =>
            KeyValuePair.Create(kv.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)(double.IsFinite(kv.Value) ? kv.Value : null))));
        return view;
    }

    private static JsonObject? Logs(WebSource source, string sweepId, int number)
    {
        if (source.TrialsDirectory is not { } root) return null;
        var dir = Hosting.SweepHome.TrialDirectory(root, sweepId, number);
        var stdout = LogTail.Read(Path.Combine(dir, "stdout.log"), LogLines);
        var stderr = LogTail.Read(Path.Combine(dir, "stderr.log"), LogLines);
        if (stdout is null && stderr is null) return null;
        return new JsonObject
        {
            ["stdout"] = stdout is null ? null : new JsonArray([.. stdout.Select(l => (JsonNode?)l)]),
            ["stderr"] = stderr is null ? null : new JsonArray([.. stderr.Select(l => (JsonNode?)l)]),
        };
    }

    private static Dictionary<string, SearchSpaces.Distributions.Distribution> Space(SweepInfo sweep) =>
        SweepPlan.Parse(sweep.SpecText, sweep.Id).Spec.Space.Parameters.ToDictionary(p => p.Name, p => p.Distribution, StringComparer.Ordinal);

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(JsonOptions.Compact), "application/json; charset=utf-8");

    private static IResult Error(int status, string message) => Results.Json(new ErrorBody(message), statusCode: status);
}
