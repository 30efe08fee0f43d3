using System.Diagnostics;
using System.Text.Json.Nodes;
using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Cluster;

/// <summary>
/// One test's cluster: a cluster id of its own in the shared PostgreSQL, its own key file, real silo processes, and
/// the CLI run as a client of it (the environment carries SWEEP_CLUSTER, PGPASSFILE, SWEEP_CLUSTER_ID, SWEEP_KEY).
/// </summary>
public sealed class ClusterRun : IDisposable
{
    private readonly List<SiloProcess> _silos = [];

    public ClusterRun(PostgresServer server, string name)
    {
        Server = server;
        ClusterId = $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 60)];
        Directory = System.IO.Directory.CreateTempSubdirectory("sweep-cluster-").FullName;
        KeyFile = Path.Combine(Directory, "cluster-key.pfx");
        Marker = Path.Combine(Directory, $"objective-{ClusterId}.sh");
        File.Copy(Path.Combine(SweepCli.RepoRoot(), "examples", "objectives", "branin.sh"), Marker);
        File.SetUnixFileMode(Marker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public PostgresServer Server { get; }
    public string ClusterId { get; }
    public string Directory { get; }
    public string KeyFile { get; }

    /// <summary>This run's copy of the objective script: its path marks the trial processes in the process table.</summary>
    public string Marker { get; }

    public Dictionary<string, string> Env => new()
    {
        ["SWEEP_CLUSTER"] = Server.Url,
        ["PGPASSFILE"] = Server.PassFile,
        ["SWEEP_CLUSTER_ID"] = ClusterId,
        // A service of its own too: clusters of one service share its sweeps and nodes.
        ["SWEEP_SERVICE_ID"] = ClusterId,
        ["SWEEP_KEY"] = KeyFile,
    };

    /// <summary>Starts <c>sweep silo</c> named <paramref name="name"/> and waits until it has joined.</summary>
    public async Task<SiloProcess> StartSiloAsync(string name, int cpuSlots = 2, double stepSeconds = 0, params string[] extra)
    {
        var silo = Launch(name, cpuSlots, stepSeconds, extra);
        await silo.WaitJoinedAsync(TimeSpan.FromSeconds(120));
        return silo;
    }

    /// <summary>Starts <c>sweep silo</c> without waiting (a refused silo exits).</summary>
    public SiloProcess Launch(string name, int cpuSlots = 2, double stepSeconds = 0, params string[] extra)
    {
        // setsid: the silo leads a process group of its own, so freezing the group freezes nothing of the test's.
        var psi = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "dotnet", SweepCli.Dll, "silo", "--node", name, "--home", Path.Combine(Directory, name),
                                  "--silo-port", "0", "--gateway-port", "0", "--advertise", "127.0.0.1",
                                  "--cpu-slots", cpuSlots.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                                 .Concat(SweepCli.WithoutWeb(["silo", .. extra]).Skip(1)))
            psi.ArgumentList.Add(a);
        foreach (var (k, v) in Env) psi.Environment[k] = v;
        psi.Environment["SWEEP_STEP_SECONDS"] = stepSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var silo = new SiloProcess(name, Process.Start(psi)!);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Runs a CLI verb as a client of this cluster.</summary>
    public Task<(int Code, string Out, string Err)> Sweep(params string[] args) => Sweep(null, args);

    public async Task<(int Code, string Out, string Err)> Sweep(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var all = Env;
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) all[k] = v;
        using var cli = new SweepCli();
        return await cli.Run(all, args);
    }

    /// <summary>A spec of <paramref name="maxTrials"/> command trials running this run's objective script.</summary>
    public string Spec(string name, int maxTrials, int parallel, string extraBudget = "", string extraTrial = "") =>
        WriteSpec(name, $$"""
            apiVersion: sweep/v1
            name: {{name}}
            metric: { name: value, goal: minimize }
            sampler: { type: random, seed: 7 }
            budget: { maxTrials: {{maxTrials}}, parallelTrials: {{parallel}}{{extraBudget}} }
            parameters:
              x1: { type: float, low: -5, high: 10 }
              x2: { type: float, low: 0, high: 15 }
            trial:
              command: {{Marker}} --set x1=${x1} --set x2=${x2}
            {{extraTrial}}
            """);

    /// <summary>Writes <paramref name="text"/> as this run's spec <paramref name="name"/>.yaml; its path.</summary>
    public string WriteSpec(string name, string text)
    {
        var path = Path.Combine(Directory, $"{name}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Starts a sweep (returns once it is stored) and gives its id.</summary>
    public async Task<string> StartSweepAsync(string spec, string id)
    {
        var (code, output, error) = await Sweep("start", spec, "--id", id);
        Assert.True(code == 0, $"start failed ({code}): {error}\n{Logs()}");
        Assert.Equal(id, output.Trim());
        return id;
    }

    public async Task<JsonArray> TrialsAsync(string id)
    {
        var (code, output, error) = await Sweep("trials", id, "-f", "json");
        Assert.True(code == 0, error);
        return JsonNode.Parse(output)!.AsArray();
    }

    public async Task<JsonObject> StatusAsync(string id)
    {
        var (code, output, error) = await Sweep("status", id, "-f", "json");
        Assert.True(code == 0, error);
        return JsonNode.Parse(output)!.AsObject();
    }

    /// <summary>Waits until silo <paramref name="node"/> runs a trial of the sweep (one that has reported a step, when asked); that trial.</summary>
    public async Task<JsonNode> RunningTrialAsync(string id, string node, bool reported = false)
    {
        JsonNode? found = null;
        await WaitUntilAsync(async () => (found = (await TrialsAsync(id)).FirstOrDefault(t =>
            t!["state"]!.GetValue<string>() == "running" && t["node"]?.GetValue<string>() == node && (!reported || t["last_step"] is not null))) is not null,
            TimeSpan.FromSeconds(60), $"silo {node} runs a trial{(reported ? " that has reported" : "")}");
        return found!;
    }

    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out after {timeout.TotalSeconds} s waiting until {what}\n{Logs()}");
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// The acceptance end state: the sweep rested with exactly <paramref name="maxTrials"/> terminal trials, numbered
    /// once each (none lost, none counted twice, by the export), and no trial process of this run left.
    /// </summary>
    public async Task<JsonArray> AssertCleanEndAsync(string id, int maxTrials, TimeSpan timeout)
    {
        await WaitUntilAsync(async () => (await StatusAsync(id))["status"]!.GetValue<string>() is "completed" or "failed", timeout, $"sweep {id} rests");
        var (code, output, error) = await Sweep("export", id, "-f", "json");
        Assert.True(code == 0, error);
        var export = JsonNode.Parse(output)!.AsObject();
        var trials = export["trials"]!.AsArray();
        WithLogs(() =>
        {
            Assert.Equal(Enumerable.Range(0, maxTrials), trials.Select(t => t!["number"]!.GetValue<int>()).Order());
            Assert.All(trials, t => Assert.Contains(t!["state"]!.GetValue<string>(), new[] { "complete", "pruned", "failed" }));
            // The stored sweep record counts exactly what its stored trials say, state by state.
            var counts = export["sweep"]!["trials"]!.AsObject();
            foreach (var state in new[] { "complete", "pruned", "failed" })
            {
                var stored = trials.Count(t => t!["state"]!.GetValue<string>() == state);
                Assert.True(stored == counts[state]!.GetValue<int>(), $"the sweep record counts {counts[state]} {state} trials, its trials {stored}:\n{output}");
            }
        });
        await WaitUntilAsync(() => Task.FromResult(SweepCli.ProcessesWith(Marker).Count == 0), TimeSpan.FromSeconds(30), "no trial process is left");
        return trials;
    }

    /// <summary>Runs <paramref name="assertions"/>; a failure carries the silos' logs, which a later run cannot give back.</summary>
    public void WithLogs(Action assertions)
    {
        try
        {
            assertions();
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{Logs(lines: 400)}", e);
        }
    }

    /// <summary>The last <paramref name="lines"/> lines of each silo's log, for failure messages.</summary>
    public string Logs(int lines = 25) => string.Join("\n", _silos.Select(s => $"--- silo {s.Name} (pid {s.Pid}{(s.HasExited ? $", exited {s.ExitCode}" : "")}):\n{s.Tail(lines)}"));

    public void Dispose()
    {
        foreach (var s in _silos) s.Dispose();
        foreach (var pid in SweepCli.ProcessesWith(Marker))
        {
            try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
        }
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
