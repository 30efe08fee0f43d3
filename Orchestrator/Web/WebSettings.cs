using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Web;

/// <summary>
/// Where the web host listens (<c>--web HOST:PORT</c>) and the token every request must carry (<c>--token-file</c>).
/// A class, not a record: a record's ToString would print the token.
/// </summary>
public sealed class WebSettings
{
    public const string DefaultAddress = "127.0.0.1:5080";

    private WebSettings(IPAddress address, int port, string? token, string? tokenFile)
    {
        Address = address;
        Port = port;
        Token = token;
        TokenFile = tokenFile;
    }

    public IPAddress Address { get; }

    /// <summary>0: a free port, chosen when the host starts.</summary>
    public int Port { get; }

    /// <summary>Null: no token (loopback only).</summary>
    public string? Token { get; }

    /// <summary>The full path of the token's file, passed on to a background silo.</summary>
    public string? TokenFile { get; }

    public string Endpoint => Address.AddressFamily == AddressFamily.InterNetworkV6
        ? $"[{Address}]:{Port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Address}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses <c>HOST:PORT</c> (an IPv4 address, <c>[IPv6]</c> or <c>localhost</c>) and reads the token file.</summary>
    /// <exception cref="UsageException">The address or the token file is bad, or a public address has no token.</exception>
    public static WebSettings Parse(string endpoint, string? tokenFile)
    {
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new UsageException($"--web '{endpoint}': give HOST:PORT, e.g. {DefaultAddress} (port 0 picks a free one)");
        var host = endpoint[..colon].Trim('[', ']');
        var address = host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var ip) ? ip
            : throw new UsageException($"--web '{endpoint}': the host must be an IP address or localhost");
        var token = tokenFile is null ? null : ReadToken(tokenFile);
        if (token is null && !IPAddress.IsLoopback(address))
            throw new UsageException($"--web {endpoint} is reachable from other machines: give --token-file FILE (a secret every request must carry)");
        return new WebSettings(address, port, token, tokenFile is null ? null : Path.GetFullPath(tokenFile));
    }

    /// <summary>Fails before anything starts when the port is taken (Kestrel would fail only once the silo is up).</summary>
    /// <exception cref="UsageException">Something listens on the port.</exception>
    public void EnsurePortFree()
    {
        if (Port == 0) return;
        try
        {
            using var probe = new Socket(Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(Address, Port));
        }
        catch (SocketException e)
        {
            throw InUse(e.Message);
        }
    }

    public UsageException InUse(string why) =>
        new($"--web {Endpoint}: cannot listen there ({why}); another sweep's web host? Give --web HOST:PORT (port 0 picks a free one) or --no-web");

    private static string ReadToken(string file)
    {
        if (!File.Exists(file)) throw new UsageException($"--token-file {file} does not exist");
        if ((File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            throw new UsageException($"--token-file {file} is readable by others: chmod 600 it");
        var token = File.ReadLines(file).FirstOrDefault()?.Trim() ?? "";
        if (token.Length < 16 || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new UsageException($"--token-file {file}: its first line must be a token of at least 16 printable characters without spaces");
        return token;
    }
}
