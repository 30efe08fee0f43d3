using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Report;

/// <summary><c>sweep report</c> of a sweep whose trials all failed: the page is written, the figures are not, and it says why.</summary>
[Trait("Category", "Slow")]
public sealed class ReportWithoutResultsTests : SweepCliTest
{
    [Fact]
    public async Task A_sweep_without_a_complete_trial_gets_its_page_and_a_note_instead_of_figures()
    {
        var spec = Cli.WriteSpec(TestSpecs.UnitCommand("fails", "exit 3", 2));
        await Cli.Run("start", spec, "--home", Cli.Home, "--id", "fails");
        Assert.Equal(2, (await Cli.Status("fails"))["trials"]!["failed"]!.GetValue<int>());

        var folder = Path.Combine(Cli.Directory, "report");
        var (code, output, err) = await Cli.Run("report", "fails", "--home", Cli.Home, "-o", folder);
        Assert.True(code == 0, err);
        Assert.Equal(Path.Combine(folder, "report.html") + "\n", output);
        Assert.Contains("sweep report: no complete trial yet", err, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("no complete trial yet", html, StringComparison.Ordinal);
        Assert.Contains("No complete trial yet.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Equal(["report.html"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }
}
