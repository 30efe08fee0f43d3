using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>Every fault ends in a clear state: one line saying what and where, the documented exit code, no lost data.</summary>
[Trait("Category", "Slow")]
public sealed class FaultTests : SweepCliTest
{
    private string Spec(string name, int trials, double stepSeconds) =>
        Cli.WriteSpec(TestSpecs.BraninFunction(name, trials, 1, TestSpecs.Random(1), steps: 10, stepSeconds: stepSeconds));

    [Fact]
    public async Task A_second_start_on_a_served_home_runs_through_that_silo_to_its_end()
    {
        using var first = Cli.Start(null, "start", Spec("first", 3, 0.2), "--home", Cli.Home, "--id", "first", "-f", "json");
        var firstOut = first.StandardOutput.ReadToEndAsync();
        var firstErr = first.StandardError.ReadToEndAsync();
        await SweepCli.WaitUntil(() => Task.FromResult(File.Exists(Path.Combine(Cli.Home, "silo.json"))), TimeSpan.FromSeconds(60), "the first silo serves");
        var (code, output, err) = await Cli.Run("start", Spec("second", 4, 0.1), "--home", Cli.Home, "--id", "second", "-f", "json");
        Assert.True(code == 0, err);
        Assert.Equal("completed", JsonNode.Parse(output)!["status"]!.GetValue<string>());
        await first.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(first.ExitCode == 0, await firstErr);
        Assert.Equal("completed", JsonNode.Parse(await firstOut)!["status"]!.GetValue<string>());
        Assert.Contains("this process also serves second", await firstErr);
    }

    [Fact]
    public async Task Sigterm_ends_any_sweep_with_143_and_a_killed_sweep_shows_as_interrupted()
    {
        using var sweep = Cli.Start(null, "start", Spec("term", 50, 0.2), "--home", Cli.Home, "--id", "term");
        var stderr = sweep.StandardError.ReadToEndAsync();
        await SweepCli.WaitUntil(async () => (await Cli.TryStatus("term"))?["trials"]?["running"]?.GetValue<int>() == 1, TimeSpan.FromSeconds(60), "a trial runs");
        using (var kill = Process.Start("kill", ["-TERM", sweep.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync();
        await sweep.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(sweep.ExitCode == 143, await stderr);

        using var killed = Cli.Start(null, "start", Spec("nine", 50, 0.2), "--home", Cli.Home, "--id", "nine");
        await SweepCli.WaitUntil(async () => (await Cli.TryStatus("nine"))?["trials"]?["running"]?.GetValue<int>() == 1, TimeSpan.FromSeconds(60), "a trial runs");
        killed.Kill();
        await killed.WaitForExitAsync();
        Assert.Equal("interrupted", (await Cli.Status("nine"))["status"]!.GetValue<string>());
        var (_, list, _) = await Cli.Run("list", "--home", Cli.Home);
        Assert.Contains("nine", list);
        Assert.Contains("interrupted", list);
    }

    [Fact]
    public async Task A_damaged_record_is_one_line_naming_it_and_the_other_sweeps_still_list()
    {
        foreach (var id in new[] { "good", "bad" })
        {
            var (code, _, err) = await Cli.Run("start", Spec(id, 2, 0), "--home", Cli.Home, "--id", id);
            Assert.True(code == 0, err);
        }
        using (var db = new SqliteConnection($"Data Source={Path.Combine(Cli.Home, "sweep.db")};Pooling=false"))
        {
            db.Open();
            using var damage = db.CreateCommand();
            damage.CommandText = "UPDATE grain_state SET payload = '{\"Id\": 12' WHERE state_name IN ('sweep', 'trial') AND grain_id LIKE '%bad%'";
            Assert.True(damage.ExecuteNonQuery() >= 2);
        }
        var (listCode, list, listErr) = await Cli.Run("list", "--home", Cli.Home);
        Assert.Equal(0, listCode);
        Assert.Contains("good", list);
        Assert.DoesNotContain("bad", list);
        var damaged = Assert.Single(listErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sweep list: the stored sweep record of ", damaged);
        Assert.Contains("bad", damaged);

        var (trialsCode, _, trialsErr) = await Cli.Run("trials", "good", "--home", Cli.Home);
        Assert.Equal(0, trialsCode);
        (trialsCode, _, trialsErr) = await Cli.Run("status", "bad", "--home", Cli.Home);
        Assert.Equal(1, trialsCode);
        var line = Assert.Single(trialsErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sweep status: the stored sweep record of ", line);
    }

    [TmpfsFact]
    public async Task A_full_disk_pauses_the_sweep_with_where_and_what_to_do_and_keeps_what_was_written()
    {
        var disk = Path.Combine(Cli.Directory, "disk");
        Directory.CreateDirectory(disk);
        Assert.True(Tmpfs.Mount(disk, "3m"));
        try
        {
            var home = Path.Combine(disk, "home");
            var spec = Cli.WriteSpec(TestSpecs.BraninFunction("full", 3, parallelTrials: null, steps: 1000000));
            var (code, _, err) = await Cli.Run("start", spec, "--home", home, "--id", "full");
            Assert.True(code == 1, err);
            Assert.Contains($"sweep full paused: disk full at {home} (writing {home}/sweep.db); free space, then `sweep resume full`", err);
            var (statusCode, status, statusErr) = await Cli.Run("status", "full", "--home", home, "-f", "json");
            Assert.True(statusCode == 0, statusErr);   // what was written before is intact and readable
            Assert.Equal("full", JsonNode.Parse(status)!["id"]!.GetValue<string>());
        }
        finally
        {
            Tmpfs.Unmount(disk);
        }
    }

    [Theory]
    [InlineData("trials")]
    [InlineData("list", "--format", "xml")]
    [InlineData("start")]
    public async Task Every_parse_error_is_exit_2_with_the_message_on_stderr(params string[] args)
    {
        var (code, output, err) = await Cli.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("sweep: ", err);
    }
}
