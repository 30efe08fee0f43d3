using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Tests.Execution;

/// <summary>A temp directory with test scripts and log folders; one per test.</summary>
public sealed class TrialSandbox : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    public string Root { get; } = Directory.CreateTempSubdirectory("sweep-exec-").FullName;

    public string LogDirectory => Path.Combine(Root, "logs");

    /// <summary>A launch of <c>/bin/sh script</c> with the given body.</summary>
    public TrialLaunch Script(string body, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var path = Path.Combine(Root, $"trial-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, body);
        return new TrialLaunch("/bin/sh", [path, .. args], environment ?? NoEnvironment, Root, LogDirectory);
    }

    public TrialLaunch Program(string fileName, params string[] args) =>
        new(fileName, args, NoEnvironment, Root, LogDirectory);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
