using System.Net;
using System.Text.Json.Nodes;
using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Web;

/// <summary>The JSON API of a silo's web host: shapes, 404s, and the control actions, against real sweeps.</summary>
[Collection(WebCollection.Name)]
public sealed class WebApiTests : SweepCliTest
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Api_serves_sweeps_trials_importance_and_nodes_in_the_read_verbs_shapes()
    {
        using var silo = await WebSilo.StartAsync(Cli);
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(TestSpecs.BraninFunction("web", 5, sampler: TestSpecs.Random(3))), "--home", Cli.Home, "--id", "api");
        Assert.True(code == 0, err);

        var sweeps = await GetArray(silo, "api/v1/sweeps");
        var sweep = Assert.Single(sweeps)!.AsObject();
        Assert.Equal("api", sweep["id"]!.GetValue<string>());
        Assert.Equal("completed", sweep["status"]!.GetValue<string>());
        Assert.Equal(5, sweep["trials"]!["complete"]!.GetValue<int>());

        var one = await GetObject(silo, "api/v1/sweeps/api");
        Assert.Equal(["x1", "x2"], one["parameters"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(sweep["best_value"]!.GetValue<double>(), one["best_value"]!.GetValue<double>());

        var trials = await GetArray(silo, "api/v1/sweeps/api/trials");
        Assert.Equal([0, 1, 2, 3, 4], trials.Select(t => t!["number"]!.GetValue<int>()));
        Assert.All(trials, t =>
        {
            Assert.Equal("complete", t!["state"]!.GetValue<string>());
            Assert.NotNull(t["params"]!["x1"]);
            Assert.IsType<JsonObject>(t["intermediate"]);
        });
        // The same trials `sweep trials -f json` prints, plus the curves.
        var cliTrials = await Cli.Trials("api");
        Assert.Equal(cliTrials.Select(t => t!["value"]!.GetValue<double>()), trials.Select(t => t!["value"]!.GetValue<double>()));

        var trial = await GetObject(silo, "api/v1/sweeps/api/trials/2");
        Assert.Equal(2, trial["number"]!.GetValue<int>());
        Assert.IsType<JsonArray>(trial["stderr_tail"]);

        var importance = await GetObject(silo, "api/v1/sweeps/api/importance");
        Assert.Equal(5, importance["trials_used"]!.GetValue<int>());
        Assert.Equal(["x1", "x2"], importance["importance"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order());

        var node = Assert.Single(await GetArray(silo, "api/v1/nodes"))!;
        Assert.Equal(2, node["slots"]!.GetValue<int>());

        foreach (var (method, path) in new[] { ("GET", "api/v1/sweeps/nope"), ("GET", "api/v1/sweeps/nope/trials"), ("GET", "api/v1/sweeps/api/trials/99"),
                                               ("GET", "api/v1/sweeps/nope/importance"), ("POST", "api/v1/sweeps/nope/stop"),
                                               ("POST", "api/v1/sweeps/api/explode"), ("GET", "api/v1/no/such/thing") })
        {
            using var response = await Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(silo.Url, path)));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {response.StatusCode}");
            var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(error), $"{method} {path}");
        }
    }

    [Fact]
    public async Task Pause_resume_and_cancel_through_the_api_drive_the_sweep()
    {
        using var silo = await WebSilo.StartAsync(Cli, stepSeconds: 0.5);
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(TestSpecs.BraninCommand("web-command", Cli.BraninScript(), 20, 2, TestSpecs.Random(5))), "--home", Cli.Home, "--id", "ctl", "--detach");
        Assert.True(code == 0, err);

        Assert.Equal("paused", (await Post(silo, "api/v1/sweeps/ctl/pause"))["status"]!.GetValue<string>());
        Assert.Equal("paused", (await GetObject(silo, "api/v1/sweeps/ctl"))["status"]!.GetValue<string>());
        Assert.Equal("running", (await Post(silo, "api/v1/sweeps/ctl/resume"))["status"]!.GetValue<string>());
        Assert.Equal("cancelled", (await Post(silo, "api/v1/sweeps/ctl/cancel"))["status"]!.GetValue<string>());
        Assert.Equal("cancelled", (await Cli.Status("ctl"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_with_port_zero_prints_the_bound_address_and_serves_the_api_and_metrics_while_it_runs()
    {
        using var start = Cli.Start(new Dictionary<string, string> { ["SWEEP_STEP_SECONDS"] = "0.4" },
                                    "start", Cli.WriteSpec(TestSpecs.BraninCommand("web-command", Cli.BraninScript(), 4, 2, TestSpecs.Random(5))), "--home", Cli.Home, "--id", "own", "--web", "127.0.0.1:0");
        var url = await WebAddressAsync(start);
        // The page is up before the sweep is stored: it shows once it is.
        JsonArray sweeps = [];
        for (var i = 0; i < 120 && sweeps.Count == 0; i++, await Task.Delay(250))
        {
            using var response = await Http.GetAsync(new Uri(url, "api/v1/sweeps"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            sweeps = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        }
        Assert.Equal("own", sweeps[0]!["id"]!.GetValue<string>());
        // The silo's meters as Prometheus text, ours and Orleans'.
        var metrics = "";
        for (var i = 0; i < 60 && !metrics.Contains("sweep_trials_started_total", StringComparison.Ordinal); i++, await Task.Delay(250))
            metrics = await Http.GetStringAsync(new Uri(url, "metrics"));
        Assert.Contains("sweep_trials_started_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);
        await start.WaitForExitAsync();
        Assert.Equal(0, start.ExitCode);
    }

    [Fact]
    public async Task A_taken_port_stops_start_before_the_sweep_with_one_line()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (code, output, err) = await Cli.Run("start", Cli.WriteSpec(TestSpecs.BraninFunction("web", 2, sampler: TestSpecs.Random(3))), "--home", Cli.Home, "--id", "taken", "--web", $"127.0.0.1:{port}");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"sweep start: --web 127.0.0.1:{port}: cannot listen there", line);
        Assert.Contains("--no-web", line);
        var (listCode, list, _) = await Cli.Run("list", "--home", Cli.Home, "-f", "json");
        Assert.True(listCode != 0 || JsonNode.Parse(list)!.AsArray().Count == 0, list);
    }

    /// <summary>Reads the process's stderr until its <c>web: URL</c> line.</summary>
    internal static async Task<Uri> WebAddressAsync(System.Diagnostics.Process process)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var seen = new System.Text.StringBuilder();
        while (await process.StandardError.ReadLineAsync(cts.Token) is { } line)
        {
            seen.AppendLine(line);
            if (WebSilo.WebLine().Match(line) is { Success: true } m)
            {
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);    // keep the pipe drained
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new Uri(m.Groups[1].Value);
            }
        }
        throw new InvalidOperationException($"no 'web: URL' line on stderr:\n{seen}");
    }

    [Fact]
    public async Task Api_carries_stage_seed_and_the_mean_of_a_reevaluated_config()
    {
        using var silo = await WebSilo.StartAsync(Cli);
        var spec = TestSpecs.BraninFunction("web", 4, sampler: TestSpecs.Random(3)).Replace("function: branin", "function: branin-noisy", StringComparison.Ordinal)
                                       .Replace("parallelTrials: 2", "parallelTrials: 2, reevaluate: { top: 1, seeds: 2 }", StringComparison.Ordinal);
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(spec), "--home", Cli.Home, "--id", "re");
        Assert.True(code == 0, err);

        var sweep = await GetObject(silo, "api/v1/sweeps/re");
        Assert.Equal(("mean", 3, 2), (sweep["ranking"]!.GetValue<string>(), sweep["best_runs"]!.GetValue<int>(), sweep["reevaluations"]!.GetValue<int>()));
        var trials = await GetArray(silo, "api/v1/sweeps/re/trials");
        Assert.Equal(["search", "search", "search", "search", "reevaluation", "reevaluation"], trials.Select(t => t!["stage"]!.GetValue<string>()));
        var best = sweep["best_trial"]!.GetValue<int>();
        var runs = trials.Where(t => t!["number"]!.GetValue<int>() == best || t!["reevaluates"]?.GetValue<int>() == best).ToList();
        Assert.Equal(3, runs.Count);
        var mean = runs.Average(t => t!["value"]!.GetValue<double>());
        Assert.All(runs, t => Assert.Equal((mean, 3), (t!["mean"]!.GetValue<double>(), t["runs"]!.GetValue<int>())));
        Assert.Equal(mean, sweep["best_value"]!.GetValue<double>(), 9);
        Assert.Equal(3, runs.Select(t => t!["seed"]!.GetValue<int>()).Distinct().Count());
    }

    private static async Task<JsonArray> GetArray(WebSilo silo, string path) => JsonNode.Parse(await Get(silo, path))!.AsArray();

    private static async Task<JsonObject> GetObject(WebSilo silo, string path) => JsonNode.Parse(await Get(silo, path))!.AsObject();

    private static async Task<string> Get(WebSilo silo, string path)
    {
        using var response = await Http.GetAsync(new Uri(silo.Url, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode} {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return body;
    }

    private static async Task<JsonObject> Post(WebSilo silo, string path)
    {
        using var response = await Http.PostAsync(new Uri(silo.Url, path), null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {response.StatusCode} {body}\n{silo.Log}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
