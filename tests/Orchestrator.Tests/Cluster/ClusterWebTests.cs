using System.Text.Json.Nodes;
using Sweep.Orchestrator.Tests.Engine;
using Sweep.Orchestrator.Tests.Web;

namespace Sweep.Orchestrator.Tests.Cluster;

/// <summary><c>sweep web --cluster</c>: a client that serves the cluster's pages and the dashboard of every silo.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class ClusterWebTests(PostgresServer server)
{
    [Fact]
    public async Task Sweep_web_on_a_cluster_lists_both_silos_in_the_dashboard_and_the_api()
    {
        using var run = new ClusterRun(server, "web");
        await run.StartSiloAsync("one");
        await run.StartSiloAsync("two");
        using var cli = new SweepCli();
        using var web = cli.Start(run.Env, "web", "--web", "127.0.0.1:0");
        try
        {
            var url = await WebApiTests.WebAddressAsync(web);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            JsonArray? hosts = null;
            await run.WaitUntilAsync(async () =>
            {
                hosts = JsonNode.Parse(await http.GetStringAsync(new Uri(url, "/dashboard/DashboardCounters")))!["hosts"]!.AsArray();
                return hosts.Count(h => h!["status"]!.GetValue<string>() == "Active") == 2;
            }, TimeSpan.FromSeconds(60), "the dashboard lists two active silos");
            var nodes = JsonNode.Parse(await http.GetStringAsync(new Uri(url, "/api/v1/nodes")))!.AsArray();
            Assert.Equal(["one", "two"], nodes.Select(n => n!["name"]!.GetValue<string>()).Order());
            Assert.Empty(JsonNode.Parse(await http.GetStringAsync(new Uri(url, "/api/v1/sweeps")))!.AsArray());
        }
        finally
        {
            web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }
    }
}
