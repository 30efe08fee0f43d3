using System.Text.Json;
using Microsoft.Playwright;
using Sweep.Orchestrator.Tests.Engine;
using Xunit.Abstractions;

namespace Sweep.Orchestrator.Tests.Web;

/// <summary>
/// The pages in Debian's chromium (driven by Playwright, no browser download) against a silo running a small command
/// sweep: no console errors, the trials table fills as trials finish, every chart draws, the dashboard lists the
/// silo. Screenshots go to TestResults/screenshots beside the test assembly.
/// </summary>
[Trait("Category", "Browser")]
[Collection(WebCollection.Name)]
public sealed class BrowserTests(ITestOutputHelper output) : SweepCliTest
{
    private const int Trials = 6;

    private static readonly string[] Charts = ["chart-history", "chart-curves", "chart-parallel", "chart-importance", "chart-slice", "chart-nodes"];

    /// <summary>Pixels of the element's canvases that are not transparent: ECharts draws on canvas.</summary>
    private const string DrawnPixels = """
        id => [...document.querySelectorAll('#' + id + ' canvas')].reduce((sum, c) => {
          const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
          return sum + n;
        }, 0)
        """;

    [Fact]
    public async Task Sweep_pages_draw_live_trials_and_charts_and_the_dashboard_lists_the_silo()
    {
        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(shots);
        output.WriteLine($"screenshots: {shots}");

        using var silo = await WebSilo.StartAsync(Cli, stepSeconds: 1.5);
        var script = Cli.BraninScript();
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(TestSpecs.BraninCommand("web-command", script, Trials, 2, TestSpecs.Random(5))), "--home", Cli.Home, "--id", "live", "--detach");
        Assert.True(code == 0, err);
        // Paused until the page shows it, so the page must follow the sweep live however fast the machine runs it.
        var (pauseCode, _, pauseErr) = await Cli.Run("pause", "live", "--home", Cli.Home);
        Assert.True(pauseCode == 0, pauseErr);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"console: {m.Text} ({m.Location})"); };
        page.PageError += (_, e) => errors.Add($"page error: {e}");
        page.RequestFailed += (_, r) => errors.Add($"request failed: {r.Url} {r.Failure}");

        await page.GotoAsync(new Uri(silo.Url, "/").ToString());
        await page.Locator("#sweeps tbody tr a", new() { HasText = "live" }).WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "sweeps.png"), FullPage = true });

        await page.GotoAsync(new Uri(silo.Url, "/sweeps/live").ToString());
        // The table follows the sweep: rows appear while trials run, and all of them end complete.
        await page.Locator("#trials tbody tr").First.WaitForAsync(new() { Timeout = 30_000 });
        var (resumeCode, _, resumeErr) = await Cli.Run("resume", "live", "--home", Cli.Home, "--detach");
        Assert.True(resumeCode == 0, resumeErr);
        var sawUnfinished = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (await page.Locator("#trials tbody tr[data-state=complete]").CountAsync() < Trials)
        {
            sawUnfinished = true;
            Assert.True(DateTime.UtcNow < deadline, $"the table did not reach {Trials} complete rows:\n{await page.Locator("#trials").InnerTextAsync()}\n{silo.Log}");
            await Task.Delay(250);
        }
        Assert.True(sawUnfinished, "the sweep was over before the page showed it: nothing proves the page updates live");
        Assert.Equal(Trials, await page.Locator("#trials tbody tr").CountAsync());
        await Task.Delay(2500);     // one more refresh: the charts of the last trial
        foreach (var chart in Charts)
            Assert.True(await page.EvaluateAsync<int>(DrawnPixels, chart) > 500, $"{chart} drew nothing");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "sweep.png"), FullPage = true });

        // Sorting and filtering happen in the page.
        await page.Locator("#trials th[data-key=value]").ClickAsync();
        var values = await page.Locator("#trials tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.Equal(values.Select(double.Parse).Order(), values.Select(double.Parse));
        await page.Locator("#state-filter").SelectOptionAsync("failed");
        Assert.Equal(0, await page.Locator("#trials tbody tr").CountAsync());
        await page.Locator("#state-filter").SelectOptionAsync("");

        await page.GotoAsync(new Uri(silo.Url, "/sweeps/live/trials/0").ToString());
        await page.Locator("#stdout", new() { HasText = "progress" }).WaitForAsync(new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<int>(DrawnPixels, "chart-curve") > 500, "the trial's curve drew nothing");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "trial.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // The Orleans dashboard: its counters list this silo as active; its own page is kept as a screenshot.
        var counters = await page.EvaluateAsync<JsonElement>("() => fetch('/dashboard/DashboardCounters').then(r => r.json())");
        var host = Assert.Single(counters.GetProperty("hosts").EnumerateArray());
        Assert.Equal("Active", host.GetProperty("status").GetString());
        await page.GotoAsync(new Uri(silo.Url, "/dashboard/").ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "dashboard.png"), FullPage = true });
    }
}
