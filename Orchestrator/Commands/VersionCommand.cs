using System.CommandLine;
using System.Reflection;

namespace Sweep.Orchestrator.Commands;

/// <summary><c>sweep version</c>: the tool's version on stdout.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of sweep.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.Out.WriteLine(version);
            return ExitCodes.Ok;
        });
        return command;
    }
}
