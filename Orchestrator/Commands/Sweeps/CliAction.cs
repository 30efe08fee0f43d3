using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// Runs a verb and maps failures to the CLI contract: one line on stderr naming the verb, exit 2 for usage and
/// validation errors, 1 for everything else.
/// </summary>
internal static class CliAction
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static async Task<int> Run(string verb, TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (UsageException e) { return Fail(error, verb, e.Message, Usage); }
        catch (SpecException e) { return Fail(error, verb, e.Message, Usage); }
        catch (SweepNotFoundException e) { return Fail(error, verb, e.Message, Usage); }
        catch (FileNotFoundException e) { return Fail(error, verb, e.Message, Usage); }
        catch (ArgumentException e) { return Fail(error, verb, e.Message, Usage); }
        catch (InvalidOperationException e) { return Fail(error, verb, e.Message, Failure); }
        catch (Exception e) when (e is IOException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Fail(error, verb, e.Message, Failure);
        }
    }

    private static int Fail(TextWriter error, string verb, string message, int code)
    {
        error.WriteLine($"sweep {verb}: {message}");
        return code;
    }
}
