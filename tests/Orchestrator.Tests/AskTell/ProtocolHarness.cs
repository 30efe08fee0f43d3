using System.Text;
using Sweep.Orchestrator.AskTell;

namespace Sweep.Orchestrator.Tests.AskTell;

/// <summary>A real <see cref="AskTellServer"/> with the corner sampler, fed one line at a time.</summary>
internal sealed class ProtocolHarness
{
    public const string Init =
        """{"op":"init","protocol":1,"direction":"minimize","seed":0,"space":[{"name":"x1","type":"float","low":-5.0,"high":10.0,"log":false},{"name":"x2","type":"float","low":0.0,"high":15.0,"log":false}],"budget":200,"steps":null,"batch":1}""";

    public const string InitOk = """{"ok":true,"impl":"sweep-test","sampler":"corner","pruner":"threshold"}""";

    public const string Ask = """{"op":"ask"}""";

    public ProtocolHarness(AskTellConfiguration? configuration = null)
    {
        Server = new AskTellServer(configuration ?? Configuration(), Log);
    }

    public StringWriter Log { get; } = new();

    public AskTellServer Server { get; }

    public static AskTellConfiguration Configuration(double pruneAbove = 50) =>
        new(init => new CornerTestSampler(init.Seed), _ => new ThresholdTestPruner(pruneAbove), "sweep-test");

    /// <summary>The response line, or null when the server gives none (blank lines).</summary>
    public string? Send(string line) => Send(Encoding.UTF8.GetBytes(line));

    public string? Send(byte[] line)
    {
        var response = Server.Handle(line);
        return response.IsEmpty ? null : Encoding.UTF8.GetString(response);
    }

    /// <summary>Runs a whole input through <see cref="AskTellServer.Run(TextReader, TextWriter)"/>.</summary>
    public (int ExitCode, string[] Lines) Run(string input)
    {
        var output = new StringWriter();
        var code = Server.Run(new StringReader(input), output);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
