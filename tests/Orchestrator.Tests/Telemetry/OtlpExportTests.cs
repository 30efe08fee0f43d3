using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Telemetry;

/// <summary>`--otlp-endpoint` on the real `sweep` executable: metrics reach a collector; a bad URL is a usage error.</summary>
public sealed class OtlpExportTests : SweepCliTest
{
    private static readonly string Spec = TestSpecs.BraninFunction("otlp", 4, sampler: TestSpecs.Random(3));

    [Fact]
    public async Task Start_with_otlp_endpoint_posts_the_sweep_metrics_to_the_collector()
    {
        using var collector = new OtlpReceiver();
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(Spec), "--home", Cli.Home, "--id", "otlp-run", "--otlp-endpoint", collector.Url);
        Assert.True(code == 0, err);
        // The silo flushes its metrics when it stops, before the process exits.
        var posts = collector.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/metrics").ToList();
        Assert.True(posts.Count > 0, $"no POST /v1/metrics; got: {string.Join(", ", collector.Requests.Select(r => $"{r.Method} {r.Path}"))}");
        Assert.All(posts, p => Assert.Equal("application/x-protobuf", p.ContentType));
        var body = Encoding.UTF8.GetString([.. posts.SelectMany(p => p.Body)]);
        foreach (var expected in new[] { "sweep.trials.started", "sweep.trials.completed", "sweep.ask.duration", "otlp-run", "Microsoft.Orleans" })
            Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_detach_hands_the_endpoint_to_the_background_silo_which_flushes_on_sigterm()
    {
        using var collector = new OtlpReceiver();
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(Spec), "--home", Cli.Home, "--id", "otlp-bg", "--detach", "--otlp-endpoint", collector.Url);
        Assert.True(code == 0, err);
        await SweepCli.WaitUntil(async () => await Cli.TryStatus("otlp-bg") is { } s && s["status"]!.GetValue<string>() == "completed",
                                 TimeSpan.FromSeconds(60), "the background sweep completed");
        var silo = JsonNode.Parse(File.ReadAllText(Path.Combine(Cli.Home, "silo.json")))!["ProcessId"]!.GetValue<int>();
        Assert.Contains(silo, SweepCli.ProcessesWith(collector.Url));
        using (var process = Process.GetProcessById(silo))
        {
            Assert.Equal(0, (await SweepCli.Exec("kill", "-TERM", silo.ToString(CultureInfo.InvariantCulture))).Code);
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(stopped.Token);
        }
        var body = Encoding.UTF8.GetString([.. collector.Requests.Where(r => r.Path == "/v1/metrics").SelectMany(r => r.Body)]);
        Assert.Contains("otlp-bg", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--otlp-endpoint", "ftp://collector:4318")]
    [InlineData("--otlp-endpoint", "collector:4318")]
    [InlineData("--otlp-endpoint", "/v1/metrics")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "localhost")]
    public async Task A_bad_otlp_endpoint_exits_2_with_one_line_and_starts_nothing(string source, string url)
    {
        var env = source.StartsWith("--", StringComparison.Ordinal) ? null : new Dictionary<string, string> { [source] = url };
        string[] flag = env is null ? [source, url] : [];
        var (code, output, err) = await Cli.Run(env, ["start", Cli.WriteSpec(Spec), "--home", Cli.Home, .. flag]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"sweep start: {source} '{url}': ", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Cli.Home, "sweep.db")));

        (code, _, err) = await Cli.Run(env, ["silo", "--home", Cli.Home, "--exit-when-idle", "1", .. flag]);
        Assert.Equal(2, code);
        Assert.StartsWith($"sweep silo: {source} '{url}': ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Otlp_endpoint_on_a_cluster_start_is_a_usage_error()
    {
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(Spec), "--cluster", "postgres://sweep@127.0.0.1:1/sweep", "--otlp-endpoint", "http://127.0.0.1:4318");
        Assert.Equal(2, code);
        Assert.Contains("--otlp-endpoint is for the process that hosts a silo", err, StringComparison.Ordinal);
    }
}
