using System.CommandLine;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Web;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>The flags of the web host: <c>--web HOST:PORT</c>, <c>--no-web</c>, <c>--token-file FILE</c>.</summary>
internal sealed class WebFlags(bool canTurnOff = true)
{
    private readonly Option<string?> _web = new("--web")
    {
        Description = $"Serve the sweep pages, their JSON API and the Orleans dashboard at HOST:PORT (default {WebSettings.DefaultAddress}; port 0 picks a free one). " +
                      "An address other machines reach needs --token-file.",
    };

    private readonly Option<bool> _noWeb = new("--no-web") { Description = "Serve no web pages." };

    private readonly Option<string?> _tokenFile = new("--token-file")
    {
        Description = "A file (mode 600) whose first line is the token every web request must carry (Authorization: Bearer TOKEN, or ?token=TOKEN once in a browser).",
    };

    public void AddTo(Command command)
    {
        command.Add(_web);
        if (canTurnOff) command.Add(_noWeb);
        command.Add(_tokenFile);
    }

    /// <summary>The web host the flags ask for; null with <c>--no-web</c>.</summary>
    /// <exception cref="UsageException">Contradicting flags, a bad address or token file.</exception>
    public WebSettings? Read(ParseResult pr)
    {
        if (canTurnOff && pr.GetValue(_noWeb))
        {
            if (pr.GetValue(_web) is not null || pr.GetValue(_tokenFile) is not null) throw new UsageException("--no-web cannot go with --web or --token-file");
            return null;
        }
        return WebSettings.Parse(pr.GetValue(_web) ?? WebSettings.DefaultAddress, pr.GetValue(_tokenFile));
    }

    /// <summary>The arguments that give a background <c>sweep silo</c> the same web host.</summary>
    public static IEnumerable<string> Arguments(WebSettings? web) =>
        web is null ? ["--no-web"]
        : web.TokenFile is { } file ? ["--web", web.Endpoint, "--token-file", file]
        : ["--web", web.Endpoint];
}
