using System.Net;
using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Web;

/// <summary>The token: 401 without it on pages, API calls, actions and the dashboard; 200 with it; never logged.</summary>
[Collection(WebCollection.Name)]
public sealed class WebAccessTests : SweepCliTest
{
    private const string Token = "s3cret-token-0123456789abcdef";

    [Fact]
    public async Task Without_the_token_every_request_gets_401_and_with_it_200_and_the_token_is_never_logged()
    {
        var tokenFile = TokenFile(Token);
        using var silo = await WebSilo.StartAsync(Cli, 1.0, "--token-file", tokenFile);
        // Slow trials: the sweep usually still runs when the authorised stop arrives.
        var (code, _, startErr) = await Cli.Run("start", Cli.WriteSpec(TestSpecs.BraninCommand("web-command", Cli.BraninScript(), 4, 2, TestSpecs.Random(5))), "--home", Cli.Home, "--id", "tok", "--detach");
        Assert.True(code == 0, startErr);

        var requests = new[] { ("GET", "/"), ("GET", "/sweeps/tok"), ("GET", "/api/v1/sweeps"), ("GET", "/api/v1/sweeps/tok/trials"),
                               ("POST", "/api/v1/sweeps/tok/stop"), ("GET", "/dashboard/DashboardCounters"), ("GET", "/assets/app.js") };
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        foreach (var (method, path) in requests)
        {
            using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(silo.Url, path)));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without a token: {response.StatusCode}");
            using var wrong = new HttpRequestMessage(new HttpMethod(method), new Uri(silo.Url, path));
            wrong.Headers.Authorization = new("Bearer", Token + "x");
            using var refused = await anonymous.SendAsync(wrong);
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with a wrong token: {refused.StatusCode}");
        }
        foreach (var (method, path) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(silo.Url, path));
            request.Headers.Authorization = new("Bearer", Token);
            using var response = await anonymous.SendAsync(request);
            // The stop may land after the sweep ended on a loaded machine: 409 is the sweep's answer, past the token check.
            var allowed = method == "POST" ? new[] { HttpStatusCode.OK, HttpStatusCode.Conflict } : [HttpStatusCode.OK];
            Assert.True(allowed.Contains(response.StatusCode), $"{method} {path} with the token: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        // A browser: ?token= once sets an HttpOnly cookie and drops the token from the address.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        using (var first = await browser.GetAsync(new Uri(silo.Url, "/sweeps/tok?token=" + Token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal("/sweeps/tok", first.Headers.Location!.OriginalString);
            Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        }
        using (var next = await browser.GetAsync(new Uri(silo.Url, "/api/v1/sweeps/tok"))) Assert.Equal(HttpStatusCode.OK, next.StatusCode);

        Assert.DoesNotContain(Token, silo.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, startErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("start")]
    public async Task A_public_bind_without_a_token_file_refuses_to_start(string verb)
    {
        string[] args = verb == "silo"
            ? ["silo", "--home", Cli.Home, "--web", "0.0.0.0:0"]
            : ["start", Cli.WriteSpec(TestSpecs.BraninFunction("web", 2, sampler: TestSpecs.Random(3))), "--home", Cli.Home, "--web", "0.0.0.0:0"];
        var (code, _, err) = await Cli.Run(args);
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"sweep {verb}: --web 0.0.0.0:0 is reachable from other machines: give --token-file FILE (a secret every request must carry)", line);
    }

    [Fact]
    public async Task Bad_web_flags_are_usage_errors_naming_the_flag()
    {
        var loose = TokenFile(Token);
        File.SetUnixFileMode(loose, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var cases = new (string[] Args, string Error)[]
        {
            (["silo", "--home", Cli.Home, "--web", "nowhere"], "sweep silo: --web 'nowhere': give HOST:PORT"),
            (["silo", "--home", Cli.Home, "--web", "example.org:80"], "sweep silo: --web 'example.org:80': the host must be an IP address or localhost"),
            (["silo", "--home", Cli.Home, "--token-file", Path.Combine(Cli.Directory, "missing")], $"sweep silo: --token-file {Path.Combine(Cli.Directory, "missing")} does not exist"),
            (["silo", "--home", Cli.Home, "--token-file", loose], $"sweep silo: --token-file {loose} is readable by others"),
            (["silo", "--home", Cli.Home, "--no-web", "--web", "127.0.0.1:0"], "sweep silo: --no-web cannot go with --web or --token-file"),
            (["web"], "sweep web: give --cluster URL"),
        };
        foreach (var (args, error) in cases)
        {
            var (code, _, err) = await Cli.Run(args);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}\n{err}");
            Assert.StartsWith(error, err);
        }
    }

    private string TokenFile(string token)
    {
        var path = Path.Combine(Cli.Directory, $"token-{Guid.NewGuid():N}");
        File.WriteAllText(path, token + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
