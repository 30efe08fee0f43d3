using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Cluster;

/// <summary>
/// A real PostgreSQL server on a free loopback port, started by the project's own <c>deploy/local-cluster.sh up 0</c>
/// in a temp folder, shared by the cluster tests (each uses a cluster id of its own) and removed after them.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("sweep-pg-").FullName;

    /// <summary>postgres://sweep@127.0.0.1:PORT/sweep (no password: it is in <see cref="PassFile"/>).</summary>
    public string Url { get; private set; } = "";

    public string PassFile => Path.Combine(Directory, "pgpass");

    public static string Script => Path.Combine(SweepCli.RepoRoot(), "deploy", "local-cluster.sh");

    public async Task InitializeAsync()
    {
        await RunScriptAsync("up", "0");
        Url = ReadUrl();
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut) and starts it again on the same port.</summary>
    public async Task RestartAsync(TimeSpan down)
    {
        await RunScriptAsync("down");
        await Task.Delay(down);
        await RunScriptAsync("up", "0");
        Assert.Equal(Url, ReadUrl());
    }

    /// <summary>The URL the script wrote to <c>cluster.env</c>.</summary>
    private string ReadUrl() =>
        File.ReadLines(Path.Combine(Directory, "cluster.env")).Single(l => l.StartsWith("SWEEP_CLUSTER=", StringComparison.Ordinal))["SWEEP_CLUSTER=".Length..];

    /// <summary>Runs SQL as the sweep role (psql over TCP with the pgpass file); its output.</summary>
    public async Task<string> SqlAsync(string sql)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("psql", ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", Url, "-c", sql])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["PGPASSFILE"] = PassFile;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"psql failed: {error}");
        return output.Trim();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunScriptAsync("down", "--purge");
        }
        finally
        {
            if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private async Task RunScriptAsync(params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("bash", [Script, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["SWEEP_CLUSTER_DIR"] = Directory;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"local-cluster.sh {string.Join(" ", args)} failed ({p.ExitCode}): {await error}{await output}");
    }
}

/// <summary>The cluster tests share one PostgreSQL server and run one at a time (their silos time each other out under load).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "cluster";
}
